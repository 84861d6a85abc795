package kz.prometric.erp.hr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path of {@code employee-onboarding}: the checklist chosen by the table, the items
 * done in parallel, reminders of overdue items (engine clock moved), activation, the
 * probation review (confirmed, extended, ended), employment ending during onboarding, a
 * changed checklist table, and another workspace's completions.
 */
@ErpIntegrationTest
class EmployeeOnboardingProcessTests {

	static final List<String> PERMANENT_ITEMS = List.of("employment-contract", "accounts", "equipment", "workplace",
			"safety-briefing", "meet-manager", "read-handbook");

	@Autowired
	ProcessEngine engine;

	@Autowired
	HrManagement hr;

	@Autowired
	OnboardingManagement onboarding;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	RepositoryService repository;

	@Autowired
	TestData data;

	@Autowired
	Api api;

	@Autowired
	GreenMail greenMail;

	OnboardingFixture fixture;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.fixture = new OnboardingFixture(this.hr, this.runtime, this.tasks, this.management, this.identity);
		this.owner = this.data.user("Saule");
		this.org = this.data.organization(this.owner, "Saule Group");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void runsTheChecklistInParallelAndActivatesTheEmployeeWhenTheRequiredItemsAreDone() {
		String email = OnboardingFixture.email("dana");
		LocalDate start = OnboardingFixture.today().plusDays(7);
		EmployeeView dana = this.fixture.hire(this.owner, this.org, "Dana Seitova", email, "Accountant",
				ContractType.PERMANENT, start, 3, null);
		assertThat(dana.status()).isEqualTo(EmployeeStatus.PENDING);
		ProcessInstance pi = this.fixture.instance(this.org, dana.id());
		assertThat(pi).isWaitingAt(EmployeeOnboarding.TASK_START_ONBOARDING);

		this.fixture.begin(pi);

		assertThat(employee(dana).status()).isEqualTo(EmployeeStatus.ONBOARDING);
		OnboardingView checklist = this.onboarding.onboarding(this.org.id(), this.owner.id(), dana.id());
		assertThat(checklist.running()).isTrue();
		assertThat(checklist.items()).extracting(OnboardingItemView::code)
			.containsExactlyInAnyOrderElementsOf(PERMANENT_ITEMS);
		assertThat(checklist.items())
			.allSatisfy(item -> assertThat(item.status()).isEqualTo(OnboardingItemStatus.OPEN));
		// one task per item, named after it, due at 09:00 Almaty on start + offset, for
		// the admins (no teams), the managers (no manager) or HR (the employee is no
		// member)
		List<Task> items = this.fixture.itemTasks(pi);
		assertThat(items).extracting(Task::getName)
			.containsExactlyInAnyOrder("Sign the employment contract and the job description",
					"Create the ERP account and the e-mail address", "Issue the laptop and equipment",
					"Prepare the workplace and the access card", "Introductory occupational safety briefing",
					"Introductory meeting with the manager",
					"Read the employee handbook and the internal labour rules");
		Task meeting = this.fixture.itemTask(pi, "meet-manager");
		assertThat(meeting.getDueDate()).isEqualTo(nineAlmaty(start.plusDays(2)));
		assertThat(candidateGroups(meeting)).containsExactly(ws() + ":manager");
		assertThat(candidateGroups(this.fixture.itemTask(pi, "accounts"))).containsExactly(ws() + ":admin");
		assertThat(candidateGroups(this.fixture.itemTask(pi, "read-handbook"))).containsExactly(ws() + ":admin");
		// welcome e-mail and invitation to the employee's address
		await().atMost(Duration.ofSeconds(15)).until(() -> mails(email, "Welcome to Saule Group") == 1);
		await().atMost(Duration.ofSeconds(15)).until(() -> mails(email, "Invitation to ") == 1);

		// the optional items may be not applicable; the employee stays ONBOARDING while a
		// required item is open
		done(pi, "read-handbook", "notApplicable");
		done(pi, "workplace", "done");
		for (String code : List.of("employment-contract", "accounts", "equipment", "safety-briefing")) {
			done(pi, code, "done");
		}
		assertThat(employee(dana).status()).isEqualTo(EmployeeStatus.ONBOARDING);
		done(pi, "meet-manager", "done");

		EmployeeView active = employee(dana);
		assertThat(active.status()).isEqualTo(EmployeeStatus.ACTIVE);
		assertThat(active.activatedAt()).isNotNull();
		OnboardingView finished = this.onboarding.onboarding(this.org.id(), this.owner.id(), dana.id());
		assertThat(finished.items()).allSatisfy(item -> {
			assertThat(item.status()).isEqualTo(
					"read-handbook".equals(item.code()) ? OnboardingItemStatus.SKIPPED : OnboardingItemStatus.DONE);
			assertThat(item.doneBy()).isEqualTo(this.owner.email());
			assertThat(item.doneAt()).isNotNull();
		});
		// the checklist is done; the probation review waits for its date
		assertThat(pi).hasPassed(EmployeeOnboarding.END_CHECKLIST_DONE)
			.isWaitingAt(EmployeeOnboarding.TIMER_PROBATION_ENDS);
		Job review = probationTimer(pi);
		assertThat(review.getDuedate()).isEqualTo(nineAlmaty(start.plusMonths(3)));
	}

