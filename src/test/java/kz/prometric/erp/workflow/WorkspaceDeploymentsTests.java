package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimal deployment guard: what could run code on the server is refused with a
 * reason naming the element; the shipped files pass.
 */
class WorkspaceDeploymentsTests {

	@Test
	void theShippedProcessesTablesAndFormsPass() throws IOException {
		for (String folder : List.of("processes", "dmn", "forms")) {
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				files.filter(file -> file.toString().matches(".*\\.(bpmn|dmn|form)$"))
					.forEach(file -> assertThat(unsafe(file.getFileName().toString(), read(file))).as(file.toString())
						.isEmpty());
			}
		}
	}

	@Test
	void refusesClassNamesScriptsAndReflectionInBpmn() {
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
				  <bpmn:process id="p" isExecutable="true">
				    <bpmn:serviceTask id="Task_Class" camunda:class="com.example.Evil"/>
				    <bpmn:userTask id="Task_Listener">
				      <bpmn:extensionElements>
				        <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:taskListener>
				      </bpmn:extensionElements>
				    </bpmn:userTask>
				    <bpmn:serviceTask id="Task_Reflection" camunda:expression="${''.getClass().forName('java.lang.Runtime')}"/>
				    <bpmn:serviceTask id="Task_Engine" camunda:expression="${execution.processEngineServices.repositoryService}"/>
				    <bpmn:serviceTask id="Task_Indirect" camunda:expression="${execution[services][repository].deleteDeployment('x')}"/>
				    <bpmn:serviceTask id="Task_Literal" camunda:expression="${lines[0] != null and totals['net'] > 0}"/>
				    <bpmn:sequenceFlow id="Flow_Script" sourceRef="Task_Class" targetRef="Task_Listener">
				      <bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				  </bpmn:process>
				</bpmn:definitions>""";

		List<String> reasons = unsafe("evil.bpmn", bpmn);

		assertThat(String.join("\n", reasons)).contains("Task_Class names a Java class", "has a script",
				"Task_Reflection has an expression reaching Java", "Task_Engine has an expression reaching Java",
				"expression language 'groovy'", "Task_Indirect reads a property named at run time");
		assertThat(String.join("\n", reasons)).doesNotContain("Task_Literal");
	}

	@Test
	void refusesDecisionTablesInAnotherLanguageThanFeelAndOtherFileTypes() {
		String dmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
				  <decision id="d" name="d">
				    <decisionTable id="DecisionTable_1">
				      <input id="Input_1"><inputExpression id="InputExpression_1" expressionLanguage="juel"><text>${bean.call()}</text></inputExpression></input>
				      <output id="Output_1" name="o"/>
				    </decisionTable>
				  </decision>
				</definitions>""";

		assertThat(unsafe("table.dmn", dmn)).singleElement().asString().contains("InputExpression_1", "juel");
		assertThat(unsafe("run.js", "1")).singleElement().asString().contains("only .bpmn, .dmn and .form");
		assertThat(unsafe("broken.bpmn", "<definitions")).singleElement().asString().contains("not well-formed");
		assertThat(unsafe("entity.bpmn",
				"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
			.singleElement()
			.asString()
			.contains("not well-formed");
	}

	private static List<String> unsafe(String name, String content) {
		return WorkspaceDeployments.unsafe(name, content.getBytes(StandardCharsets.UTF_8));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
