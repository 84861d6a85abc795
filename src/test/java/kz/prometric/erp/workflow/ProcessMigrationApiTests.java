package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.support.TestData.Org;
import kz.prometric.erp.support.TestData.User;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's process owner moves the workspace's running deals to the version it
 * deployed: a dry run first, then the migration (in the request, or as engine batches for
 * many instances); the deals go on from the step they were at; nothing of another
 * workspace moves, and an instance that cannot move stops the whole migration.
 */
@ErpIntegrationTest
class ProcessMigrationApiTests {

	static final String KEY = "deal-lifecycle";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessMigrations migrations;

	/**
	 * Deletes the migration batches left and the workspaces' own deployments (and their
	 * instances): other tests read definitions and jobs by key alone.
	 */
	@AfterEach
	void cleanUp() {
		this.migrations.synchronousLimit(200);
		this.management.createBatchQuery()
			.type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION)
			.list()
			.forEach(b -> this.management.deleteBatch(b.getId(), true));
		ModelerUploads.deleteWorkspaceDeployments(this.repository);
	}

	@Test
	void runningDealsMoveToTheWorkspacesNewVersionAndGoOnFromTheirStep() throws IOException {
		User ownerA = this.data.user("Aruzhan");
		Org a = this.data.organization(ownerA, "Migrating A LLP");
		User ownerB = this.data.user("Baurzhan");
		Org b = this.data.organization(ownerB, "Staying B LLP");
		String qualifiedDeal = deal(ownerA, a, "Flour");
		String messagedDeal = deal(ownerA, a, "Sugar");
		String dealOfB = deal(ownerB, b, "Salt");
		String shared = instance(a, qualifiedDeal).getProcessDefinitionId();
		assertThat(this.repository.getProcessDefinition(shared).getTenantId()).isNull();

		deploy(ownerA, a, relabelled());
		ProcessDefinition own = ownDefinition(a);

		// the dry run reports both deals as movable and changes nothing
		Api.Response dryRun = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", true));
		assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
		assertThat(dryRun.json().path("dryRun").asBoolean()).isTrue();
		assertThat(dryRun.json().path("total").asInt()).isEqualTo(2);
		assertThat(dryRun.json().path("movable").asInt()).isEqualTo(2);
		assertThat(dryRun.json().path("target").path("id").asText()).isEqualTo(own.getId());
		assertThat(dryRun.json().path("target").path("tenantId").asText()).isEqualTo(a.workspaceId().toString());
		assertThat(dryRun.json().path("sources").get(0).path("id").asText()).isEqualTo(shared);
		for (JsonNode instance : dryRun.json().path("instances")) {
			assertThat(instance.path("outcome").asText()).isEqualTo("MOVABLE");
			assertThat(instance.path("waitingAt").toString()).contains("Task_QualifyDeal");
		}
		assertThat(dryRun.text()).contains(qualifiedDeal, messagedDeal).doesNotContain(dealOfB);
		assertThat(instance(a, qualifiedDeal).getProcessDefinitionId()).isEqualTo(shared);
		assertThat(instance(a, messagedDeal).getProcessDefinitionId()).isEqualTo(shared);
		assertThat(list(ownerA, a).items()).isEmpty();

		// the migration moves A's deals, in the request, and records it
		Api.Response migrated = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(migrated.status()).as(migrated.toString()).isEqualTo(201);
		assertThat(migrated.json().path("state").asText()).isEqualTo("COMPLETED");
		assertThat(migrated.json().path("mode").asText()).isEqualTo("SYNCHRONOUS");
		assertThat(migrated.json().path("migrated").asInt()).isEqualTo(2);
		assertThat(migrated.json().path("actorUserId").asText()).isEqualTo(ownerA.id().toString());
		String migrationId = migrated.json().path("id").asText();
		assertThat(migrated.header("Location"))
			.endsWith("/api/workspaces/" + a.workspaceId() + "/process-migrations/" + migrationId);
		assertThat(instance(a, qualifiedDeal).getProcessDefinitionId()).isEqualTo(own.getId());
		assertThat(instance(a, messagedDeal).getProcessDefinitionId()).isEqualTo(own.getId());
		// B's deal of the same key runs the shared version as before
		assertThat(instance(b, dealOfB).getProcessDefinitionId()).isEqualTo(shared);
		assertThat(task(b, dealOfB).getName()).startsWith("Qualify deal");

		// the deals go on from their step: a completed task, and a correlated message
		Task qualify = task(a, qualifiedDeal);
		Api.Response completed = this.api.post(
				"/api/workspaces/" + a.workspaceId() + "/tasks/" + qualify.getId() + "/complete", ownerA.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(stage(ownerA, a, qualifiedDeal)).isEqualTo("QUALIFIED");
		Task proposal = task(a, qualifiedDeal);
		assertThat(proposal.getName()).startsWith("Prepare the proposal (A)");
		assertThat(proposal.getProcessDefinitionId()).isEqualTo(own.getId());
		assertThat(this.forms.getDeployedTaskForm(proposal.getId())).isNotNull();
		Api.Response staged = this.api.post("/api/workspaces/" + a.workspaceId() + "/deals/" + messagedDeal + "/stage",
				ownerA.token(), Map.of("stage", "QUALIFIED"));
		assertThat(staged.status()).as(staged.toString()).isEqualTo(200);
		assertThat(task(a, messagedDeal).getName()).startsWith("Prepare the proposal (A)");

		// the record: in the list and on its own
		Api.Response listed = list(ownerA, a);
		assertThat(listed.itemValues("id")).containsExactly(migrationId);
		assertThat(listed.items().get(0).path("state").asText()).isEqualTo("COMPLETED");
		Api.Response one = this.api.get("/api/workspaces/" + a.workspaceId() + "/process-migrations/" + migrationId,
				ownerA.token());
		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(one.json().path("instances").findValuesAsText("outcome")).containsOnly("MIGRATED").hasSize(2);
		assertThat(one.json().path("sources").get(0).path("id").asText()).isEqualTo(shared);

		// the same migration again moves nothing new and does not fail
		Api.Response again = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.json().path("total").asInt()).isZero();
		assertThat(again.json().path("state").asText()).isEqualTo("COMPLETED");
		assertThat(instance(a, qualifiedDeal).getProcessDefinitionId()).isEqualTo(own.getId());

		// back to the shared version, named by its id: both deals, at their new step
		Api.Response back = migrate(ownerA, a,
				Map.of("processKey", KEY, "targetDefinitionId", shared, "dryRun", false));
		assertThat(back.status()).as(back.toString()).isEqualTo(201);
		assertThat(back.json().path("migrated").asInt()).isEqualTo(2);
		assertThat(instance(a, qualifiedDeal).getProcessDefinitionId()).isEqualTo(shared);
		assertThat(task(a, qualifiedDeal).getTaskDefinitionKey()).isEqualTo("Task_PrepareProposal");
		assertThat(list(ownerA, a).items()).hasSize(3);
		assertThat(instance(b, dealOfB).getProcessDefinitionId()).isEqualTo(shared);
	}

	@Test
	void refusesAnInstanceWaitingAtAnActivityTheTargetLacksAndMovesNothing() throws IOException {
		User ownerA = this.data.user("Gaukhar");
		Org a = this.data.organization(ownerA, "Renaming A LLP");
		String waiting = deal(ownerA, a, "Flour");
		String proposing = deal(ownerA, a, "Sugar");
		assertThat(this.api
			.post("/api/workspaces/" + a.workspaceId() + "/deals/" + proposing + "/stage", ownerA.token(),
					Map.of("stage", "QUALIFIED"))
			.status()).isEqualTo(200);
		assertThat(task(a, proposing).getTaskDefinitionKey()).isEqualTo("Task_PrepareProposal");
		String shared = instance(a, waiting).getProcessDefinitionId();

		deploy(ownerA, a, renamedProposalTask());

		Api.Response dryRun = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", true));
		assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
		assertThat(dryRun.json().path("movable").asInt()).isEqualTo(1);
		assertThat(dryRun.json().path("notMovable").asInt()).isEqualTo(1);
		JsonNode refused = instanceReport(dryRun.json(), proposing);
		assertThat(refused.path("outcome").asText()).isEqualTo("NOT_MOVABLE");
		assertThat(refused.path("reasons").toString()).contains("Task_PrepareProposal", "Prepare proposal",
				"no matching activity");
		assertThat(instanceReport(dryRun.json(), waiting).path("outcome").asText()).isEqualTo("MOVABLE");

		Api.Response migration = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(migration.status()).as(migration.toString()).isEqualTo(422);
		assertThat(migration.contentType()).startsWith("application/problem+json");
		assertThat(migration.errorFields()).containsExactly("processInstances");
		assertThat(migration.text()).contains(proposing, "Task_PrepareProposal").doesNotContain(waiting);
		// nothing moved, not even the deal that could have
		assertThat(instance(a, waiting).getProcessDefinitionId()).isEqualTo(shared);
		assertThat(instance(a, proposing).getProcessDefinitionId()).isEqualTo(shared);
		// the refusal is on record
		Api.Response listed = list(ownerA, a);
		assertThat(listed.items()).hasSize(1);
		assertThat(listed.items().get(0).path("state").asText()).isEqualTo("REFUSED");
		assertThat(listed.items().get(0).path("id").asText()).isEqualTo(migration.json().path("migrationId").asText());
	}

	@Test
	void onlyTheWorkspacesProcessOwnersMigrateAndOnlyToItsOwnOrSharedDefinitions() throws IOException {
		User ownerA = this.data.user("Dinara");
		Org a = this.data.organization(ownerA, "Guarded A LLP");
		User ownerB = this.data.user("Yerlan");
		Org b = this.data.organization(ownerB, "Curious B LLP");
		User member = this.data.user("Madi");
		this.data.join(ownerA, a.workspaceId(), member, "MANAGER");
		String dealOfA = deal(ownerA, a, "Flour");
		deploy(ownerA, a, relabelled());
		deploy(ownerB, b, relabelled());
		String shared = instance(a, dealOfA).getProcessDefinitionId();
		String ownOfB = ownDefinition(b).getId();
		Api.Response done = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", true));
		assertThat(done.status()).isEqualTo(200);
		String base = "/api/workspaces/" + a.workspaceId() + "/process-migrations";

		// a member without the process owner right: 403, for dry runs and reads too
		for (boolean dry : List.of(true, false)) {
			Api.Response refused = migrate(member, a, Map.of("processKey", KEY, "dryRun", dry));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.api.get(base, member.token()).status()).isEqualTo(403);
		// another workspace's owner: 404, like an unknown workspace
		assertThat(migrate(ownerB, a, Map.of("processKey", KEY, "dryRun", false)).status()).isEqualTo(404);
		assertThat(this.api.get(base, ownerB.token()).status()).isEqualTo(404);
		// another workspace's definition, another key's, an unknown one: 404
		for (String target : List.of(ownOfB, sharedDefinitionOf("order-fulfilment"), "deal-lifecycle:99:nope")) {
			Api.Response foreign = migrate(ownerA, a,
					Map.of("processKey", KEY, "targetDefinitionId", target, "dryRun", true));
			assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
			assertThat(foreign.text()).doesNotContain(b.workspaceId().toString());
		}
		// an unknown process key: 422 naming it; a malformed body: 400 naming the field
		Api.Response unknown = migrate(ownerA, a, Map.of("processKey", "no-such-process", "dryRun", true));
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
		assertThat(unknown.errorFields()).containsExactly("processKey");
		Api.Response noFlag = migrate(ownerA, a, Map.of("processKey", KEY));
		assertThat(noFlag.status()).as(noFlag.toString()).isEqualTo(400);
		assertThat(noFlag.errorFields()).containsExactly("dryRun");
		Api.Response badKey = migrate(ownerA, a, Map.of("processKey", "<script>", "dryRun", true));
		assertThat(badKey.status()).as(badKey.toString()).isEqualTo(400);
		assertThat(badKey.errorFields()).containsExactly("processKey");
		// B's migration record is not A's
		Api.Response ofB = migrate(ownerB, b, Map.of("processKey", KEY, "dryRun", false));
		assertThat(ofB.status()).as(ofB.toString()).isEqualTo(201);
		assertThat(this.api.get(base + "/" + ofB.json().path("id").asText(), ownerA.token()).status()).isEqualTo(404);
		assertThat(instance(a, dealOfA).getProcessDefinitionId()).isEqualTo(shared);
		// the switch for process owners' deployments covers migrations too
		this.migrationsSwitch(false);
		try {
			assertThat(migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false)).status()).isEqualTo(403);
		}
		finally {
			this.migrationsSwitch(true);
		}
		assertThat(instance(a, dealOfA).getProcessDefinitionId()).isEqualTo(shared);
	}

	@Test
	void manyInstancesMigrateAsABatchThatReportsItsProgress() throws IOException {
		this.migrations.synchronousLimit(2);
		User ownerA = this.data.user("Nurlan");
		Org a = this.data.organization(ownerA, "Batching A LLP");
		List<String> deals = List.of(deal(ownerA, a, "Flour"), deal(ownerA, a, "Sugar"), deal(ownerA, a, "Salt"));
		deploy(ownerA, a, relabelled());
		ProcessDefinition own = ownDefinition(a);

		Api.Response dryRun = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", true));
		assertThat(dryRun.json().path("mode").asText()).isEqualTo("BATCH");
		Api.Response started = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");
		assertThat(started.json().path("total").asInt()).isEqualTo(3);
		assertThat(started.json().path("pending").asInt()).isEqualTo(3);
		String location = started.header("Location");
		// a second migration of the key waits until the first ends
		Api.Response second = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(second.status()).as(second.toString()).isEqualTo(409);

		String batchId = started.json().path("batchIds").get(0).asText();
		runSeedJob(batchId);
		Api.Response progress = this.api.get(location, ownerA.token());
		assertThat(progress.json().path("state").asText()).isEqualTo("RUNNING");
		assertThat(progress.json().path("migrated").asInt()).isZero();
		assertThat(progress.json().path("pending").asInt()).isEqualTo(3);

		runBatchJobs(batchId);
		Api.Response done = this.api.get(location, ownerA.token());
		assertThat(done.json().path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.json().path("migrated").asInt()).isEqualTo(3);
		assertThat(done.json().path("failed").asInt()).isZero();
		assertThat(done.json().path("finishedAt").isNull()).isFalse();
		for (String deal : deals) {
			assertThat(instance(a, deal).getProcessDefinitionId()).isEqualTo(own.getId());
		}
		Task qualify = task(a, deals.get(0));
		assertThat(this.api
			.post("/api/workspaces/" + a.workspaceId() + "/tasks/" + qualify.getId() + "/complete", ownerA.token(),
					Map.of("variables", Map.of("outcome", "ADVANCE")))
			.status()).isEqualTo(204);
		assertThat(task(a, deals.get(0)).getName()).startsWith("Prepare the proposal (A)");
	}

	@Test
	void aBatchReportsTheInstanceThatChangedBeforeItsJobRan() throws IOException {
		this.migrations.synchronousLimit(1);
		User ownerA = this.data.user("Saltanat");
		Org a = this.data.organization(ownerA, "Racing A LLP");
		String first = deal(ownerA, a, "Flour");
		String racing = deal(ownerA, a, "Sugar");
		deploy(ownerA, a, renamedProposalTask());
		ProcessDefinition own = ownDefinition(a);

		Api.Response started = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		// the deal moves on to the task the new version renamed before its batch job runs
		assertThat(this.api
			.post("/api/workspaces/" + a.workspaceId() + "/deals/" + racing + "/stage", ownerA.token(),
					Map.of("stage", "QUALIFIED"))
			.status()).isEqualTo(200);
		String batchId = started.json().path("batchIds").get(0).asText();
		runSeedJob(batchId);
		runBatchJobs(batchId);

		Api.Response report = this.api.get(started.header("Location"), ownerA.token());
		assertThat(report.json().path("state").asText()).as(report.toString()).isEqualTo("INCOMPLETE");
		assertThat(report.json().path("migrated").asInt()).isEqualTo(1);
		assertThat(report.json().path("failed").asInt()).isEqualTo(1);
		JsonNode failed = instanceReport(report.json(), racing);
		assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");
		assertThat(failed.path("reasons").toString()).contains("Task_PrepareProposal");
		assertThat(instance(a, first).getProcessDefinitionId()).isEqualTo(own.getId());
		assertThat(instance(a, racing).getProcessDefinitionId()).isNotEqualTo(own.getId());

		// a new migration takes over the failed batch's leftovers: it refuses the deal,
		// and the leftover batch is gone
		Api.Response again = migrate(ownerA, a, Map.of("processKey", KEY, "dryRun", false));
		assertThat(again.status()).as(again.toString()).isEqualTo(422);
		assertThat(again.text()).contains(racing, "Task_PrepareProposal");
		assertThat(this.management.createBatchQuery().batchId(batchId).count()).isZero();
		Api.Response earlier = this.api.get(started.header("Location"), ownerA.token());
		assertThat(earlier.json().path("state").asText()).isEqualTo("INCOMPLETE");
		assertThat(earlier.json().path("finishedAt").isNull()).isFalse();
	}

	// helpers

	@Autowired
	OwnerDeployments ownerDeployments;

	private void migrationsSwitch(boolean enabled) {
		this.ownerDeployments.enabled(enabled);
	}

	private Api.Response migrate(User user, Org org, Map<String, Object> body) {
		return this.api.post("/api/workspaces/" + org.workspaceId() + "/process-migrations", user.token(),
				new HashMap<>(body));
	}

	private Api.Response list(User user, Org org) {
		Api.Response listed = this.api.get("/api/workspaces/" + org.workspaceId() + "/process-migrations",
				user.token());
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed;
	}

	private void deploy(User owner, Org org, byte[] process) {
		Api.Response deployed = this.api.send("POST", "/api/workspaces/" + org.workspaceId() + "/process-deployments",
				owner.token(),
				ModelerUploads.multipart(Map.of(), Map.of("files", Map.entry("deal-lifecycle.bpmn", process))),
				ModelerUploads.multipartHeaders());
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
	}

	private ProcessDefinition ownDefinition(Org org) {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(KEY)
			.tenantIdIn(org.workspaceId().toString())
			.latestVersion()
			.singleResult();
	}

	private String sharedDefinitionOf(String key) {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.withoutTenantId()
			.latestVersion()
			.singleResult()
			.getId();
	}

	private String deal(User owner, Org org, String title) {
		UUID customer = this.data.customer(owner, org.workspaceId(), "Customer " + title + " " + UUID.randomUUID());
		return this.data.deal(owner, org.workspaceId(), customer, title, Map.of()).path("id").asText();
	}

	private String stage(User owner, Org org, String dealId) {
		return this.api.get("/api/workspaces/" + org.workspaceId() + "/deals/" + dealId, owner.token())
			.json()
			.path("stage")
			.asText();
	}

	private ProcessInstance instance(Org org, String dealId) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(dealId)
			.tenantIdIn(org.workspaceId().toString())
			.singleResult();
	}

	private Task task(Org org, String dealId) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(dealId)
			.tenantIdIn(org.workspaceId().toString())
			.singleResult();
	}

	private static JsonNode instanceReport(JsonNode report, String businessKey) {
		for (JsonNode instance : report.path("instances")) {
			if (instance.path("businessKey").asText().equals(businessKey)) {
				return instance;
			}
		}
		throw new AssertionError("no instance " + businessKey + " in " + report);
	}

	private void runSeedJob(String batchId) {
		Batch batch = this.management.createBatchQuery().batchId(batchId).singleResult();
		for (Job job : this.management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()) {
			this.management.executeJob(job.getId());
		}
	}

	/**
	 * Runs the batch's jobs as the job executor would, a failing one until its retries
	 * are used up.
	 */
	private void runBatchJobs(String batchId) {
		Batch batch = this.management.createBatchQuery().batchId(batchId).singleResult();
		for (int round = 0; round < 5; round++) {
			for (Job job : this.management.createJobQuery()
				.jobDefinitionId(batch.getBatchJobDefinitionId())
				.withRetriesLeft()
				.list()) {
				try {
					this.management.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// a failed job: the engine lowers its retries, as for the job
					// executor
				}
			}
		}
	}

	/**
	 * The shipped process with two tasks relabelled: the same ids, a visibly new version.
	 */
	private static byte[] relabelled() throws IOException {
		String process = Files.readString(Path.of("processes/deal-lifecycle.bpmn"));
		String changed = process.replace("name=\"Qualify deal\"", "name=\"Qualify the deal (A)\"")
			.replace("name=\"Prepare proposal\"", "name=\"Prepare the proposal (A)\"");
		assertThat(changed).isNotEqualTo(process);
		return changed.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The shipped process whose proposal task has another id: waiting there cannot be
	 * mapped.
	 */
	private static byte[] renamedProposalTask() throws IOException {
		String process = new String(relabelled(), StandardCharsets.UTF_8);
		return process.replace("Task_PrepareProposal", "Task_DraftProposal").getBytes(StandardCharsets.UTF_8);
	}

}
