package kz.prometric.erp.production.adapter;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter protocol as {@code docs/production.md} documents it for vendors who do not
 * use Java: plain HTTP on the engine REST API with a machine account (HTTP Basic, an ERP
 * user who is a MEMBER of one workspace). Fetch-and-lock, extend lock, complete with the
 * declared report variables, failure with retries and the incident when none are left;
 * and the doors that stay closed: variables the activity does not declare, BPMN errors,
 * everything else an update right on the instance would allow, and another workspace's
 * operations.
 */
@ErpIntegrationTest
class ExternalTaskProtocolApiTests {

	private static final String WORKER = "cnc-gateway-1";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ExternalTaskService externalTasks;

	@Autowired
	ManagementService management;

	private Api.Response fetchAndLock(String credentials, String workCenter, String workerId) {
		return this.api.post("/engine-rest/external-task/fetchAndLock", credentials,
				Map.of("workerId", workerId, "maxTasks", 10, "usePriority", true, "topics",
						List.of(Map.of("topicName", SimulatedMachine.TOPIC_PREFIX + workCenter, "lockDuration", 60000,
								"variables", List.of("quantity", "plannedMinutes", "operationName", "instructions",
										"productCode", "productionOrderNumber")))));
	}

	private JsonNode lockOne(MachineShop shop, String workCenter) {
		Api.Response fetched = fetchAndLock(shop.machineBasic(), workCenter, WORKER);
		assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
		assertThat(fetched.json()).hasSize(1);
		return fetched.json().get(0);
	}

	private Api.Response post(String path, String credentials, Object body) {
		return this.api.post("/engine-rest/external-task/" + path, credentials, body);
	}

	/** The failure's details: plain text. */
	private Api.Response errorDetails(String id, String credentials) {
		return this.api.send("GET", "/engine-rest/external-task/" + id + "/errorDetails", credentials, null,
				Map.of("Accept", "*/*"));
	}

	private ExternalTask taskOf(ProcessInstance instance) {
		return this.externalTasks.createExternalTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private boolean waitsAt(ProcessInstance instance, String activityId) {
		return this.runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.count() == 1;
	}

	private static Map<String, Object> typed(Object value, String type) {
		return Map.of("value", value, "type", type);
	}

	@Test
	void fetchesLocksExtendsAndCompletesAnOperationOverPlainHttp() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 5L, 42L);

		JsonNode task = lockOne(shop, cnc);

		assertThat(task.path("topicName").asText()).isEqualTo("production." + cnc);
		assertThat(task.path("workerId").asText()).isEqualTo(WORKER);
		assertThat(task.path("tenantId").asText()).isEqualTo(shop.workspaceId().toString());
		assertThat(task.path("businessKey").asText()).startsWith("MO-2026-");
		assertThat(task.path("variables").path("quantity").path("value").asLong()).isEqualTo(5);
		assertThat(task.path("variables").path("plannedMinutes").path("value").asLong()).isEqualTo(42);
		assertThat(task.path("variables").path("operationName").path("value").asText()).isEqualTo("Milling");
		assertThat(task.path("variables").path("productionOrderNumber").path("value").asText())
			.isEqualTo(task.path("businessKey").asText());
		String id = task.path("id").asText();

		Api.Response extended = post(id + "/extendLock", shop.machineBasic(),
				Map.of("workerId", WORKER, "newDuration", 120000));
		assertThat(extended.status()).as(extended.toString()).isEqualTo(204);
		Api.Response completed = post(id + "/complete", shop.machineBasic(),
				Map.of("workerId", WORKER, "variables",
						Map.of("goodQuantity", typed(4, "Long"), "scrapQuantity", typed(1, "Long"), "durationMinutes",
								typed(45.5, "Double"), "notes", typed("spindle 2", "String"))));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