	@Test
	void activatesTheEmployeeOnceWhenTheLastRequiredItemsCompleteAtTheSameTime() throws Exception {
		EmployeeView olzhas = hired("Olzhas", ContractType.CONTRACTOR, OnboardingFixture.today(), 0);
		ProcessInstance pi = this.fixture.instance(this.org, olzhas.id());
		this.fixture.begin(pi);
		done(pi, "services-agreement", "done");
		Task accounts = this.fixture.itemTask(pi, "accounts");
		Task meeting = this.fixture.itemTask(pi, "meet-manager");

		List<String> outcomes = Concurrently
			.run(List.<Callable<String>>of(() -> attempt(accounts), () -> attempt(meeting)));

		// the engine lets one of two parallel completions of one instance through at a
		// time;
		// the other is refused whole (nothing recorded) and succeeds when done again
		assertThat(outcomes).contains("completed");
		for (Task task : List.of(accounts, meeting)) {
			if (this.tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
				assertThat(item(olzhas, (String) this.tasks.getVariable(task.getId(), "itemCode")).status())
					.isEqualTo(OnboardingItemStatus.OPEN);
				assertThat(attempt(task)).isEqualTo("completed");
			}
		}
		EmployeeView active = employee(olzhas);
		assertThat(active.status()).isEqualTo(EmployeeStatus.ACTIVE);
		assertThat(this.onboarding.onboarding(this.org.id(), this.owner.id(), olzhas.id()).items())
			.allSatisfy(item -> assertThat(item.status()).isEqualTo(OnboardingItemStatus.DONE));
		assertThat(pi).isEnded();
	}

