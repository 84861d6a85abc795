package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every BPMN file is something a process owner can open in Camunda Modeler and read: the
 * process id is the file name, every element is drawn, ids are meaningful (not
 * generated), history is cleaned up, and every user task has a Camunda Form deployed with
 * it.
 */
class ProcessModelTests {

	private static final Pattern GENERATED_ID = Pattern.compile(".*(_\\d+|_[0-9a-z]{7})$");

	static Stream<Path> bpmnFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path folder : List.of(Path.of("processes"), Path.of("src/test/resources/test-processes"))) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> walk = Files.walk(folder)) {
					walk.filter(p -> p.toString().endsWith(".bpmn")).forEach(files::add);
				}
			}
		}
		return files.stream();
	}

	@ParameterizedTest
	@MethodSource("bpmnFiles")
	void isReadableInModeler(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		String expectedKey = file.getFileName().toString().replace(".bpmn", "");

		List<Process> processes = new ArrayList<>(model.getModelElementsByType(Process.class));
		assertThat(processes).extracting(Process::getId).contains(expectedKey);
		processes.stream()
			.filter(Process::isExecutable)
			.forEach(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId() + " historyTimeToLive")
				.isNotBlank());

		List<String> drawn = new ArrayList<>();
		model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
		model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
		List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
		elements.addAll(model.getModelElementsByType(SequenceFlow.class));
		for (BaseElement element : elements) {
			assertThat(drawn).as("diagram shape of " + element.getId()).contains(element.getId());
			assertThat(element.getId()).as("meaningful id").doesNotMatch(GENERATED_ID);
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isNotBlank();
			assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " form binding").isEqualTo("deployment");
		}
	}

}