		assertThat(waitsAt(operation, MachineShop.TASK_AWAIT_INSPECTION)).isTrue();
		assertThat(this.runtime.getVariables(operation.getId())).containsEntry("goodQuantity", 4L)
			.containsEntry("scrapQuantity", 1L)
			.containsEntry("durationMinutes", 45.5)
			.containsEntry("notes", "spindle 2");
	}

	@Test
	void refusesVariablesTheOperationDoesNotDeclareAndChangesNothing() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 5L, 42L);
		String id = lockOne(shop, cnc).path("id").asText();

		Api.Response forged = post(id + "/complete", shop.machineBasic(), Map.of("workerId", WORKER, "variables",
				Map.of("goodQuantity", typed(5, "Long"), "inspectionOutcome", typed("PASSED", "String"))));
		Api.Response forgedLocal = post(id + "/complete", shop.machineBasic(),
				Map.of("workerId", WORKER, "localVariables", Map.of("inspectionPassed", typed(true, "Boolean"))));
		Api.Response forgedFailure = post(id + "/failure", shop.machineBasic(),
				Map.of("workerId", WORKER, "errorMessage", "jam", "retries", 1, "retryTimeout", 0, "variables",
						Map.of("quantity", typed(500, "Long"))));

		assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
		assertThat(forged.json().path("message").asText()).contains("inspectionOutcome")
			.contains("goodQuantity, scrapQuantity, durationMinutes, notes");
		assertThat(forgedLocal.status()).as(forgedLocal.toString()).isEqualTo(403);
		assertThat(forgedFailure.status()).as(forgedFailure.toString()).isEqualTo(403);
		assertThat(waitsAt(operation, MachineShop.TASK_RUN_ON_MACHINE)).isTrue();
		ExternalTask task = taskOf(operation);
		assertThat(task.getWorkerId()).isEqualTo(WORKER);
		assertThat(task.getRetries()).isNull();
		assertThat(this.runtime.getVariables(operation.getId())).doesNotContainKeys("goodQuantity", "inspectionOutcome",
				"inspectionPassed");
		assertThat(this.runtime.getVariableLocal(task.getExecutionId(), "quantity")).isEqualTo(5L);
	}

	@Test
	void refusesABpmnErrorFromAMachine() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 5L, 42L);
		String id = lockOne(shop, cnc).path("id").asText();

		Api.Response scrapped = post(id + "/bpmnError", shop.machineBasic(),
				Map.of("workerId", WORKER, "errorCode", "Err_LotScrapped", "errorMessage", "scrap it"));
		Api.Response refused = post(id + "/bpmnError", shop.machineBasic(),
				Map.of("workerId", WORKER, "errorCode", "Err_OperationReportRefused"));

		assertThat(scrapped.status()).as(scrapped.toString()).isEqualTo(403);
		assertThat(scrapped.json().path("message").asText()).contains("report a failure instead");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(waitsAt(operation, MachineShop.TASK_RUN_ON_MACHINE)).isTrue();
		assertThat(taskOf(operation).getWorkerId()).isEqualTo(WORKER);
	}

	@Test
	void reportsFailuresWithRetriesUntilAnIncidentThatNewRetriesResolve() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 5L, 42L);
		String id = lockOne(shop, cnc).path("id").asText();

		Api.Response first = post(id + "/failure", shop.machineBasic(), Map.of("workerId", WORKER, "errorMessage",
				"Spindle overload", "errorDetails", "axis Z at 130 %", "retries", 1, "retryTimeout", 0));
		assertThat(first.status()).as(first.toString()).isEqualTo(204);
		assertThat(lockOne(shop, cnc).path("id").asText()).isEqualTo(id);
		Api.Response last = post(id + "/failure", shop.machineBasic(),
				Map.of("workerId", WORKER, "errorMessage", "Spindle overload", "retries", 0, "retryTimeout", 0));
		assertThat(last.status()).as(last.toString()).isEqualTo(204);

		Api.Response again = fetchAndLock(shop.machineBasic(), cnc, WORKER);
		assertThat(again.json()).isEmpty();
		Api.Response incidents = this.api.get("/engine-rest/incident?processInstanceId=" + operation.getId(),
				shop.ownerBasic());
		assertThat(incidents.status()).as(incidents.toString()).isEqualTo(200);
		assertThat(incidents.json()).hasSize(1);
		assertThat(incidents.json().get(0).path("incidentType").asText()).isEqualTo("failedExternalTask");
		assertThat(incidents.json().get(0).path("incidentMessage").asText()).isEqualTo("Spindle overload");
		Api.Response details = errorDetails(id, shop.ownerBasic());
		assertThat(details.status()).as(details.toString()).isEqualTo(200);
		assertThat(details.text()).contains("axis Z at 130 %");

		Api.Response resolved = this.api.send("PUT", "/engine-rest/external-task/" + id + "/retries", shop.ownerBasic(),
				Map.of("retries", 2), Map.of());
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(204);
		assertThat(
				this.api.get("/engine-rest/incident?processInstanceId=" + operation.getId(), shop.ownerBasic()).json())
			.isEmpty();
		assertThat(lockOne(shop, cnc).path("id").asText()).isEqualTo(id);
		Api.Response completed = post(id + "/complete", shop.machineBasic(),
				Map.of("workerId", WORKER, "variables", Map.of("goodQuantity", typed(5, "Long"))));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(waitsAt(operation, MachineShop.TASK_AWAIT_INSPECTION)).isTrue();
	}

	@Test
	void hidesAWorkspacesOperationsFromAnotherWorkspacesMachine() {
		MachineShop acme = MachineShop.open(this.data, "Acme");
		MachineShop globex = MachineShop.open(this.data, "Globex");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = acme.operation(this.runtime, cnc, 5L, 42L);

		Api.Response globexFetch = fetchAndLock(globex.machineBasic(), cnc, "globex-gateway");
		assertThat(globexFetch.status()).isEqualTo(200);
		assertThat(globexFetch.json()).isEmpty();
		String id = lockOne(acme, cnc).path("id").asText();

		// even with Acme's worker id, Globex's account finds nothing at Acme's task
		String intruder = globex.machineBasic();
		Map<String, Object> complete = Map.of("workerId", WORKER, "variables",
				Map.of("goodQuantity", typed(5, "Long")));
		List<Api.Response> attempts = List.of(this.api.get("/engine-rest/external-task/" + id, intruder),
				post(id + "/complete", intruder, complete),
				post(id + "/failure", intruder, Map.of("workerId", WORKER, "errorMessage", "x", "retries", 0)),
				post(id + "/bpmnError", intruder, Map.of("workerId", WORKER, "errorCode", "Err_LotScrapped")),
				post(id + "/extendLock", intruder, Map.of("workerId", WORKER, "newDuration", 1000)),
				post(id + "/unlock", intruder, null),
				this.api.send("PUT", "/engine-rest/external-task/" + id + "/retries", intruder, Map.of("retries", 0),
						Map.of()),
				this.api.send("PUT", "/engine-rest/external-task/" + id + "/priority", intruder, Map.of("priority", 99),
						Map.of()),
				errorDetails(id, intruder));
		for (Api.Response attempt : attempts) {
			assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
			assertThat(attempt.text()).doesNotContain(WORKER);
		}
		assertThat(this.api.get("/engine-rest/external-task?topicName=production." + cnc, intruder).json()).isEmpty();
		assertThat(this.api.get("/engine-rest/external-task?topicName=production." + cnc, acme.machineBasic()).json())
			.hasSize(1);

		ExternalTask task = taskOf(operation);
		assertThat(task.getWorkerId()).isEqualTo(WORKER);
		assertThat(task.getRetries()).isNull();
		assertThat(task.getPriority()).isZero();
		assertThat(waitsAt(operation, MachineShop.TASK_RUN_ON_MACHINE)).isTrue();
		assertThat(this.runtime.getVariable(operation.getId(), "goodQuantity")).isNull();
	}

	@Test
	void refusesAMachineAccountEverythingElseAnUpdateRightOnTheRunWouldAllow() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 5L, 42L);
		String machine = shop.machineBasic();
		String instance = "/engine-rest/process-instance/" + operation.getId();
		// the operation's overdue timer
		Job overdue = this.management.createJobQuery().processInstanceId(operation.getId()).singleResult();
		String job = "/engine-rest/job/" + overdue.getId();

		List<Api.Response> attempts = List.of(
				this.api.send("PUT", instance + "/variables/goodQuantity", machine, typed(5, "Long"), Map.of()),
				this.api.post(instance + "/variables", machine,
						Map.of("modifications", Map.of("inspectionOutcome", typed("PASSED", "String")))),
				this.api.post(instance + "/modification", machine, Map.of("instructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", MachineShop.TASK_AWAIT_INSPECTION),
								Map.of("type", "cancel", "activityId", MachineShop.TASK_RUN_ON_MACHINE)))),
				this.api.send("PUT", instance + "/suspended", machine, Map.of("suspended", true), Map.of()),
				this.api.send("PUT", job + "/duedate", machine, Map.of("duedate", "2020-01-01T00:00:00.000+0000"),
						Map.of()),
				this.api.send("PUT", job + "/suspended", machine, Map.of("suspended", true), Map.of()),
				this.api.delete(job, machine),
				this.api.post("/engine-rest/execution/" + taskOf(operation).getExecutionId() + "/signal", machine,
						Map.of()),
				this.api.post("/engine-rest/message", machine,
						Map.of("messageName", "Msg_SubassemblyFinished", "businessKey", operation.getBusinessKey())));
		List<String> what = List.of("set a variable", "patch variables", "modify", "suspend the run", "move the timer",
				"suspend the timer", "delete the timer", "signal", "correlate a message");
		for (int i = 0; i < attempts.size(); i++) {
			Api.Response attempt = attempts.get(i);
			if (i < 7) {
				assertThat(attempt.status()).as(what.get(i) + ": " + attempt).isEqualTo(403);
			}
			else {
				assertThat(attempt.status()).as(what.get(i) + ": " + attempt).isIn(400, 403, 404);
			}
		}

		assertThat(waitsAt(operation, MachineShop.TASK_RUN_ON_MACHINE)).isTrue();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(operation.getId()).active().count())
			.isEqualTo(1);
		assertThat(this.runtime.getVariables(operation.getId())).doesNotContainKeys("goodQuantity",
				"inspectionOutcome");
		Job stillDue = this.management.createJobQuery().jobId(overdue.getId()).singleResult();
		assertThat(stillDue).isNotNull();
		assertThat(stillDue.getDuedate()).isEqualTo(overdue.getDuedate());
		assertThat(stillDue.isSuspended()).isFalse();
	}

	@Test
	void refusesCallsWithoutAnErpAccount() {
		assertThat(this.api.post("/engine-rest/external-task/fetchAndLock", null,
				Map.of("workerId", WORKER, "maxTasks", 1, "topics",
						List.of(Map.of("topicName", "production.CNC-01", "lockDuration", 1000))))
			.status()).isEqualTo(401);
		assertThat(this.api.post("/engine-rest/external-task/fetchAndLock", MachineShop.basic("nobody@example.kz"),
				Map.of("workerId", WORKER, "maxTasks", 1, "topics",
						List.of(Map.of("topicName", "production.CNC-01", "lockDuration", 1000))))
			.status()).isEqualTo(401);
	}

}