	private String attempt(Task task) {
		try {
			this.fixture.completeAs(this.owner, this.org, "owner", task,
					Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done"));
			return "completed";
		}
		catch (org.camunda.bpm.engine.OptimisticLockingException
				| org.springframework.dao.OptimisticLockingFailureException ex) {
			return "refused: " + ex.getClass().getSimpleName();
		}
	}

	@Test
	void refusesToSkipARequiredItemAndGivesTheTaskBackWithTheReason() {
		EmployeeView arman = hired("Arman", ContractType.CONTRACTOR, OnboardingFixture.today(), 0);
		ProcessInstance pi = this.fixture.instance(this.org, arman.id());
		this.fixture.begin(pi);
		assertThat(this.onboarding.onboarding(this.org.id(), this.owner.id(), arman.id()).items())
			.extracting(OnboardingItemView::code)
			.containsExactlyInAnyOrder("services-agreement", "accounts", "meet-manager");
		// a contractor has no probation: that branch ended at once
		assertThat(pi).hasPassed(EmployeeOnboarding.END_NO_PROBATION);

		Task accounts = this.fixture.itemTask(pi, "accounts");
		this.fixture.completeAs(this.owner, this.org, "owner", accounts,
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "notApplicable", EmployeeOnboarding.VAR_ITEM_NOTE, "no"));

		Task again = this.fixture.itemTask(pi, "accounts");
		assertThat(again.getId()).isNotEqualTo(accounts.getId());
		assertThat(this.tasks.getVariable(again.getId(), EmployeeOnboarding.VAR_ITEM_PROBLEM).toString())
			.contains("is required");
		assertThat(item(arman, "accounts").status()).isEqualTo(OnboardingItemStatus.OPEN);
		assertThat(this.runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void escalatesAnOverdueRequiredItemToTheTeamAndTheManagerWhileTheWorkGoesOn() {
		TestData.User managerUser = this.data.user("Bolat");
		this.data.join(this.owner, this.org.workspaceId(), managerUser, "MANAGER");
		EmployeeView manager = this.hr.addEmployee(this.org.id(), this.owner.id(), new HrManagement.NewEmployee(
				"Bolat Testov", managerUser.email(), "Head of IT", null, WorkspaceRole.MANAGER), false);
		LocalDate start = OnboardingFixture.today().plusDays(1);
		EmployeeView aigerim = this.fixture.hire(this.owner, this.org, "Aigerim Nurova",
				OnboardingFixture.email("aigerim"), "Developer", ContractType.PERMANENT, start, 3, manager.id());
		ProcessInstance pi = this.fixture.instance(this.org, aigerim.id());
		this.fixture.begin(pi);
		// the manager's items go to him by name
		assertThat(this.fixture.itemTask(pi, "meet-manager").getAssignee()).isEqualTo(managerUser.email());

		Job timer = this.fixture.overdueTimer(pi, "accounts");
		assertThat(timer.getDuedate()).isEqualTo(nineAlmaty(start));
		fire(timer);

		await().atMost(Duration.ofSeconds(15))
			.until(() -> mails(this.owner.email(), "Overdue onboarding item: Create the ERP account") == 1);
		await().atMost(Duration.ofSeconds(15)).until(() -> mails(managerUser.email(), "Onboarding of Aigerim") == 1);
		assertThat(item(aigerim, "accounts").reminders()).isEqualTo(1);
		// the task keeps running; the next reminder comes a day later
		Task accounts = this.fixture.itemTask(pi, "accounts");
		Job next = this.fixture.overdueTimer(pi, "accounts");
		assertThat(next.getDuedate()).isEqualTo(nineAlmaty(start.plusDays(1)));
		fire(next);
		assertThat(item(aigerim, "accounts").reminders()).isEqualTo(2);
		assertThat(this.fixture.itemTask(pi, "accounts").getId()).isEqualTo(accounts.getId());

		done(pi, "accounts", "done");
		assertThat(item(aigerim, "accounts").status()).isEqualTo(OnboardingItemStatus.DONE);
		assertThat(this.management.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId(EmployeeOnboarding.BOUNDARY_ITEM_OVERDUE)
			.count()).as("one reminder timer per open item").isEqualTo(PERMANENT_ITEMS.size() - 1);
	}

	@Test
	void givesATeamsItemsToItsMembersAndRemindsThemAndFallsBackToAdminsForAnEmptyTeam() {
		TestData.User techie = this.data.user("Techie");
		this.data.join(this.owner, this.org.workspaceId(), techie, "MEMBER");
		String it = team("it", "IT");
		Api.Response joined = this.api.post("/api/workspaces/" + ws() + "/teams/" + it + "/members", this.owner.token(),
				Map.of("userId", techie.id()));
		assertThat(joined.status()).as(joined.toString()).isIn(200, 201, 204);
		team("hr", "HR"); // no members: HR's items stay with the admins
		EmployeeView ruslan = hired("Ruslan", ContractType.PERMANENT, OnboardingFixture.today(), 3);
		ProcessInstance pi = this.fixture.instance(this.org, ruslan.id());
		this.fixture.begin(pi);

		assertThat(candidateGroups(this.fixture.itemTask(pi, "accounts"))).containsExactly(ws() + ":team:it");
		assertThat(candidateGroups(this.fixture.itemTask(pi, "equipment"))).containsExactly(ws() + ":team:it");
		assertThat(candidateGroups(this.fixture.itemTask(pi, "employment-contract"))).containsExactly(ws() + ":admin");
		assertThat(candidateGroups(this.fixture.itemTask(pi, "workplace"))).as("no facilities team")
			.containsExactly(ws() + ":admin");

		fire(this.fixture.overdueTimer(pi, "accounts"));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> mails(techie.email(), "Overdue onboarding item: Create the ERP account") == 1);
		assertThat(mails(this.owner.email(), "Overdue onboarding item: Create the ERP account")).isZero();

		this.fixture.completeAs(techie, this.org, "member", this.fixture.itemTask(pi, "accounts"),
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done"), ws() + ":team:it");
		assertThat(item(ruslan, "accounts").doneBy()).isEqualTo(techie.email());
	}

	@Test
	void followsAChangeOfStartDateManagerAndProbationWhileTheOnboardingRuns() {
		TestData.User managerUser = this.data.user("Serik");
		this.data.join(this.owner, this.org.workspaceId(), managerUser, "MANAGER");
		EmployeeView manager = this.hr.addEmployee(this.org.id(), this.owner.id(), new HrManagement.NewEmployee(
				"Serik Testov", managerUser.email(), "Head of sales", null, WorkspaceRole.MANAGER), false);
		EmployeeView zarina = hired("Zarina", ContractType.PERMANENT, OnboardingFixture.today().plusDays(3), 3);
		ProcessInstance pi = this.fixture.instance(this.org, zarina.id());
		this.fixture.begin(pi);
		assertThat(candidateGroups(this.fixture.itemTask(pi, "meet-manager"))).containsExactly(ws() + ":manager");

		LocalDate start = OnboardingFixture.today().plusDays(10);
		Api.Response patched = this.api.patch("/api/organizations/" + this.org.id() + "/employees/" + zarina.id(),
				this.owner.token(), Map.of("startDate", start.toString(), "managerId", manager.id().toString()));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

		assertThat(item(zarina, "accounts").dueOn()).isEqualTo(start);
		assertThat(item(zarina, "meet-manager").dueOn()).isEqualTo(start.plusDays(2));
		assertThat(this.fixture.itemTask(pi, "accounts").getDueDate()).isEqualTo(nineAlmaty(start));
		assertThat(this.fixture.overdueTimer(pi, "accounts").getDuedate()).isEqualTo(nineAlmaty(start));
		assertThat(this.fixture.overdueTimer(pi, "meet-manager").getDuedate()).isEqualTo(nineAlmaty(start.plusDays(2)));
		Task meeting = this.fixture.itemTask(pi, "meet-manager");
		assertThat(meeting.getAssignee()).isEqualTo(managerUser.email());
		assertThat(candidateGroups(meeting)).isEmpty();
		assertThat(probationTimer(pi).getDuedate()).isEqualTo(nineAlmaty(start.plusMonths(3)));

		// no probation after all: the review timer goes, the checklist goes on
		Api.Response none = this.api.patch("/api/organizations/" + this.org.id() + "/employees/" + zarina.id(),
				this.owner.token(), Map.of("probationMonths", 0));
		assertThat(none.status()).as(none.toString()).isEqualTo(200);
		assertThat(probationTimer(pi)).isNull();
		assertThat(pi).isNotEnded();
		// and back: the review is planned again
		Api.Response again = this.api.patch("/api/organizations/" + this.org.id() + "/employees/" + zarina.id(),
				this.owner.token(), Map.of("probationMonths", 2));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(probationTimer(pi).getDuedate()).isEqualTo(nineAlmaty(start.plusMonths(2)));
		this.fixture.completeAllItems(this.owner, this.org, pi);
		assertThat(employee(zarina).status()).isEqualTo(EmployeeStatus.ONBOARDING)
			.as("the manager's item is his to do");
		this.fixture.completeAs(managerUser, this.org, "manager", this.fixture.itemTask(pi, "meet-manager"),
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done"));
		assertThat(employee(zarina).status()).isEqualTo(EmployeeStatus.ACTIVE);
	}

	@Test
	void remindsNobodyOfAnOverdueOptionalItem() {
		EmployeeView timur = hired("Timur", ContractType.PERMANENT, OnboardingFixture.today(), 3);
		ProcessInstance pi = this.fixture.instance(this.org, timur.id());
		this.fixture.begin(pi);
		int before = mails(this.owner.email(), "Overdue onboarding item");

		fire(this.fixture.overdueTimer(pi, "workplace"));

		assertThat(pi).hasPassed("EndEvent_NoReminder");
		assertThat(item(timur, "workplace").reminders()).isZero();
		assertThat(item(timur, "workplace").status()).isEqualTo(OnboardingItemStatus.OPEN);
		assertThat(this.fixture.itemTask(pi, "workplace")).isNotNull();
		assertThat(mails(this.owner.email(), "Overdue onboarding item")).isEqualTo(before);
	}

	@Test
	void confirmsTheProbationAtItsEnd() {
		EmployeeView gulnar = hired("Gulnar", ContractType.PERMANENT, OnboardingFixture.today(), 3);
		ProcessInstance pi = onboarded(gulnar);

		Task review = reviewTask(pi);
		assertThat(candidateGroups(review)).containsExactly(ws() + ":manager");
		assertThat(review.getDueDate()).isEqualTo(nineAlmaty(gulnar.probationEndsOn()));
		this.fixture.completeAs(this.owner, this.org, "owner", review,
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "confirm"));

		assertThat(employee(gulnar).probationOutcome()).isEqualTo(ProbationOutcome.CONFIRMED);
		assertThat(employee(gulnar).status()).isEqualTo(EmployeeStatus.ACTIVE);
		assertThat(pi).isEnded().hasPassed(EmployeeOnboarding.END_PROBATION_CONFIRMED);
	}

	@Test
	void extendsTheProbationAndReviewsItAgainOnTheNewDate() {
		EmployeeView nurlan = hired("Nurlan", ContractType.PERMANENT, OnboardingFixture.today(), 2);
		ProcessInstance pi = onboarded(nurlan);

		// more months than the form allows are refused by the form check, and nothing
		// moves
		Task first = reviewTask(pi);
		assertThatThrownBy(() -> this.fixture.completeAs(this.owner, this.org, "owner", first,
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "extend", EmployeeOnboarding.VAR_EXTEND_MONTHS, 5)))
			.hasMessageContaining("extendMonths");
		assertThat(reviewTask(pi).getId()).isEqualTo(first.getId());
		// an extension without months passes the form but not the decision: back to the
		// manager with the reason
		this.fixture.completeAs(this.owner, this.org, "owner", first,
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "extend"));
		Task again = reviewTask(pi);
		assertThat(this.tasks.getVariable(again.getId(), EmployeeOnboarding.VAR_PROBATION_PROBLEM).toString())
			.contains("1 to 3 months");
		assertThat(employee(nurlan).probationOutcome()).isNull();

		this.fixture.completeAs(this.owner, this.org, "owner", again,
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "extend", EmployeeOnboarding.VAR_EXTEND_MONTHS, 2));

