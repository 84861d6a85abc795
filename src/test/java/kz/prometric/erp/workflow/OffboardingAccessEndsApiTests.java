package kz.prometric.erp.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.hr.EmployeeStatus;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.hr.OffboardingManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee's access to his workspace lasts through his last day and ends when the
 * offboarding's timer fires at the end of it: from then on his bearer token, engine REST
 * with his password and his open Tasklist session are refused in that workspace at once,
 * while his other company's workspace still works for him.
 */
@ErpIntegrationTest
class OffboardingAccessEndsApiTests {

	private static final String TASKS = "/camunda/api/engine/engine/default/task";

	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	HrManagement hr;

	@Autowired
	OffboardingManagement offboarding;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	MutableClock clock;

	@Autowired
	ObjectMapper mapper;

	@AfterEach
	void resetClocks() {
		ClockUtil.reset();
		this.clock.reset();
	}

	@Test
	void theLastDaysTimerEndsAccessToThisWorkspaceEverywhereAndKeepsTheOtherWorkspace() throws Exception {
		TestData.User alice = this.data.user("Alice");
		TestData.Org acme = this.data.organization(alice, "Acme Leaving");
		TestData.User bob = this.data.user("Bob");
		TestData.Org beta = this.data.organization(bob, "Beta Staying");
		TestData.User carol = this.data.user("Carol");
		this.data.join(alice, acme.workspaceId(), carol, "MEMBER");
		this.data.join(bob, beta.workspaceId(), carol, "MEMBER");
		EmployeeView employee = this.hr.addEmployee(acme.id(), alice.id(),
				new HrManagement.NewEmployee("Carol Testova", carol.email(), "Analyst", null, WorkspaceRole.MEMBER),
				false);
		assertThat(employee.userId()).isEqualTo(carol.id());
		ProcessInstance acmeReview = this.runtime.startProcessInstanceByKey("tasklist-smoke",
				Map.of("workspaceId", acme.workspaceId().toString()));
		ProcessInstance betaReview = this.runtime.startProcessInstanceByKey("tasklist-smoke",
				Map.of("workspaceId", beta.workspaceId().toString()));
		TasklistTenantApiTests.Tasklist tasklist = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				carol.email(), TestData.PASSWORD, this.mapper);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ALMATY);

		Api.Response ended = this.api.post(
				"/api/organizations/" + acme.id() + "/employees/" + employee.id() + "/end-employment", alice.token(),
				Map.of("lastDay", today, "reason", "Contract over"));
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		ProcessInstance offboarding = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("employee-offboarding")
			.processInstanceBusinessKey(employee.id().toString())
			.singleResult();

		// through the last day he works as before
		assertThat(this.management.createJobQuery().processInstanceId(offboarding.getId()).executable().count())
			.isZero();
		assertThat(this.api.get("/api/workspaces/" + acme.workspaceId() + "/customers", carol.token()).status())
			.isEqualTo(200);
		assertThat(processInstances(tasklist.get(TASKS))).containsExactlyInAnyOrder(acmeReview.getId(),
				betaReview.getId());
		assertThat(engineTasks(acmeReview, "Bearer " + carol.token())).hasSize(1);
		assertThat(engineTasks(acmeReview, basic(carol))).hasSize(1);

		// the end of the last day, Asia/Almaty
		Instant accessEnds = today.plusDays(1).atStartOfDay(ALMATY).toInstant();
		ClockUtil.setCurrentTime(Date.from(accessEnds.minusSeconds(1)));
		assertThat(this.management.createJobQuery().processInstanceId(offboarding.getId()).executable().count())
			.isZero();
		ClockUtil.setCurrentTime(Date.from(accessEnds.plusSeconds(1)));
		runJobs(offboarding);

		assertThat(this.api.get("/api/workspaces/" + acme.workspaceId() + "/customers", carol.token()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/workspaces/" + acme.workspaceId(), carol.token()).status()).isEqualTo(404);
		assertThat(engineTasks(acmeReview, "Bearer " + carol.token())).isEmpty();
		assertThat(engineTasks(acmeReview, basic(carol))).isEmpty();
		Api.Response completed = this.api.send("POST", "/engine-rest/task/" + taskOf(acmeReview) + "/complete", null,
				"{\"variables\":{\"comment\":{\"value\":\"after my last day\"}}}",
				Map.of("Authorization", basic(carol), "Content-Type", "application/json"));
		assertThat(completed.status()).as(completed.text()).isGreaterThanOrEqualTo(400);
		assertThat(processInstances(tasklist.get(TASKS))).containsExactly(betaReview.getId());
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(acmeReview.getId()).count()).isOne();

		// his other company's workspace still works, with the same token and session
		assertThat(this.api.get("/api/workspaces/" + beta.workspaceId() + "/customers", carol.token()).status())
			.isEqualTo(200);
		assertThat(engineTasks(betaReview, "Bearer " + carol.token())).hasSize(1);
		assertThat(engineTasks(betaReview, basic(carol))).hasSize(1);
		// the offboarding's tasks are still open: he is leaving, not yet left
		assertThat(this.hr.employee(acme.id(), alice.id(), employee.id()).status()).isEqualTo(EmployeeStatus.LEAVING);
	}

	private List<String> processInstances(JsonNode tasks) {
		return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("processInstanceId").asText()).toList();
	}

	private List<JsonNode> engineTasks(ProcessInstance instance, String authorization) {
		Api.Response response = this.api.send("GET", "/engine-rest/task?processInstanceId=" + instance.getId(), null,
				null, Map.of("Authorization", authorization));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return StreamSupport.stream(response.json().spliterator(), false).toList();
	}

	private String taskOf(ProcessInstance instance) {
		return this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
	}

	private static String basic(TestData.User user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user.email() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private void runJobs(ProcessInstance instance) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = this.management.createJobQuery().processInstanceId(instance.getId()).executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> this.management.executeJob(job.getId()));
		}
	}

}
