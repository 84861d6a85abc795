package kz.prometric.erp.workflow;

import java.util.UUID;

import kz.prometric.erp.support.ErpIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup in BPMN: a call activity and a business-rule task take the workspace's own
 * version when it has one, else the shared default, also when other workspaces have their
 * own versions of the same key.
 */
@ErpIntegrationTest
class WorkspaceDefinitionsTests {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	WorkspaceDefinitions definitions;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final UUID workspaceA = UUID.randomUUID();

	private final UUID workspaceB = UUID.randomUUID();

	private final UUID workspaceC = UUID.randomUUID();

	@AfterEach
	void deleteTestDeployments() {
		this.repository.createDeploymentQuery()
			.list()
			.stream()
			.filter(d -> d.getName() != null && d.getName().endsWith(this.tag))
			.forEach(d -> this.repository.deleteDeployment(d.getId(), true, true));
	}

	@Test
	void aCallActivityCallsTheWorkspacesOwnProcessElseTheSharedOne() {
		String caller = "caller-" + this.tag;
		String callee = "callee-" + this.tag;
		deploy(null, caller + ".bpmn", callerProcess(caller, callee));
		deploy(null, callee + ".bpmn", calleeProcess(callee, "Shared step"));
		deploy(this.workspaceA, callee + ".bpmn", calleeProcess(callee, "Step of A"));
		deploy(this.workspaceC, callee + ".bpmn", calleeProcess(callee, "Step of C"));

		assertThat(calledTenant(caller, callee, this.workspaceA)).isEqualTo(this.workspaceA.toString());
		// B has no version of its own: the shared one, though A and C have theirs
		assertThat(calledTenant(caller, callee, this.workspaceB)).isNull();
	}

	@Test
	void aBusinessRuleTaskEvaluatesTheWorkspacesOwnTableElseTheSharedOne() {
		String process = "rule-" + this.tag;
		String table = "table-" + this.tag;
		deploy(null, process + ".bpmn", ruleProcess(process, table));
		deploy(null, table + ".dmn", table(table, "10"));
		deploy(this.workspaceA, table + ".dmn", table(table, "30"));
		deploy(this.workspaceC, table + ".dmn", table(table, "50"));

		assertThat(ruleResult(process, this.workspaceA)).isEqualTo(30);
		assertThat(ruleResult(process, this.workspaceB)).isEqualTo(10);
		assertThat(ruleResult(process, this.workspaceC)).isEqualTo(50);
	}

	@Test
	void aWorkspaceStartsItsOwnProcessVersionAndTheInstanceBelongsToTheWorkspace() {
		String callee = "own-" + this.tag;
		deploy(null, callee + ".bpmn", calleeProcess(callee, "Shared step"));
		deploy(this.workspaceA, callee + ".bpmn", calleeProcess(callee, "Step of A"));

		ProcessInstance ofA = this.definitions.startProcess(callee, this.workspaceA)
			.setVariable("workspaceId", this.workspaceA.toString())
			.execute();
		ProcessInstance ofB = this.definitions.startProcess(callee, this.workspaceB)
			.setVariable("workspaceId", this.workspaceB.toString())
			.execute();

		assertThat(ofA.getTenantId()).isEqualTo(this.workspaceA.toString());
		assertThat(this.repository.getProcessDefinition(ofA.getProcessDefinitionId()).getTenantId())
			.isEqualTo(this.workspaceA.toString());
		assertThat(ofB.getTenantId()).isEqualTo(this.workspaceB.toString());
		assertThat(this.repository.getProcessDefinition(ofB.getProcessDefinitionId()).getTenantId()).isNull();
	}

	private String calledTenant(String caller, String callee, UUID workspace) {
		ProcessInstance instance = this.definitions.startProcess(caller, workspace)
			.setVariable("workspaceId", workspace.toString())
			.execute();
		ProcessInstance called = this.runtime.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.singleResult();
		assertThat(called.getTenantId()).isEqualTo(workspace.toString());
		return this.repository.getProcessDefinition(called.getProcessDefinitionId()).getTenantId();
	}

	private Object ruleResult(String process, UUID workspace) {
		ProcessInstance instance = this.definitions.startProcess(process, workspace)
			.setVariable("workspaceId", workspace.toString())
			.execute();
		return this.runtime.getVariable(instance.getId(), "result");
	}

	private void deploy(UUID workspace, String name, String xml) {
		var builder = this.repository.createDeployment().name(name + "-" + this.tag).addString(name, xml);
		if (workspace != null) {
			builder.tenantId(workspace.toString());
		}
		builder.deploy();
	}

	private static String callerProcess(String key, String callee) {
		return definitions("""
				<bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="StartEvent_Caller"/>
				  <bpmn:sequenceFlow id="Flow_ToCall" sourceRef="StartEvent_Caller" targetRef="CallActivity_Callee"/>
				  <bpmn:callActivity id="CallActivity_Callee" calledElement="%s" camunda:calledElementBinding="latest"
				      camunda:calledElementTenantId="${workspaceDefinitions.processTenant(execution, '%s')}"/>
				  <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="CallActivity_Callee" targetRef="EndEvent_Caller"/>
				  <bpmn:endEvent id="EndEvent_Caller"/>
				</bpmn:process>""".formatted(key, callee, callee));
	}

	private static String calleeProcess(String key, String taskName) {
		return definitions("""
				<bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="StartEvent_Callee"/>
				  <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Callee" targetRef="Task_Wait"/>
				  <bpmn:userTask id="Task_Wait" name="%s"/>
				  <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Wait" targetRef="EndEvent_Callee"/>
				  <bpmn:endEvent id="EndEvent_Callee"/>
				</bpmn:process>""".formatted(key, taskName));
	}

	private static String ruleProcess(String key, String table) {
		return definitions("""
				<bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="StartEvent_Rule"/>
				  <bpmn:sequenceFlow id="Flow_ToRule" sourceRef="StartEvent_Rule" targetRef="Task_Decide"/>
				  <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="%s" camunda:decisionRefBinding="latest"
				      camunda:decisionRefTenantId="${workspaceDefinitions.decisionTenant(execution, '%s')}"
				      camunda:resultVariable="result" camunda:mapDecisionResult="singleEntry"/>
				  <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Task_Decide" targetRef="Task_Wait"/>
				  <bpmn:userTask id="Task_Wait"/>
				  <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Wait" targetRef="EndEvent_Rule"/>
				  <bpmn:endEvent id="EndEvent_Rule"/>
				</bpmn:process>""".formatted(key, table, table));
	}

	private static String definitions(String process) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://prometric.kz/test">
				%s
				</bpmn:definitions>"""
			.formatted(process);
	}

	private static String table(String key, String output) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="Definitions_%1$s" name="%1$s" namespace="http://prometric.kz/test">
				  <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="P1D">
				    <decisionTable id="DecisionTable_1" hitPolicy="FIRST">
				      <output id="Output_1" name="result" typeRef="integer"/>
				      <rule id="Rule_1">
				        <outputEntry id="OutputEntry_1"><text>%2$s</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>"""
			.formatted(key, output);
	}

}