		EmployeeView extended = employee(nurlan);
		assertThat(extended.probationOutcome()).isEqualTo(ProbationOutcome.EXTENDED);
		assertThat(extended.probationEndsOn()).isEqualTo(nurlan.probationEndsOn().plusMonths(2));
		assertThat(pi).isWaitingAt(EmployeeOnboarding.TIMER_PROBATION_ENDS);
		Job timer = probationTimer(pi);
		assertThat(timer.getDuedate()).isEqualTo(nineAlmaty(extended.probationEndsOn()));
		fire(timer);
		this.fixture.completeAs(this.owner, this.org, "owner", reviewTask(pi),
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "confirm"));

		assertThat(employee(nurlan).probationOutcome()).isEqualTo(ProbationOutcome.CONFIRMED);
		assertThat(pi).isEnded();
	}

	@Test
	void endsTheEmploymentAtTheProbationsEndAndStartsTheOffboarding() {
		EmployeeView kanat = hired("Kanat", ContractType.PERMANENT, OnboardingFixture.today(), 3);
		ProcessInstance pi = onboarded(kanat);

		// a last day in the past goes back to the manager, and nothing has changed
		this.fixture.completeAs(this.owner, this.org, "owner", reviewTask(pi),
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "end", EmployeeOnboarding.VAR_LAST_DAY,
						OnboardingFixture.today().minusDays(1).toString()));
		Task again = reviewTask(pi);
		assertThat(this.tasks.getVariable(again.getId(), EmployeeOnboarding.VAR_PROBATION_PROBLEM).toString())
			.contains("past");
		assertThat(employee(kanat).status()).isEqualTo(EmployeeStatus.ACTIVE);
		assertThat(employee(kanat).probationOutcome()).isNull();

		LocalDate lastDay = OnboardingFixture.today().plusDays(14);
		this.fixture.completeAs(this.owner, this.org, "owner", again,
				Map.of(EmployeeOnboarding.VAR_PROBATION_DECISION, "end", EmployeeOnboarding.VAR_LAST_DAY,
						lastDay.toString(), EmployeeOnboarding.VAR_PROBATION_NOTE, "Did not meet the goals"));

		EmployeeView leaving = employee(kanat);
		assertThat(leaving.probationOutcome()).isEqualTo(ProbationOutcome.ENDED);
		assertThat(leaving.status()).isEqualTo(EmployeeStatus.LEAVING);
		assertThat(leaving.lastDay()).isEqualTo(lastDay);
		assertThat(pi).isEnded().hasPassed(EmployeeOnboarding.END_EMPLOYMENT_ENDED);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("employee-offboarding")
			.processInstanceBusinessKey(kanat.id().toString())
			.tenantIdIn(ws())
			.count()).isEqualTo(1);
	}

	@Test
	void stopsTheOnboardingAndCancelsOpenItemsWhenEmploymentEnds() {
		EmployeeView erlan = hired("Erlan", ContractType.PERMANENT, OnboardingFixture.today(), 3);
		ProcessInstance pi = this.fixture.instance(this.org, erlan.id());
		this.fixture.begin(pi);
		done(pi, "accounts", "done");

		this.runtime.createMessageCorrelation(EmployeeOnboarding.MESSAGE_EMPLOYMENT_ENDING)
			.processInstanceBusinessKey(erlan.id().toString())
			.tenantId(ws())
			.correlateAll();

		assertThat(pi).isEnded().hasPassed(EmployeeOnboarding.END_ONBOARDING_STOPPED);
		assertThat(this.onboarding.onboarding(this.org.id(), this.owner.id(), erlan.id()).items())
			.allSatisfy(item -> assertThat(item.status()).isEqualTo(
					"accounts".equals(item.code()) ? OnboardingItemStatus.DONE : OnboardingItemStatus.CANCELLED));
		assertThat(this.management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void givesANewEmployeeTheChecklistOfAChangedTable() throws IOException {
		String table;
		try (InputStream in = getClass().getResourceAsStream("/dmn/onboarding-checklist.dmn")) {
			table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String changed = table.replace("\"Introductory meeting with the manager\"",
				"\"Meet the manager and the team\"");
		assertThat(changed).isNotEqualTo(table);
		this.repository.createDeployment()
			.name("onboarding-checklist with a team meeting")
			.addString("onboarding-checklist.dmn", changed)
			.deploy();
		EmployeeView aruzhan;
		try {
			aruzhan = hired("Aruzhan", ContractType.CONTRACTOR, OnboardingFixture.today(), 0);
			this.fixture.begin(this.fixture.instance(this.org, aruzhan.id()));
		}
		finally {
			this.repository.createDeployment()
				.name("onboarding-checklist restored")
				.addString("onboarding-checklist.dmn", table)
				.deploy();
		}

		assertThat(item(aruzhan, "meet-manager").title()).isEqualTo("Meet the manager and the team");
		assertThat(this.fixture.itemTask(this.fixture.instance(this.org, aruzhan.id()), "meet-manager").getName())
			.isEqualTo("Meet the manager and the team");
	}

	@Test
	void retriesAFailedFirstStepFromScratchWithNothingHalfDone() throws IOException {
		String table;
		try (InputStream in = getClass().getResourceAsStream("/dmn/onboarding-checklist.dmn")) {
			table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String broken = table.replace("\"team:it\"", "\"the IT people\"");
		assertThat(broken).isNotEqualTo(table);
		String email = OnboardingFixture.email("berik");
		EmployeeView berik = this.fixture.hire(this.owner, this.org, "Berik Testov", email, "Accountant",
				ContractType.PERMANENT, OnboardingFixture.today(), 3, null);
		ProcessInstance pi = this.fixture.instance(this.org, berik.id());
		this.repository.createDeployment()
			.name("onboarding-checklist with a misnamed team")
			.addString("onboarding-checklist.dmn", broken)
			.deploy();
		try {
			assertThatThrownBy(() -> this.fixture.begin(pi)).hasMessageContaining("the IT people");
		}
		finally {
			this.repository.createDeployment()
				.name("onboarding-checklist restored")
				.addString("onboarding-checklist.dmn", table)
				.deploy();
		}
		assertThat(employee(berik).status()).isEqualTo(EmployeeStatus.PENDING);
		assertThat(this.onboarding.onboarding(this.org.id(), this.owner.id(), berik.id()).items()).isEmpty();
		assertThat(mails(email, "Welcome")).isZero();

		this.fixture.begin(pi);

		assertThat(employee(berik).status()).isEqualTo(EmployeeStatus.ONBOARDING);
		assertThat(this.onboarding.onboarding(this.org.id(), this.owner.id(), berik.id()).items())
			.hasSize(PERMANENT_ITEMS.size());
		await().atMost(Duration.ofSeconds(15)).until(() -> mails(email, "Welcome") == 1);
		await().atMost(Duration.ofSeconds(15)).until(() -> mails(email, "Invitation to ") == 1);
	}

	@Test
	void linksTheEmployeeWhenHeJoinsAndGivesHimHisOwnItems() {
		TestData.User newcomer = this.data.user("Madina");
		EmployeeView madina = this.fixture.hire(this.owner, this.org, "Madina Testova", newcomer.email(), "Designer",
				ContractType.PERMANENT, OnboardingFixture.today(), 3, null);
		ProcessInstance pi = this.fixture.instance(this.org, madina.id());
		this.fixture.begin(pi);
		// not a member yet: HR (the admins, with no HR team) has her item
		Task handbook = this.fixture.itemTask(pi, "read-handbook");
		assertThat(handbook.getAssignee()).isNull();
		assertThat(candidateGroups(handbook)).containsExactly(ws() + ":admin");

		String invitationId = invitationTo(newcomer);
		Api.Response accepted = this.api.post("/api/invitations/" + invitationId + "/accept", newcomer.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

		assertThat(this.fixture.itemTask(pi, "read-handbook").getAssignee()).isEqualTo(newcomer.email());
		assertThat(this.fixture.itemTask(pi, "accounts").getAssignee()).as("a team's item stays with the team")
			.isNull();
		this.fixture.completeAs(newcomer, this.org, "member", this.fixture.itemTask(pi, "read-handbook"),
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done"));
		assertThat(item(madina, "read-handbook").doneBy()).isEqualTo(newcomer.email());
	}

	@Test
	void neverLetsAnotherWorkspaceCompleteAnItem() {
		EmployeeView aliya = hired("Aliya", ContractType.CONTRACTOR, OnboardingFixture.today(), 0);
		ProcessInstance pi = this.fixture.instance(this.org, aliya.id());
		this.fixture.begin(pi);
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Stranger Group");
		Task accounts = this.fixture.itemTask(pi, "accounts");

		assertThatThrownBy(() -> this.fixture.completeAs(stranger, other, "owner", accounts,
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done")))
			.isInstanceOf(RuntimeException.class);

		assertThat(item(aliya, "accounts").status()).isEqualTo(OnboardingItemStatus.OPEN);
		assertThat(this.fixture.itemTask(pi, "accounts").getId()).isEqualTo(accounts.getId());
	}

	// --- helpers

	private EmployeeView hired(String name, ContractType contract, LocalDate start, int probationMonths) {
		return this.fixture.hire(this.owner, this.org, name + " Testov", OnboardingFixture.email(name), "Accountant",
				contract, start, probationMonths, null);
	}

	/** Hired, every item done, and the probation's end reached: the review waits. */
	private ProcessInstance onboarded(EmployeeView employee) {
		ProcessInstance pi = this.fixture.instance(this.org, employee.id());
		this.fixture.begin(pi);
		this.fixture.completeAllItems(this.owner, this.org, pi);
		assertThat(employee(employee).status()).isEqualTo(EmployeeStatus.ACTIVE);
		fire(probationTimer(pi));
		assertThat(pi).isWaitingAt(EmployeeOnboarding.TASK_REVIEW_PROBATION);
		return pi;
	}

	private void done(ProcessInstance pi, String code, String outcome) {
		this.fixture.completeAs(this.owner, this.org, "owner", this.fixture.itemTask(pi, code),
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, outcome));
	}

	private Task reviewTask(ProcessInstance pi) {
		return this.tasks.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskDefinitionKey(EmployeeOnboarding.TASK_REVIEW_PROBATION)
			.singleResult();
	}

	private Job probationTimer(ProcessInstance pi) {
		return this.management.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId(EmployeeOnboarding.TIMER_PROBATION_ENDS)
			.singleResult();
	}

	/**
	 * Fires a timer with the engine's clock at its due date, as the job executor would.
	 */
	private void fire(Job timer) {
		ClockUtil.setCurrentTime(timer.getDuedate());
		try {
			this.management.executeJob(timer.getId());
		}
		finally {
			ClockUtil.reset();
		}
	}

	private EmployeeView employee(EmployeeView employee) {
		return this.hr.employee(this.org.id(), this.owner.id(), employee.id());
	}

	private OnboardingItemView item(EmployeeView employee, String code) {
		return this.onboarding.onboarding(this.org.id(), this.owner.id(), employee.id())
			.items()
			.stream()
			.filter(item -> item.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private List<String> candidateGroups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private int mails(String to, String subjectStart) {
		return (int) Mailboxes.of(this.greenMail, to)
			.stream()
			.filter(mail -> Mailboxes.subject(mail).startsWith(subjectStart))
			.count();
	}

	private String ws() {
		return this.org.workspaceId().toString();
	}

	private static Date nineAlmaty(LocalDate day) {
		return Date
			.from(OffsetDateTime.parse(day.atTime(9, 0).atZone(OnboardingFixture.ALMATY).toOffsetDateTime().toString())
				.toInstant());
	}

	private String team(String code, String name) {
		Api.Response created = this.api.post("/api/workspaces/" + ws() + "/teams", this.owner.token(),
				Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	/** The open invitation of this workspace addressed to the user. */
	private String invitationTo(TestData.User user) {
		Api.Response open = this.api.get("/api/invitations", user.token());
		assertThat(open.status()).as(open.toString()).isEqualTo(200);
		return open.items()
			.stream()
			.filter(invitation -> invitation.path("workspaceId").asText().equals(ws()))
			.map(invitation -> invitation.path("id").asText())
			.findFirst()
			.orElseThrow();
	}

}
