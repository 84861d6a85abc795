package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.support.TestData.Org;
import kz.prometric.erp.support.TestData.User;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's process owners deploy their own versions of tables and processes (the ERP
 * endpoint and the engine REST API as Camunda Modeler calls it); only that workspace uses
 * them, and nobody else may deploy into it.
 */
@ErpIntegrationTest
class WorkspaceProcessDeploymentApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	WorkspaceDefinitions definitions;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	/**
	 * Deletes the workspaces' own deployments (and their instances) after each test:
	 * other tests start processes and evaluate tables by key alone, as the shared
	 * defaults.
	 */
	@AfterEach
	void deleteWorkspaceDeployments() {
		ModelerUploads.deleteWorkspaceDeployments(this.repository);
	}

	@Test
	void workspaceDecisionTableAppliesToItsOwnDealsOnly() throws IOException {
		User ownerA = this.data.user("Aliya");
		Org a = this.data.organization(ownerA, "Probability A LLP");
		User ownerB = this.data.user("Bolat");
		Org b = this.data.organization(ownerB, "Probability B LLP");
		byte[] table = ModelerUploads.changedProbabilityTable();

		Api.Response deployed = this.api.send("POST", "/api/workspaces/" + a.workspaceId() + "/process-deployments",
				ownerA.token(),
				ModelerUploads.multipart(Map.of(), Map.of("files", Map.entry("deal-probability.dmn", table))),
				ModelerUploads.multipartHeaders());
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
		assertThat(deployed.json().path("newVersions").toString()).contains("deal-probability");

		assertThat(newDealProbability(ownerA, a)).isEqualTo(33);
		assertThat(newDealProbability(ownerB, b)).isEqualTo(10);
		// the shared default is untouched; another workspace's table is not visible to B
		assertThat(this.definitions.decisionTenant(b.workspaceId(), "deal-probability")).isNull();
		assertThat(this.definitions.decisionTenant(a.workspaceId(), "deal-probability"))
			.isEqualTo(a.workspaceId().toString());
		// A's deployment carries the shared forms; processes and tables A did not change
		// stay shared
		assertThat(this.definitions.processTenant(a.workspaceId(), "deal-lifecycle")).isNull();
		String deploymentId = deployed.json().path("id").asText();
		assertThat(this.repository.getDeploymentResourceNames(deploymentId))
			.contains("deal-probability.dmn", "defaults/forms/qualify-deal.form")
			.doesNotContain("defaults/processes/deal-lifecycle.bpmn");

		// B's owner may not deploy into A (not a member: 404); a member without the
		// right: 403
		Api.Response foreign = this.api.send("POST", "/api/workspaces/" + a.workspaceId() + "/process-deployments",
				ownerB.token(),
				ModelerUploads.multipart(Map.of(), Map.of("files", Map.entry("deal-probability.dmn", table))),
				ModelerUploads.multipartHeaders());
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
		User member = this.data.user("Dana");
		this.data.join(ownerA, a.workspaceId(), member, "MANAGER");
		Api.Response refused = this.api.send("POST", "/api/workspaces/" + a.workspaceId() + "/process-deployments",
				member.token(),
				ModelerUploads.multipart(Map.of(), Map.of("files", Map.entry("deal-probability.dmn", table))),
				ModelerUploads.multipartHeaders());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.contentType()).contains("application/problem+json");

		// the owner grants the right; the members list shows it
		Api.Response granted = this.api.send("PUT",
				"/api/workspaces/" + a.workspaceId() + "/members/" + member.id() + "/process-owner", ownerA.token(),
				Map.of("processOwner", true), Map.of());
		assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
		Api.Response members = this.api.get("/api/workspaces/" + a.workspaceId() + "/members", ownerA.token());
		for (JsonNode item : members.items()) {
			assertThat(item.path("processOwner").asBoolean()).as(item.toString()).isTrue();
		}
		// a manager may not grant it; nobody may take it from the owner
		Api.Response byManager = this.api.send("PUT",
				"/api/workspaces/" + a.workspaceId() + "/members/" + ownerA.id() + "/process-owner", member.token(),
				Map.of("processOwner", false), Map.of());
		assertThat(byManager.status()).as(byManager.toString()).isEqualTo(403);
		Api.Response fromOwner = this.api.send("PUT",
				"/api/workspaces/" + a.workspaceId() + "/members/" + ownerA.id() + "/process-owner", ownerA.token(),
				Map.of("processOwner", false), Map.of());
		assertThat(fromOwner.status()).as(fromOwner.toString()).isEqualTo(422);

		// a script task is refused with the reason, and nothing is deployed
		long before = this.repository.createDeploymentQuery().tenantIdIn(a.workspaceId().toString()).count();
		String script = Files.readString(Path.of("processes/deal-lifecycle.bpmn"))
			.replace("<bpmn:userTask id=\"Task_QualifyDeal\"",
					"<bpmn:scriptTask id=\"Task_Evil\" scriptFormat=\"groovy\"><bpmn:script>'rm -rf /'.execute()"
							+ "</bpmn:script></bpmn:scriptTask><bpmn:userTask id=\"Task_QualifyDeal\"");
		Api.Response unsafe = this.api.send("POST", "/api/workspaces/" + a.workspaceId() + "/process-deployments",
				member.token(),
				ModelerUploads.multipart(Map.of(),
						Map.of("files", Map.entry("deal-lifecycle.bpmn", script.getBytes(StandardCharsets.UTF_8)))),
				ModelerUploads.multipartHeaders());
		assertThat(unsafe.status()).as(unsafe.toString()).isEqualTo(422);
		assertThat(unsafe.text()).contains("Task_Evil", "script");
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(a.workspaceId().toString()).count())
			.isEqualTo(before);
	}

	@Test
	void processOwnerDeploysChangedProcessFromModelerIntoOwnWorkspaceOnly() throws IOException {
		User ownerA = this.data.user("Aigerim");
		Org a = this.data.organization(ownerA, "Modeler A LLP");
		User ownerB = this.data.user("Berik");
		Org b = this.data.organization(ownerB, "Modeler B LLP");
		User member = this.data.user("Erlan");
		this.data.join(ownerA, a.workspaceId(), member, "MEMBER");
		byte[] process = Files.readString(Path.of("processes/deal-lifecycle.bpmn"))
			.replace("name=\"Qualify deal\"", "name=\"Qualify the deal (A)\"")
			.getBytes(StandardCharsets.UTF_8);
		String tenantA = a.workspaceId().toString();

		// as Camunda Modeler deploys: multipart with name, tenant, deploy-changed-only,
		// the file
		Api.Response deployed = modelerDeploy(ownerA, tenantA, process);
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
		String deploymentId = deployed.json().path("id").asText();
		assertThat(deployed.json().path("tenantId").asText()).isEqualTo(tenantA);
		assertThat(this.repository.getDeploymentResourceNames(deploymentId))
			.contains("deal-lifecycle.bpmn", "defaults/forms/qualify-deal.form")
			.doesNotContain("defaults/dmn/deal-probability.dmn");

		ProcessDefinition ofA = definitionOfNewDeal(ownerA, a);
		assertThat(ofA.getTenantId()).isEqualTo(tenantA);
		assertThat(ofA.getDeploymentId()).isEqualTo(deploymentId);
		// A's deal waits at A's task, whose form is found in A's deployment
		Task qualify = this.tasks.createTaskQuery().processDefinitionId(ofA.getId()).singleResult();
		assertThat(qualify.getName()).startsWith("Qualify the deal (A)");
		assertThat(this.forms.getDeployedTaskForm(qualify.getId())).isNotNull();
		ProcessDefinition ofB = definitionOfNewDeal(ownerB, b);
		assertThat(ofB.getTenantId()).isNull();

		// Deploy clicked again with nothing changed: the same deployment, no new version
		Api.Response again = modelerDeploy(ownerA, tenantA, process);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("id").asText()).isEqualTo(deploymentId);

		// refused: a member without the right, another workspace's owner naming A, or no
		// tenant
		assertThat(modelerDeploy(member, tenantA, process).status()).isEqualTo(403);
		Api.Response foreign = modelerDeploy(ownerB, tenantA, process);
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
		Api.Response shared = modelerDeploy(ownerA, null, process);
		assertThat(shared.status()).as(shared.toString()).isEqualTo(403);
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(tenantA).count()).isEqualTo(1);
		// the walk-arounds: B redeploys or deletes A's deployment
		Api.Response redeploy = this.api.send("POST", "/engine-rest/deployment/" + deploymentId + "/redeploy",
				ModelerUploads.basic(ownerB.email()), "{}", Map.of("Content-Type", "application/json"));
		assertThat(redeploy.status()).as(redeploy.toString()).isEqualTo(404);
		Api.Response delete = this.api.send("DELETE", "/engine-rest/deployment/" + deploymentId,
				ModelerUploads.basic(ownerB.email()), null, Map.of());
		assertThat(delete.status()).as(delete.toString()).isEqualTo(404);
		assertThat(this.repository.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
		// nor may anyone delete the shared defaults through the engine
		String sharedId = this.repository.createDeploymentQuery()
			.withoutTenantId()
			.deploymentName("prometric-erp")
			.orderByDeploymentTime()
			.desc()
			.list()
			.get(0)
			.getId();
		Api.Response deleteShared = this.api.send("DELETE", "/engine-rest/deployment/" + sharedId,
				ModelerUploads.basic(ownerA.email()), null, Map.of());
		assertThat(deleteShared.status()).as(deleteShared.toString()).isIn(403, 404);
		// A's owner redeploys A's own deployment
		Api.Response own = this.api.send("POST", "/engine-rest/deployment/" + deploymentId + "/redeploy",
				ModelerUploads.basic(ownerA.email()), "{}", Map.of("Content-Type", "application/json"));
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().path("tenantId").asText()).isEqualTo(tenantA);
	}

	@Test
	void refusesUnsafeFilesFromModelerWithTheReasonsAndDeploysNothing() throws IOException {
		User ownerA = this.data.user("Akmaral");
		Org a = this.data.organization(ownerA, "Unsafe A LLP");
		byte[] process = Files.readString(Path.of("processes/deal-lifecycle.bpmn"))
			.replace("camunda:delegateExpression=\"${readDealStageDelegate}\"", "camunda:class=\"com.example.Evil\"")
			.getBytes(StandardCharsets.UTF_8);

		Api.Response refused = modelerDeploy(ownerA, a.workspaceId().toString(), process);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.text()).contains("camunda:class").doesNotContain("at org.");
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(a.workspaceId().toString()).count()).isZero();
	}

	@Test
	void platformAdministratorsDeploySharedProcessesAndARevokedRightEndsAtOnce() {
		User admin = this.data.platformAdmin();
		String key = "shared-upload-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] bpmn = ModelerUploads.smallestProcess(key);

		Api.Response shared = modelerDeploy(admin, null, key + ".bpmn", bpmn);
		try {
			assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
			assertThat(shared.json().path("tenantId").isNull()).isTrue();
		}
		finally {
			this.repository.deleteDeployment(shared.json().path("id").asText(), true);
		}

		User ownerA = this.data.user("Saule");
		Org a = this.data.organization(ownerA, "Revoking A LLP");
		User member = this.data.user("Timur");
		this.data.join(ownerA, a.workspaceId(), member, "MEMBER");
		String right = "/api/workspaces/" + a.workspaceId() + "/members/" + member.id() + "/process-owner";
		assertThat(this.api.send("PUT", right, ownerA.token(), Map.of("processOwner", true), Map.of()).status())
			.isEqualTo(200);
		assertThat(modelerDeploy(member, a.workspaceId().toString(), key + ".bpmn", bpmn).status()).isEqualTo(200);
		assertThat(this.api.send("PUT", right, ownerA.token(), Map.of("processOwner", false), Map.of()).status())
			.isEqualTo(200);
		assertThat(modelerDeploy(member, a.workspaceId().toString(), key + ".bpmn", bpmn).status()).isEqualTo(403);
	}

	@Test
	void theAdministratorsRedeployRefusesAScriptWithTheReasons() throws IOException {
		User admin = this.data.platformAdmin();
		Path evil = Files.createDirectories(Path.of("target/redeploy-test/processes")).resolve("evil-script.bpmn");
		Files.writeString(evil,
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
						    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Evil" targetNamespace="t">
						  <bpmn:process id="evil-script" isExecutable="true" camunda:historyTimeToLive="P1D">
						    <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
						  </bpmn:process>
						</bpmn:definitions>""");
		try {
			Api.Response refused = this.api.post("/api/admin/processes/redeploy", admin.token(), null);

			assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
			assertThat(refused.text()).contains("Task_Script");
			assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("evil-script").count())
				.isZero();
		}
		finally {
			Files.delete(evil);
		}
	}

	private Api.Response modelerDeploy(User user, String tenant, byte[] process) {
		return modelerDeploy(user, tenant, "deal-lifecycle.bpmn", process);
	}

	private Api.Response modelerDeploy(User user, String tenant, String fileName, byte[] process) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", "deal-lifecycle");
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("deploy-changed-only", "true");
		if (tenant != null) {
			fields.put("tenant-id", tenant);
		}
		return this.api.send("POST", "/engine-rest/deployment/create", ModelerUploads.basic(user.email()),
				ModelerUploads.multipart(fields, Map.of(fileName, Map.entry(fileName, process))),
				ModelerUploads.multipartHeaders());
	}

	private int newDealProbability(User owner, Org org) {
		UUID customer = this.data.customer(owner, org.workspaceId(), "Customer of " + owner.email());
		JsonNode deal = this.data.deal(owner, org.workspaceId(), customer, "Flour", Map.of());
		return deal.path("probability").asInt();
	}

	private ProcessDefinition definitionOfNewDeal(User owner, Org org) {
		UUID customer = this.data.customer(owner, org.workspaceId(), "Customer of " + owner.email());
		JsonNode deal = this.data.deal(owner, org.workspaceId(), customer, "Sugar", Map.of());
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(deal.path("id").asText())
			.tenantIdIn(org.workspaceId().toString())
			.singleResult();
		return this.repository.getProcessDefinition(instance.getProcessDefinitionId());
	}

}
