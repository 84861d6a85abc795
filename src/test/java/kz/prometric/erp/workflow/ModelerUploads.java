package kz.prometric.erp.workflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RepositoryService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads as Camunda Modeler sends them: multipart bodies, HTTP Basic with the ERP
 * account, and a changed copy of the shipped probability table.
 */
final class ModelerUploads {

	static final String BOUNDARY = "----PrometricBoundary7MA4YWxkTrZu0gW";

	private ModelerUploads() {
	}

	static Map<String, String> multipartHeaders() {
		return Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
	}

	/**
	 * A multipart body as a string (the files here are UTF-8 text, as Api sends strings).
	 */
	static String multipart(Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		files.forEach((name, file) -> {
			write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(file.getValue());
			write(out, "\r\n");
		});
		write(out, "--" + BOUNDARY + "--\r\n");
		return out.toString(StandardCharsets.UTF_8);
	}

	/** HTTP Basic with an ERP account's e-mail and the test password. */
	static String basic(String email) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((email + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The shipped deal-probability table with one rule changed: a new deal of a medium
	 * company gets 33 instead of 10.
	 */
	static byte[] changedProbabilityTable() throws IOException {
		String table = Files.readString(Path.of("dmn/deal-probability.dmn"));
		String changed = table.replace("<outputEntry id=\"OutputEntry_NewMediumCompany\">\n          <text>10</text>",
				"<outputEntry id=\"OutputEntry_NewMediumCompany\">\n          <text>33</text>");
		assertThat(changed).isNotEqualTo(table);
		return changed.getBytes(StandardCharsets.UTF_8);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Deletes every workspace deployment (with its instances), so that each test starts
	 * from the shared defaults.
	 */
	static void deleteWorkspaceDeployments(RepositoryService repository) {
		repository.createDeploymentQuery()
			.list()
			.stream()
			.filter(d -> d.getTenantId() != null)
			.forEach(d -> repository.deleteDeployment(d.getId(), true, true));
	}

	/**
	 * The smallest process Camunda Modeler draws without a lint error: a named start and
	 * end event joined by a flow, with its diagram.
	 */
	static byte[] smallestProcess(String key) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Small" targetNamespace="t">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Small" name="Started"/>
				    <bpmn:sequenceFlow id="Flow_Small" sourceRef="StartEvent_Small" targetRef="EndEvent_Small"/>
				    <bpmn:endEvent id="EndEvent_Small" name="Done"/>
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="Diagram_Small">
				    <bpmndi:BPMNPlane id="Plane_Small" bpmnElement="%s">
				      <bpmndi:BPMNShape id="Shape_Start" bpmnElement="StartEvent_Small"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Shape_End" bpmnElement="EndEvent_Small"><dc:Bounds x="200" y="100" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Edge_Small" bpmnElement="Flow_Small"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>"""
			.formatted(key, key)
			.getBytes(StandardCharsets.UTF_8);
	}

}
