package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.support.TestData.Org;
import kz.prometric.erp.support.TestData.User;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions a workspace uses, the record of its deployments (who, when, what changed)
 * and the way back to the shared default, walked around: another workspace, a member
 * without the process owner right, Deploy clicked twice, a reset of what is not the
 * workspace's own.
 */
@ErpIntegrationTest
class ProcessVersionsApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessDeployments deployments;

	@Autowired
	PlatformTransactionManager transactions;

	/** Other tests evaluate tables and start processes by key alone, as the defaults. */
	@AfterEach
	void deleteWorkspaceDeployments() {
		ModelerUploads.deleteWorkspaceDeployments(this.repository);
	}

	@Test
	void recordsWhoDeployedWhenAndTheChangedRowAndHidesItFromOtherWorkspaces() throws IOException {
		User ownerA = this.data.user("Asel");
		Org a = this.data.organization(ownerA, "Versions A LLP");
		User ownerB = this.data.user("Bauyrzhan");
		Org b = this.data.organization(ownerB, "Versions B LLP");
		String wsA = "/api/workspaces/" + a.workspaceId();
		Instant before = Instant.now();

		Api.Response deployed = deploy(ownerA, a, ModelerUploads.changedProbabilityTable());
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
		String deploymentId = deployed.json().path("id").asText();

		// the list: who, when, through which door, what changed
		Api.Response list = this.api.get(wsA + "/process-deployments", ownerA.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.json().path("total").asInt()).isEqualTo(1);
		JsonNode item = list.items().get(0);
		assertThat(item.path("deploymentId").asText()).isEqualTo(deploymentId);
		assertThat(item.path("byUserId").asText()).isEqualTo(ownerA.id().toString());
		assertThat(item.path("byEmail").asText()).isEqualTo(ownerA.email());
		assertThat(item.path("channel").asText()).isEqualTo("ERP_API");
		Instant at = Instant.parse(item.path("deployedAt").asText());
		assertThat(at).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
		assertThat(item.path("changes")).hasSize(1);
		assertThat(item.path("changes").get(0).path("key").asText()).isEqualTo("deal-probability");
		assertThat(item.path("changes").get(0).path("status").asText()).isEqualTo("CHANGED");
		assertThat(item.path("changes").get(0).path("summary").asText()).contains("1 row changed");
		assertThat(item.path("unchanged").asInt()).as("the carried shared forms").isPositive();

		// the detail: the row as it was and as it is
		Api.Response detail = this.api.get(wsA + "/process-deployments/" + deploymentId, ownerA.token());
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		JsonNode table = definition(detail, "decision", "deal-probability");
		assertThat(table.path("before").path("own").asBoolean()).isFalse();
		assertThat(table.path("before").path("file").asText()).isEqualTo("dmn/deal-probability.dmn");
		assertThat(table.path("after").path("own").asBoolean()).isTrue();
		assertThat(table.path("after").path("file").asText()).isEqualTo("deal-probability.dmn");
		JsonNode rules = table.path("rules");
		assertThat(rules.path("added")).isEmpty();
		assertThat(rules.path("removed")).isEmpty();
		assertThat(rules.path("orderChanged").asBoolean()).isFalse();
		assertThat(rules.path("inputs").toString()).contains("Stage", "Deal value", "Customer type");
		assertThat(rules.path("changed")).hasSize(1);
		JsonNode row = rules.path("changed").get(0);
		assertThat(row.path("before").path("id").asText()).isEqualTo("Rule_NewMediumCompany");
		assertThat(row.path("before").path("inputEntries").toString()).contains("\\\"NEW\\\"", "[1000000..10000000[",
				"\\\"COMPANY\\\"");
		assertThat(row.path("before").path("outputEntries").toString()).isEqualTo("[\"10\"]");
		assertThat(row.path("after").path("outputEntries").toString()).isEqualTo("[\"33\"]");
		JsonNode form = definition(detail, "form", "qualify-deal");
		assertThat(form.path("status").asText()).isEqualTo("UNCHANGED");
		assertThat(form.path("after").path("file").asText()).isEqualTo("defaults/forms/qualify-deal.form");

		// the versions: A's own table, the rest shared
		JsonNode versions = versions(ownerA, a);
		JsonNode probability = version(versions, "decision", "deal-probability");
		assertThat(probability.path("own").asBoolean()).isTrue();
		assertThat(probability.path("deploymentId").asText()).isEqualTo(deploymentId);
		assertThat(probability.path("definitionId").asText()).isNotBlank();
		assertThat(probability.path("version").asInt()).isEqualTo(1);
		assertThat(version(versions, "decision", "vat-rate").path("own").asBoolean()).isFalse();
		assertThat(version(versions, "process", "deal-lifecycle").path("own").asBoolean()).isFalse();
		assertThat(versions.path("items").findValuesAsText("own")).containsOnlyOnce("true");
		assertThat(version(versions(ownerB, b), "decision", "deal-probability").path("own").asBoolean()).isFalse();

		// B sees none of it: not A's records through its own workspace, nor A's workspace
		Api.Response ofB = this.api.get("/api/workspaces/" + b.workspaceId() + "/process-deployments", ownerB.token());
		assertThat(ofB.status()).isEqualTo(200);
		assertThat(ofB.items()).isEmpty();
		assertThat(ofB.json().path("total").asInt()).isZero();
		assertNotFound(this.api.get("/api/workspaces/" + b.workspaceId() + "/process-deployments/" + deploymentId,
				ownerB.token()));
		assertNotFound(this.api.get(wsA + "/process-deployments/" + deploymentId, ownerB.token()));
		assertNotFound(this.api.get(wsA + "/process-deployments", ownerB.token()));
		assertNotFound(this.api.get(wsA + "/process-versions", ownerB.token()));

		// Deploy clicked twice: the same deployment, recorded once
		Api.Response again = deploy(ownerA, a, ModelerUploads.changedProbabilityTable());
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.json().path("id").asText()).isEqualTo(deploymentId);
		assertThat(this.api.get(wsA + "/process-deployments", ownerA.token()).json().path("total").asInt())
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from wf_deployment_record where workspace_id = ?",
				Integer.class, a.workspaceId()))
			.isEqualTo(1);
	}

	@Test
	void recordsAModelerDeploymentWithTheEngineUserAndTheActivitiesThatChanged() throws IOException {
		User ownerA = this.data.user("Aizhan");
		Org a = this.data.organization(ownerA, "Modeler Versions A LLP");
		String process = Files.readString(Path.of("processes/deal-lifecycle.bpmn"))
			.replace("name=\"Qualify deal\"", "name=\"Qualify the deal (A)\"");
		assertThat(process).contains("Qualify the deal (A)");

		Api.Response deployed = modelerDeploy(ownerA, a.workspaceId().toString(),
				process.getBytes(StandardCharsets.UTF_8));
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
		String deploymentId = deployed.json().path("id").asText();
		Api.Response twice = modelerDeploy(ownerA, a.workspaceId().toString(),
				process.getBytes(StandardCharsets.UTF_8));
		assertThat(twice.json().path("id").asText()).isEqualTo(deploymentId);

		Api.Response list = this.api.get("/api/workspaces/" + a.workspaceId() + "/process-deployments", ownerA.token());
		assertThat(list.items()).hasSize(1);
		JsonNode item = list.items().get(0);
		assertThat(item.path("channel").asText()).isEqualTo("ENGINE_REST");
		assertThat(item.path("byEmail").asText()).isEqualTo(ownerA.email());
		assertThat(item.path("byUserId").asText()).isEqualTo(ownerA.id().toString());
		assertThat(item.path("source").asText()).isEqualTo("Camunda Modeler");
		assertThat(item.path("name").asText()).isEqualTo("deal-lifecycle");
		JsonNode lifecycle = definition(this.api
			.get("/api/workspaces/" + a.workspaceId() + "/process-deployments/" + deploymentId, ownerA.token()),
				"process", "deal-lifecycle");
		assertThat(lifecycle.path("status").asText()).isEqualTo("CHANGED");
		assertThat(lifecycle.path("activities").path("added")).isEmpty();
		assertThat(lifecycle.path("activities").path("removed")).isEmpty();
		assertThat(lifecycle.path("activities").path("renamed")).hasSize(1);
		assertThat(lifecycle.path("activities").path("renamed").get(0).path("id").asText())
			.isEqualTo("Task_QualifyDeal");
		assertThat(lifecycle.path("activities").path("renamed").get(0).path("nameAfter").asText())
			.isEqualTo("Qualify the deal (A)");
		assertThat(version(versions(ownerA, a), "process", "deal-lifecycle").path("own").asBoolean()).isTrue();
	}

	@Test
	void resetToDefaultGivesTheWorkspaceTheSharedTableAgainAndKeepsTheHistory() throws IOException {
		User ownerA = this.data.user("Ardak");
		Org a = this.data.organization(ownerA, "Reset A LLP");
		User member = this.data.user("Madina");
		this.data.join(ownerA, a.workspaceId(), member, "MANAGER");
		User ownerB = this.data.user("Bekzat");
		this.data.organization(ownerB, "Reset B LLP");
		String wsA = "/api/workspaces/" + a.workspaceId();
		String reset = wsA + "/process-versions/decision/deal-probability/reset-to-default";
		String first = deploy(ownerA, a, ModelerUploads.changedProbabilityTable()).json().path("id").asText();
		assertThat(newDealProbability(ownerA, a)).isEqualTo(33);

		// a member without the process owner right reads, but does not reset; another
		// workspace's owner does not even see it
		assertThat(this.api.get(wsA + "/process-versions", member.token()).status()).isEqualTo(200);
		assertThat(this.api.get(wsA + "/process-deployments/" + first, member.token()).status()).isEqualTo(200);
		Api.Response refused = this.api.post(reset, member.token(), null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertNotFound(this.api.post(reset, ownerB.token(), null));
		assertThat(newDealProbability(ownerA, a)).isEqualTo(33);

		Api.Response back = this.api.post(reset, ownerA.token(), null);

		assertThat(back.status()).as(back.toString()).isEqualTo(200);
		assertThat(back.json().path("channel").asText()).isEqualTo("RESET");
		assertThat(back.json().path("byEmail").asText()).isEqualTo(ownerA.email());
		assertThat(back.json().path("reset").path("key").asText()).isEqualTo("deal-probability");
		JsonNode table = definition(back, "decision", "deal-probability");
		assertThat(table.path("status").asText()).isEqualTo("BACK_TO_DEFAULT");
		assertThat(table.path("before").path("own").asBoolean()).isTrue();
		assertThat(table.path("after").path("file").asText()).isEqualTo("defaults/dmn/deal-probability.dmn");
		assertThat(table.path("rules").path("changed").get(0).path("after").path("outputEntries").toString())
			.isEqualTo("[\"10\"]");
		// new deals get the default's probability; the list says shared
		assertThat(newDealProbability(ownerA, a)).isEqualTo(10);
		assertThat(version(versions(ownerA, a), "decision", "deal-probability").path("own").asBoolean()).isFalse();
		// the history keeps both deployments, newest first
		Api.Response history = this.api.get(wsA + "/process-deployments", member.token());
		assertThat(history.items()).extracting(i -> i.path("channel").asText()).containsExactly("RESET", "ERP_API");
		assertThat(history.items().get(1).path("deploymentId").asText()).isEqualTo(first);
		assertThat(this.api.get(wsA + "/process-deployments?sort=deployedAt,asc", member.token()).items())
			.extracting(i -> i.path("channel").asText())
			.containsExactly("ERP_API", "RESET");
		assertThat(this.api.get(wsA + "/process-deployments?size=1&page=2", member.token()).items())
			.extracting(i -> i.path("deploymentId").asText())
			.containsExactly(first);

		// what is not the workspace's own (any more) is a 422 naming the key; an unknown
		// key or kind a 404
		Api.Response twice = this.api.post(reset, ownerA.token(), null);
		assertThat(twice.status()).as(twice.toString()).isEqualTo(422);
		assertThat(twice.errorFields()).containsExactly("key");
		assertThat(twice.text()).contains("deal-probability");
		Api.Response shared = this.api.post(wsA + "/process-versions/process/deal-lifecycle/reset-to-default",
				ownerA.token(), null);
		assertThat(shared.status()).as(shared.toString()).isEqualTo(422);
		assertThat(shared.text()).contains("deal-lifecycle");
		assertNotFound(
				this.api.post(wsA + "/process-versions/decision/no-such-table/reset-to-default", ownerA.token(), null));
		assertNotFound(
				this.api.post(wsA + "/process-versions/form/qualify-deal/reset-to-default", ownerA.token(), null));
		assertThat(this.api.get(wsA + "/process-deployments", ownerA.token()).json().path("total").asInt())
			.isEqualTo(2);

		// and deploying the own table again makes it the workspace's again
		Api.Response again = deploy(ownerA, a, ModelerUploads.changedProbabilityTable());
		assertThat(again.json().path("id").asText()).isNotEqualTo(first);
		assertThat(newDealProbability(ownerA, a)).isEqualTo(33);
	}

	@Test
	void recordsNothingForARefusedDeploymentAndRollsTheRecordBackWithTheDeployment() throws IOException {
		User ownerA = this.data.user("Almas");
		Org a = this.data.organization(ownerA, "Rollback A LLP");
		String unparseable = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
				  <process id="broken-process" isExecutable="true"><startEvent id="StartEvent_A"/>
				    <sequenceFlow id="Flow_A" sourceRef="StartEvent_A" targetRef="Nowhere"/></process>
				</definitions>""";
		Api.Response refused = this.api.send("POST", "/api/workspaces/" + a.workspaceId() + "/process-deployments",
				ownerA.token(),
				ModelerUploads.multipart(Map.of(),
						Map.of("files", Map.entry("broken.bpmn", unparseable.getBytes(StandardCharsets.UTF_8)))),
				ModelerUploads.multipartHeaders());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);

		// the ERP's deployment inside a transaction that rolls back: neither the
		// deployment nor its record stays
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			try {
				this.deployments.deploy(a.workspaceId(), ownerA.id(), "rolled back",
						Map.of("deal-probability.dmn", ModelerUploads.changedProbabilityTable()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(this.jdbc.queryForObject("select count(*) from wf_deployment_record where workspace_id = ?",
					Integer.class, a.workspaceId()))
				.as("recorded in the deployment's transaction")
				.isEqualTo(1);
			status.setRollbackOnly();
		});

		assertThat(this.repository.createDeploymentQuery().tenantIdIn(a.workspaceId().toString()).count()).isZero();
		Api.Response list = this.api.get("/api/workspaces/" + a.workspaceId() + "/process-deployments", ownerA.token());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.items()).isEmpty();
	}

	private Api.Response deploy(User user, Org org, byte[] table) {
		return this.api.send("POST", "/api/workspaces/" + org.workspaceId() + "/process-deployments", user.token(),
				ModelerUploads.multipart(Map.of(), Map.of("files", Map.entry("deal-probability.dmn", table))),
				ModelerUploads.multipartHeaders());
	}

	private Api.Response modelerDeploy(User user, String tenant, byte[] process) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", "deal-lifecycle");
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("deploy-changed-only", "true");
		fields.put("tenant-id", tenant);
		return this.api.send("POST", "/engine-rest/deployment/create", ModelerUploads.basic(user.email()),
				ModelerUploads.multipart(fields,
						Map.of("deal-lifecycle.bpmn", Map.entry("deal-lifecycle.bpmn", process))),
				ModelerUploads.multipartHeaders());
	}

	private JsonNode versions(User user, Org org) {
		Api.Response response = this.api.get("/api/workspaces/" + org.workspaceId() + "/process-versions",
				user.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("workspaceId").asText()).isEqualTo(org.workspaceId().toString());
		return response.json();
	}

	private static JsonNode version(JsonNode versions, String kind, String key) {
		for (JsonNode item : versions.path("items")) {
			if (item.path("kind").asText().equals(kind) && item.path("key").asText().equals(key)) {
				return item;
			}
		}
		throw new AssertionError("no " + kind + " " + key + " in " + versions);
	}

	private static JsonNode definition(Api.Response detail, String kind, String key) {
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		for (JsonNode item : detail.json().path("definitions")) {
			if (item.path("kind").asText().equals(kind) && item.path("key").asText().equals(key)) {
				return item;
			}
		}
		throw new AssertionError("no " + kind + " " + key + " in " + detail);
	}

	private static void assertNotFound(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private int newDealProbability(User owner, Org org) {
		UUID customer = this.data.customer(owner, org.workspaceId(), "Customer " + UUID.randomUUID());
		return this.data.deal(owner, org.workspaceId(), customer, "Flour", Map.of()).path("probability").asInt();
	}

}
