package kz.prometric.erp.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.production.process.ProductionRun;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate cannot be skipped: with a run waiting for its inspection (or for its
 * operator), no engine REST call of a worker of the workspace — completing the task with
 * forged variables, throwing a BPMN error, modifying the instance, correlating a message,
 * setting a variable — and no REST route marks the order done or puts output into stock;
 * and even an administrator's modification that jumps to the output step is refused by
 * the order itself (an incident, no output).
 */
@ErpIntegrationTest
class ProductionRunGateApiTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ObjectMapper mapper;

	TestData.User owner;

	TestData.Org org;

	ProductionFixtures shop;

	UUID stool;

	JsonNode order;

	ProcessInstance run;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Dana");
		this.org = this.data.organization(this.owner, "Dana Stools");
		this.shop = new ProductionFixtures(this.api, this.owner.token(), this.org.workspaceId());
		UUID warehouse = this.shop.warehouse("MAIN");
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		this.stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(this.stool, assembly, "Assemble", "0", "6", true);
		this.order = this.shop.order(this.stool, "10", warehouse);
		this.shop.release(this.order);
		this.run = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.order.path("orderNumber").asText())
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		runJobs();
	}

	@Test
	void noEngineDoorOfAWorkerSkipsTheInspection() throws Exception {
		Task perform = task(ProductionRun.TASK_PERFORM_OPERATION);
		List<Api.Response> attempts = new ArrayList<>();
		// the operator reports and claims the lot passed
		attempts.add(engine("POST", "/task/" + perform.getId() + "/complete",
				variables(Map.of("goodQuantity", 10, "inspectionOutcome", "PASSED", "inspectionFollows", false))));
		attempts.add(engine("POST", "/task/" + perform.getId() + "/bpmnError",
				"{\"errorCode\":\"" + ProductionRun.ERR_OPERATION_REPORT_REFUSED + "\"}"));
		attempts.add(engine("POST", "/process-instance/" + this.run.getId() + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
						+ ProductionRun.TASK_RECORD_OUTPUT + "\"}]}"));
		attempts.add(engine("POST", "/message", "{\"messageName\":\"" + ProductionRun.MSG_SUBASSEMBLY_FINISHED
				+ "\",\"businessKey\":\"" + this.order.path("orderNumber").asText() + "\"}"));
		attempts.add(engine("POST", "/process-instance/" + this.run.getId() + "/variables",
				"{\"modifications\":{\"inspectionOutcome\":{\"value\":\"PASSED\"}}}"));
		attempts.add(engine("PUT", "/task/" + perform.getId() + "/variables/inspectionOutcome",
				"{\"value\":\"PASSED\",\"type\":\"String\"}"));

		assertThat(attempts).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(403));
		assertNothingPassedTheGate();
		assertThat(task(ProductionRun.TASK_PERFORM_OPERATION).getId()).isEqualTo(perform.getId());

		// the honest report brings the inspection; forging its outcome is refused too
		Api.Response reported = engine("POST", "/task/" + perform.getId() + "/complete",
				variables(Map.of("goodQuantity", 10, "durationMinutes", 60)));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(204);
		runJobs();
		Task inspect = task(ProductionRun.TASK_INSPECT_QUALITY);
		List<Api.Response> atInspection = new ArrayList<>();
		atInspection.add(engine("POST", "/task/" + inspect.getId() + "/complete",
				variables(Map.of("sampled", 3, "defects", 3, "inspectionOutcome", "PASSED"))));
		atInspection.add(engine("POST", "/task/" + inspect.getId() + "/bpmnError",
				"{\"errorCode\":\"" + ProductionRun.ERR_LOT_SCRAPPED + "\"}"));
		atInspection.add(engine("POST", "/process-instance/" + this.run.getId() + "/modification",
				"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + ProductionRun.TASK_INSPECT_QUALITY
						+ "\"},{\"type\":\"startAfterActivity\",\"activityId\":\"" + ProductionRun.SUBPROCESS_OPERATIONS
						+ "\"}]}"));
		assertThat(atInspection).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(403));
		assertNothingPassedTheGate();

		// a failed sample is rework, whoever claims otherwise
		Api.Response failed = engine("POST", "/task/" + inspect.getId() + "/complete",
				variables(Map.of("sampled", 3, "defects", 3)));
		assertThat(failed.status()).as(failed.toString()).isEqualTo(204);
		runJobs();
		assertThat(task(ProductionRun.TASK_PERFORM_OPERATION)).isNotNull();
		assertThat(this.shop.get(this.order).path("status").asText()).isEqualTo("IN_PROGRESS");
		assertNothingPassedTheGate();
	}

	@Test
	void noRestRouteMarksTheRunDone() {
		String orderPath = this.shop.ws() + "/production-orders/" + this.order.path("id").asText();
		List<Api.Response> attempts = List.of(this.api.patch(orderPath, this.owner.token(), Map.of("status", "DONE")),
				this.api.post(orderPath + "/status", this.owner.token(), Map.of("status", "DONE")),
				this.api.post(orderPath + "/complete", this.owner.token(), null),
				this.api.post(orderPath + "/output", this.owner.token(), null),
				this.api.post(orderPath + "/release", this.owner.token(), null));
		assertThat(attempts).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(400, 404, 405, 409));
		assertNothingPassedTheGate();
	}

	@Test
	void theOrderRefusesOutputWithoutAPassedInspectionEvenWhenAnAdministratorJumpsToIt() {
		this.engine.getRuntimeService()
			.createProcessInstanceModification(this.run.getId())
			.startBeforeActivity(ProductionRun.TASK_RECORD_OUTPUT)
			.execute();
		Job output = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(this.run.getId())
			.activityId(ProductionRun.TASK_RECORD_OUTPUT)
			.singleResult();

		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				this.engine.getManagementService().executeJob(output.getId());
			}
			catch (RuntimeException expected) {
				// the gate refuses: the job fails
			}
		}

		assertThat(this.engine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(this.run.getId())
			.activityId(ProductionRun.TASK_RECORD_OUTPUT)
			.count()).isEqualTo(1);
		assertNothingPassedTheGate();
	}

	private void assertNothingPassedTheGate() {
		JsonNode now = this.shop.get(this.order);
		assertThat(now.path("status").asText()).isNotEqualTo("DONE");
		assertThat(now.path("cost").path("actualUnitCost").asText(null)).isNull();
		assertThat(this.shop.onHand(this.stool)).isEqualByComparingTo("0");
		assertThat(this.api
			.get(this.shop.ws() + "/stock/movements?type=PRODUCTION_OUTPUT&productId=" + this.stool, this.owner.token())
			.json()
			.path("total")
			.asInt()).isZero();
	}

	private Api.Response engine(String method, String path, String body) {
		return this.api.send(method, "/engine-rest" + path, this.owner.token(), body, Map.of());
	}

	private String variables(Map<String, Object> values) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return this.mapper.writeValueAsString(Map.of("variables", variables));
	}

	private void runJobs() {
		for (int round = 0; round < 20; round++) {
			List<Job> due = this.engine.getManagementService()
				.createJobQuery()
				.tenantIdIn(this.org.workspaceId().toString())
				.executable()
				.list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> this.engine.getManagementService().executeJob(job.getId()));
		}
	}

	private Task task(String key) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.run.getId())
			.taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as(key).isNotNull();
		return task;
	}

}
