package kz.prometric.erp.hr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.hr.process.EmployeeOffboarding;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every path of {@code employee-offboarding}, with the engine clock moved to the end of
 * the last day: the three tasks (each to its team or the admins, each recorded with who
 * did it), the end of access and LEFT only when all of them are done.
 */
@ErpIntegrationTest
@RecordApplicationEvents
class EmployeeOffboardingProcessTests {

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
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Saule");
		this.org = this.data.organization(this.owner, "Saule Logistics");
	}

	@AfterEach
	void resetClocks() {
		ClockUtil.reset();
		this.clock.reset();
		this.identity.clearAuthentication();
	}

	@Test
	void runsTheTasksBeforeAndAfterTheLastDayAndRecordsTheEmployeeLeftOnlyWhenAllAreDone() {
		EmployeeView employee = activeEmployee("Timur Leaving");
		LocalDate lastDay = today().plusDays(2);

		EmployeeView leaving = this.offboarding.endEmployment(this.org.id(), this.owner.id(), employee.id(), lastDay,
				"Moves to Almaty");

		assertThat(leaving.status()).isEqualTo(EmployeeStatus.LEAVING);
		assertThat(leaving.lastDay()).isEqualTo(lastDay);
		ProcessInstance instance = instanceOf(employee);
		assertThat(instance.getTenantId()).isEqualTo(this.org.workspaceId().toString());
		Instant accessEnds = lastDay.plusDays(1).atStartOfDay(ALMATY).toInstant();
		assertThat(this.runtime.getVariable(instance.getId(), EmployeeOffboarding.VAR_ACCESS_ENDS_AT))
			.isEqualTo(Date.from(accessEnds));
		List<Task> open = openTasks(instance);
		assertThat(open).extracting(Task::getTaskDefinitionKey)
			.containsExactlyInAnyOrder(EmployeeOffboarding.TASK_RETURN_EQUIPMENT,
					EmployeeOffboarding.TASK_FINAL_SETTLEMENT, EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS);
		assertThat(open).allSatisfy(task -> {
			assertThat(task.getDueDate()).isEqualTo(Date.from(accessEnds));
			assertThat(candidateGroups(task)).containsExactly(this.org.workspaceId() + ":admin");
		});

		// before the last day: the equipment comes back
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_RETURN_EQUIPMENT),
				Map.of("equipmentReturned", true, "equipmentNote", "Laptop and badge"));
		runJobs(instance);
		Job timer = this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(EmployeeOffboarding.TIMER_LAST_DAY_OVER)
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(Date.from(accessEnds));
		assertThat(this.management.createJobQuery().processInstanceId(instance.getId()).executable().count())
			.as("nothing is due before the end of the last day")
			.isZero();
		assertThat(status(employee)).isEqualTo(EmployeeStatus.LEAVING);

		// the last day is over
		ClockUtil.setCurrentTime(Date.from(accessEnds.plusSeconds(60)));
		this.management.executeJob(timer.getId());
		runJobs(instance);
		assertThat(status(employee)).as("two tasks are still open").isEqualTo(EmployeeStatus.LEAVING);

		// after the last day: settlement and documents
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT),
				Map.of("settlementPaid", true, "settlementAmount", 150000.5, "settlementNote", "Leave compensation"));
		runJobs(instance);
		assertThat(status(employee)).isEqualTo(EmployeeStatus.LEAVING);
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS),
				Map.of("documentsSigned", false, "documentsNote", "Work record sent by post"));
		runJobs(instance);

		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		EmployeeView left = this.hr.employee(this.org.id(), this.owner.id(), employee.id());
		assertThat(left.status()).isEqualTo(EmployeeStatus.LEFT);
		assertThat(left.leftAt()).isNotNull();
		assertThat(this.events.stream(EmployeeLeft.class).filter(e -> e.employeeId().equals(employee.id())))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.workspaceId()).isEqualTo(this.org.workspaceId());
				assertThat(e.lastDay()).isEqualTo(lastDay);
			});
		JsonNode record = this.api
			.get("/api/organizations/" + this.org.id() + "/employees/" + employee.id() + "/offboarding",
					this.owner.token())
			.json();
		assertThat(record.path("status").asText()).isEqualTo("LEFT");
		assertThat(record.path("accessEndsAt").asText()).isEqualTo(accessEnds.toString());
		JsonNode equipment = record.path("tasks").get(0);
		assertThat(equipment.path("step").asText()).isEqualTo("RETURN_EQUIPMENT");
		assertThat(equipment.path("done").asBoolean()).isTrue();
		assertThat(equipment.path("confirmed").asBoolean()).isTrue();
		assertThat(equipment.path("note").asText()).isEqualTo("Laptop and badge");
		assertThat(equipment.path("doneBy").asText()).isEqualTo(this.owner.email());
		JsonNode settlement = record.path("tasks").get(1);
		assertThat(settlement.path("amount").decimalValue()).isEqualByComparingTo("150000.50");
		JsonNode documents = record.path("tasks").get(2);
		assertThat(documents.path("confirmed").asBoolean()).isFalse();
		assertThat(documents.path("note").asText()).isEqualTo("Work record sent by post");
	}

	@Test
	void givesEachTaskToItsTeamWhenTheWorkspaceHasItWithMembersAndOnlyTheTeamSeesIt() {
		TestData.User dana = this.data.user("Dana");
		TestData.User erlan = this.data.user("Erlan");
		this.data.join(this.owner, this.org.workspaceId(), dana, "MEMBER");
		this.data.join(this.owner, this.org.workspaceId(), erlan, "MEMBER");
		team("it", "IT", dana);
		team("hr", "HR", erlan);
		team("accounting", "Accounting");
		EmployeeView employee = activeEmployee("Marat Teams");

		this.offboarding.endEmployment(this.org.id(), this.owner.id(), employee.id(), today().plusDays(1), null);

		ProcessInstance instance = instanceOf(employee);
		String ws = this.org.workspaceId().toString();
		assertThat(candidateGroups(task(instance, EmployeeOffboarding.TASK_RETURN_EQUIPMENT)))
			.containsExactly(ws + ":team:it");
		assertThat(candidateGroups(task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT)))
			.as("accounting has no members: HR settles")
			.containsExactly(ws + ":team:hr");
		assertThat(candidateGroups(task(instance, EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS)))
			.containsExactly(ws + ":team:hr");
		assertThat(engineTaskKeys(instance, dana)).containsExactly(EmployeeOffboarding.TASK_RETURN_EQUIPMENT);
		assertThat(engineTaskKeys(instance, erlan)).containsExactlyInAnyOrder(EmployeeOffboarding.TASK_FINAL_SETTLEMENT,
				EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS);
		Api.Response notHers = this.api.post(
				"/engine-rest/task/" + task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT).getId() + "/complete",
				dana.token(), Map.of("variables", Map.of("settlementAmount", Map.of("value", 0))));
		assertThat(notHers.status()).as(notHers.toString()).isBetween(400, 499);
		Api.Response hers = this.api.post(
				"/engine-rest/task/" + task(instance, EmployeeOffboarding.TASK_RETURN_EQUIPMENT).getId() + "/complete",
				dana.token(), Map.of("variables", Map.of("equipmentReturned", Map.of("value", true))));
		assertThat(hers.status()).as(hers.toString()).isEqualTo(204);
		assertThat(openTasks(instance)).hasSize(2);
		JsonNode record = this.api
			.get("/api/organizations/" + this.org.id() + "/employees/" + employee.id() + "/offboarding",
					this.owner.token())
			.json();
		assertThat(record.path("tasks").get(0).path("doneBy").asText()).isEqualTo(dana.email());
	}

	@Test
	void endsNothingTwiceWhenTheMemberWasAlreadyRemovedBeforeTheLastDay() {
		TestData.User zarina = this.data.user("Zarina");
		this.data.join(this.owner, this.org.workspaceId(), zarina, "MEMBER");
		EmployeeView employee = this.hr.addEmployee(this.org.id(), this.owner.id(),
				new HrManagement.NewEmployee("Zarina Gone", zarina.email(), "Clerk", null, WorkspaceRole.MEMBER),
				false);
		LocalDate lastDay = today();
		this.offboarding.endEmployment(this.org.id(), this.owner.id(), employee.id(), lastDay, null);
		ProcessInstance instance = instanceOf(employee);
		Api.Response removed = this.api.delete("/api/workspaces/" + this.org.workspaceId() + "/members/" + zarina.id(),
				this.owner.token());
		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

		ClockUtil.setCurrentTime(Date.from(lastDay.plusDays(1).atStartOfDay(ALMATY).toInstant().plusSeconds(1)));
		runJobs(instance);
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_RETURN_EQUIPMENT),
				Map.of("equipmentReturned", true));
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT),
				Map.of("settlementAmount", 0));
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS),
				Map.of("documentsSigned", true));
		runJobs(instance);

		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(status(employee)).isEqualTo(EmployeeStatus.LEFT);
	}

	@Test
	void waitsForTheLastDayWhenTheTasksAreDoneEarly() {
		EmployeeView employee = activeEmployee("Aigerim Early");
		LocalDate lastDay = today().plusDays(10);
		this.offboarding.endEmployment(this.org.id(), this.owner.id(), employee.id(), lastDay, null);
		ProcessInstance instance = instanceOf(employee);

		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_RETURN_EQUIPMENT),
				Map.of("equipmentReturned", true));
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT),
				Map.of("settlementPaid", true, "settlementAmount", 0));
		completeAs(this.owner, task(instance, EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS),
				Map.of("documentsSigned", true));
		runJobs(instance);

		assertThat(status(employee)).as("the last day is not over").isEqualTo(EmployeeStatus.LEAVING);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();

		ClockUtil.setCurrentTime(Date.from(lastDay.plusDays(1).atStartOfDay(ALMATY).toInstant().plusSeconds(1)));
		runJobs(instance);

		assertThat(status(employee)).isEqualTo(EmployeeStatus.LEFT);
	}

	@Test
	void refusesANegativeOrMissingSettlementAmountAndKeepsTheTaskOpen() {
		EmployeeView employee = activeEmployee("Daniyar Owed");
		this.offboarding.endEmployment(this.org.id(), this.owner.id(), employee.id(), today(), null);
		ProcessInstance instance = instanceOf(employee);
		Task settlement = task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT);

		// refused by the ERP's record of the step (and by the form's server-side check,
		// where it runs first)
		assertThatThrownBy(() -> completeAs(this.owner, settlement, Map.of("settlementAmount", -1)))
			.isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> completeAs(this.owner, settlement, Map.of("settlementPaid", true)))
			.isInstanceOf(RuntimeException.class);
		assertThatThrownBy(
				() -> this.offboarding.taskDone(new OffboardingInstance(this.org.workspaceId(), employee.id()),
						OffboardingStep.FINAL_SETTLEMENT, true, new BigDecimal("-0.01"), null, this.owner.email()))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("0 or more");

		assertThat(this.tasks.createTaskQuery().taskId(settlement.getId()).count()).isOne();
		assertThat(this.runtime.getVariable(instance.getId(), "settlementAmount")).isNull();
	}

	@Test
	void refusesANegativeSettlementThroughTheTaskApiNamingTheFieldAndRecordsAValidOne() {
		EmployeeView employee = activeEmployee("Bolat Api");
		this.offboarding.endEmployment(this.org.id(), this.owner.id(), employee.id(), today(), null);
		ProcessInstance instance = instanceOf(employee);
		String settlement = task(instance, EmployeeOffboarding.TASK_FINAL_SETTLEMENT).getId();
		String complete = "/api/workspaces/" + this.org.workspaceId() + "/tasks/" + settlement + "/complete";

		Api.Response negative = this.api.post(complete, this.owner.token(),
				Map.of("variables", Map.of("settlementPaid", true, "settlementAmount", -5)));

		assertThat(negative.status()).as(negative.toString()).isEqualTo(422);
		assertThat(negative.errorFields()).containsExactly("settlementAmount");
		assertThat(this.tasks.createTaskQuery().taskId(settlement).count()).isOne();

		Api.Response paid = this.api.post(complete, this.owner.token(),
				Map.of("variables", Map.of("settlementPaid", true, "settlementAmount", 98000.25)));

		assertThat(paid.status()).as(paid.toString()).isEqualTo(204);
		JsonNode record = this.api
			.get("/api/organizations/" + this.org.id() + "/employees/" + employee.id() + "/offboarding",
					this.owner.token())
			.json();
		assertThat(record.path("tasks").get(1).path("amount").decimalValue()).isEqualByComparingTo("98000.25");
		assertThat(record.path("tasks").get(1).path("doneBy").asText()).isEqualTo(this.owner.email());
	}

	@Test
	void startsOnceWhenTheProbationEndsAndIgnoresASecondCall() {
		EmployeeView employee = this.hr.addEmployee(this.org.id(), this.owner.id(),
				new HrManagement.NewEmployee("Kairat Probation", unique("kairat"), null, "Driver", null, null, null,
						today(), null, 3, WorkspaceRole.MEMBER),
				false);
		LocalDate lastDay = today().plusDays(14);

		this.offboarding.startOffboarding(this.org.workspaceId(), employee.id(), lastDay, "Probation not passed");
		this.offboarding.startOffboarding(this.org.workspaceId(), employee.id(), lastDay.plusDays(1), "Again");

		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOffboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employee.id().toString())
			.count()).isOne();
		EmployeeView leaving = this.hr.employee(this.org.id(), this.owner.id(), employee.id());
		assertThat(leaving.status()).isEqualTo(EmployeeStatus.LEAVING);
		assertThat(leaving.lastDay()).isEqualTo(lastDay);
		assertThat(this.runtime.getVariable(instanceOf(employee).getId(), EmployeeOffboarding.VAR_LEAVING_REASON))
			.isEqualTo("Probation not passed");
	}

	@Test
	void startsNothingForAnotherWorkspacesEmployee() {
		EmployeeView employee = activeEmployee("Erlan Elsewhere");
		TestData.User other = this.data.user("Other");
		TestData.Org otherOrg = this.data.organization(other, "Other Logistics");

		assertThatThrownBy(() -> this.offboarding.startOffboarding(otherOrg.workspaceId(), employee.id(),
				today().plusDays(1), "taken over"))
			.isInstanceOf(kz.prometric.erp.shared.NotFoundException.class);

		assertThat(status(employee)).isEqualTo(EmployeeStatus.ACTIVE);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(employee.id().toString())
			.processDefinitionKey(EmployeeOffboarding.PROCESS_KEY)
			.count()).isZero();
	}

	// --- helpers

	private void team(String code, String name, TestData.User... members) {
		String teams = "/api/workspaces/" + this.org.workspaceId() + "/teams";
		Api.Response created = this.api.post(teams, this.owner.token(), Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		for (TestData.User member : members) {
			Api.Response added = this.api.post(teams + "/" + created.json().path("id").asText() + "/members",
					this.owner.token(), Map.of("userId", member.id()));
			assertThat(added.status()).as(added.toString()).isBetween(200, 201);
		}
	}

	private List<String> engineTaskKeys(ProcessInstance instance, TestData.User user) {
		Api.Response response = this.api.get("/engine-rest/task?processInstanceId=" + instance.getId(), user.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> keys = new java.util.ArrayList<>();
		response.json().forEach(t -> keys.add(t.path("taskDefinitionKey").asText()));
		return keys;
	}

	private EmployeeView activeEmployee(String name) {
		return this.hr.addEmployee(this.org.id(), this.owner.id(), new HrManagement.NewEmployee(name,
				unique(name.split(" ")[0].toLowerCase()), "Engineer", null, WorkspaceRole.MEMBER), false);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ALMATY);
	}

	private EmployeeStatus status(EmployeeView employee) {
		return this.hr.employee(this.org.id(), this.owner.id(), employee.id()).status();
	}

	private ProcessInstance instanceOf(EmployeeView employee) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOffboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employee.id().toString())
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
	}

	private List<Task> openTasks(ProcessInstance instance) {
		return this.tasks.createTaskQuery().processInstanceId(instance.getId()).list();
	}

	private Task task(ProcessInstance instance, String key) {
		return this.tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	/** Completes a task as the engine would for {@code user} (Tasklist, engine REST). */
	private void completeAs(TestData.User user, Task task, Map<String, Object> variables) {
		this.identity.setAuthentication(user.email(), List.of(this.org.workspaceId() + ":admin"),
				List.of(this.org.workspaceId().toString()));
		try {
			this.tasks.complete(task.getId(), variables);
		}
		finally {
			this.identity.clearAuthentication();
		}
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
