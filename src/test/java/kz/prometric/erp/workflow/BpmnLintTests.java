package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java lint finds what Camunda Modeler's bpmnlint marks red, and nothing in the files
 * that bpmnlint passes (the shipped processes, linted in CI).
 */
class BpmnLintTests {

	@Test
	void theShippedProcessesHaveNoProblem() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				assertThat(BpmnLint.problems(Bpmn.readModelFromFile(file.toFile()))).as(file.toString()).isEmpty();
			}
		}
	}

	@Test
	void findsTheRecommendedRulesErrors() {
		String process = """
				<bpmn:process id="linted" isExecutable="true">
				  <bpmn:startEvent id="StartEvent_Go" name="Go"/>
				  <bpmn:sequenceFlow id="Flow_ToChoice" sourceRef="StartEvent_Go" targetRef="Gateway_Choice"/>
				  <bpmn:exclusiveGateway id="Gateway_Choice" name="Which?"/>
				  <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Choice" targetRef="Task_Work">
				    <bpmn:conditionExpression>${yes}</bpmn:conditionExpression>
				  </bpmn:sequenceFlow>
				  <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Choice" targetRef="Task_Work"/>
				  <bpmn:userTask id="Task_Work"/>
				  <bpmn:userTask id="Task_Alone" name="Alone"/>
				  <bpmn:inclusiveGateway id="Gateway_Inclusive" name="Both"/>
				</bpmn:process>""";

		List<String> problems = BpmnLint.problems(model(process, ""));

		assertThat(problems).contains("linted: has no end event (end-event-required)",
				"Flow_No: leaves Gateway_Choice without a condition and is not its default flow (conditional-flows)",
				"Task_Work: has no name (label-required)", "Task_Alone: is not connected (no-disconnected)",
				"Task_Work: has no outgoing sequence flow (no-implicit-end)",
				"Gateway_Inclusive: inclusive gateways are not supported (no-inclusive-gateway)",
				"StartEvent_Go: is not drawn in the diagram (no-bpmndi)");
	}

	@Test
	void aDrawnConnectedNamedProcessPasses() {
		String process = """
				<bpmn:process id="clean" isExecutable="true">
				  <bpmn:startEvent id="StartEvent_Go" name="Go"/>
				  <bpmn:sequenceFlow id="Flow_Done" sourceRef="StartEvent_Go" targetRef="EndEvent_Done"/>
				  <bpmn:endEvent id="EndEvent_Done" name="Done"/>
				</bpmn:process>""";
		String diagram = """
				<bpmndi:BPMNDiagram id="Diagram_Clean"><bpmndi:BPMNPlane id="Plane_Clean" bpmnElement="clean">
				  <bpmndi:BPMNShape id="S1" bpmnElement="StartEvent_Go"><dc:Bounds x="1" y="1" width="36" height="36"/></bpmndi:BPMNShape>
				  <bpmndi:BPMNShape id="S2" bpmnElement="EndEvent_Done"><dc:Bounds x="90" y="1" width="36" height="36"/></bpmndi:BPMNShape>
				  <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_Done"><di:waypoint x="37" y="19"/><di:waypoint x="90" y="19"/></bpmndi:BPMNEdge>
				</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>""";

		assertThat(BpmnLint.problems(model(process, diagram))).isEmpty();
	}

	private static org.camunda.bpm.model.bpmn.BpmnModelInstance model(String process, String diagram) {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_Lint" targetNamespace="t">
				%s
				%s
				</bpmn:definitions>"""
			.formatted(process, diagram);
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

}
