package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of {@code deal-lifecycle.bpmn}, driven as people drive it (tasks in the ERP
 * and on the engine REST API, the deal API, the timer), against the real services and
 * database: every stage move is decided by the deal, a refusal takes the modelled path
 * back to the task, and no step acts on anything but the deal the instance was bound to.
 */
@ErpIntegrationTest
@RecordApplicationEvents
class DealLifecycleProcessTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identityService;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Askar");
		this.org = this.data.organization(this.owner, "Askar Trade");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Kazakh Steel JSC");
	}

	@Test
	void walksThroughEveryStageToWonAndPublishesTheWinOnce() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);

		// nobody was assigned: the task is its creator's, and the managers may still
		// take it once he gives it back
		assertThat(process).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL)
			.task()
			.isAssignedTo(this.owner.email())
			.hasCandidateGroupAssociated(this.org.workspaceId() + ":manager");
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		assertDeal(deal, "QUALIFIED");
		assertThat(process).isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		assertDeal(deal, "PROPOSAL");
		assertThat(process).isWaitingAt(DealLifecycle.TASK_NEGOTIATE_DEAL);
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		assertDeal(deal, "NEGOTIATION");
		assertThat(process).isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_WON));

		assertThat(process)
			.hasPassedInOrder(DealLifecycle.TASK_QUALIFY_DEAL, DealLifecycle.TASK_PREPARE_PROPOSAL,
					DealLifecycle.TASK_DECIDE_DISCOUNT_APPROVAL, DealLifecycle.TASK_NEGOTIATE_DEAL,
					DealLifecycle.TASK_CLOSE_DEAL, DealLifecycle.END_DEAL_WON)
			.hasNotPassed(DealLifecycle.TASK_APPROVE_DISCOUNT, DealLifecycle.BOUNDARY_CLOSE_REFUSED)
			.isEnded();
		JsonNode won = assertDeal(deal, "WON");
		Assertions.assertThat(won.path("probability").asInt()).isEqualTo(100);
		Assertions.assertThat(won.path("wonAt").asText()).isNotBlank();
		Assertions.assertThat(this.events.stream(DealWon.class).filter(e -> e.dealId().equals(id(deal))))
			.singleElement()
			.satisfies(e -> Assertions.assertThat(e.value()).isEqualByComparingTo("3000000.00"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Task_QualifyDeal", "Task_PrepareProposal", "Task_NegotiateDeal", "Task_CloseDeal" })
	void losesFromAnyStageTaskWithItsReason(String stageTask) {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, stageTask);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_LOST,
				DealLifecycle.VAR_LOST_REASON, "Budget cut"));

		assertThat(process).hasPassed(DealLifecycle.END_DEAL_LOST).isEnded();
		JsonNode lost = assertDeal(deal, "LOST");
		Assertions.assertThat(lost.path("lostReason").asText()).isEqualTo("Budget cut");
		Assertions.assertThat(lost.path("probability").asInt()).isZero();
		Assertions.assertThat(this.events.stream(DealWon.class)).isEmpty();
	}

	@Test
	void sendsTheTaskBackWithTheReasonWhenLostWithoutOne() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_LOST));

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_QUALIFY_REFUSED)
			.isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);
		Assertions.assertThat(refusalShownBy(process)).contains("reason");
		Assertions.assertThat(incidentsOf(process)).isZero();
		assertDeal(deal, "NEW");

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		assertThat(process).isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		Assertions.assertThat(this.runtime.getVariable(process.getId(), DealLifecycle.VAR_STAGE_REFUSAL)).isNull();
	}

	@Test
	void asksAManagerToApproveALargeDiscountAndRecordsTheApprovalOnTheDeal() {
		TestData.User manager = this.data.user("Meirim");
		this.data.join(this.owner, this.org.workspaceId(), manager, "MANAGER");
		JsonNode deal = newDeal(discounted(20));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_PREPARE_PROPOSAL);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));

		assertThat(process).isWaitingAt(DealLifecycle.TASK_APPROVE_DISCOUNT)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":manager");
		assertDeal(deal, "QUALIFIED");
		completeAs(manager, task(process), Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, true));
		assertThat(process).isWaitingAt(DealLifecycle.TASK_NEGOTIATE_DEAL);
		JsonNode proposed = assertDeal(deal, "PROPOSAL");
		Assertions.assertThat(proposed.path("discountApproval").path("approvedBy").asText())
			.isEqualTo(manager.id().toString());
		Assertions.assertThat(proposed.path("discountApproval").path("maxDiscountPercent").decimalValue())
			.isEqualByComparingTo("20");
	}

	@Test
	void sendsTheProposalBackWhenTheDiscountIsDenied() {
		JsonNode deal = newDeal(discounted(20));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_APPROVE_DISCOUNT);

		completeAs(this.owner, task(process), Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, false));

		assertThat(process).isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		Assertions.assertThat(assertDeal(deal, "QUALIFIED").path("discountApproval").isObject()).isFalse();
	}

	@Test
	void refusesDiscountApprovalByAMember() {
		TestData.User member = this.data.user("Nursultan");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		JsonNode deal = newDeal(discounted(20));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_APPROVE_DISCOUNT);
		Task approval = task(process);

		// not a candidate: the engine's authorization refuses
		assertThatThrownBy(() -> completeAs(member, approval, Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, true)))
			.hasMessageContaining("TASK_WORK");
		// even when someone hands the task to them, the approval rule refuses
		this.engine.getTaskService().setAssignee(approval.getId(), member.email());
		assertThatThrownBy(() -> completeAs(member, approval, Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, true)))
			.hasMessageContaining("MANAGER role");
		// and so it does for whoever completes it without being named
		assertThatThrownBy(() -> complete(approval, withVariables(DealLifecycle.VAR_DISCOUNT_APPROVED, true)))
			.hasMessageContaining("named manager");

		assertThat(process).isWaitingAt(DealLifecycle.TASK_APPROVE_DISCOUNT);
		Assertions.assertThat(assertDeal(deal, "QUALIFIED").path("discountApproval").isObject()).isFalse();
	}

	@Test
	void needsNoApprovalForASmallDiscount() {
		JsonNode deal = newDeal(discounted(5));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_PREPARE_PROPOSAL);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));

		assertThat(process).hasPassed(DealLifecycle.TASK_DECIDE_DISCOUNT_APPROVAL)
			.hasNotPassed(DealLifecycle.TASK_APPROVE_DISCOUNT)
			.isWaitingAt(DealLifecycle.TASK_NEGOTIATE_DEAL);
	}

	@Test
	void routesAProposalToApprovalByTheDealsCurrentLines() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_PREPARE_PROPOSAL);
		Api.Response changed = this.api.patch(dealPath(deal), this.owner.token(), discounted(20));
		Assertions.assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));

		assertThat(process).isWaitingAt(DealLifecycle.TASK_APPROVE_DISCOUNT);
		// what the approval form shows was read from the deal as it is now
		Assertions.assertThat(this.runtime.getVariable(process.getId(), DealLifecycle.VAR_MAX_DISCOUNT))
			.isEqualTo(20.0);
		Assertions.assertThat(this.runtime.getVariable(process.getId(), DealLifecycle.VAR_DEAL_VALUE))
			.isEqualTo(2400000.0);
		assertDeal(deal, "QUALIFIED");
	}

	@Test
	void routesAProposalCompletedOnTheEngineRestApiToApprovalByTheDealsCurrentLines() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_PREPARE_PROPOSAL);
		this.api.patch(dealPath(deal), this.owner.token(), discounted(20));

		Api.Response completed = this.api.post("/engine-rest/task/" + task(process).getId() + "/complete",
				this.owner.token(),
				Map.of("variables", Map.of(DealLifecycle.VAR_OUTCOME, Map.of("value", DealLifecycle.OUTCOME_ADVANCE))));

		Assertions.assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(process).isWaitingAt(DealLifecycle.TASK_APPROVE_DISCOUNT);
		assertDeal(deal, "QUALIFIED");
	}

	@Test
	void needsANewApprovalWhenTheLinesChangeAfterAnApproval() {
		TestData.User manager = this.data.user("Saule");
		this.data.join(this.owner, this.org.workspaceId(), manager, "MANAGER");
		JsonNode deal = newDeal(discounted(20));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_APPROVE_DISCOUNT);
		completeAs(manager, task(process), Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, true));
		assertThat(process).isWaitingAt(DealLifecycle.TASK_NEGOTIATE_DEAL);

		JsonNode changed = this.api.patch(dealPath(deal), this.owner.token(), discounted(25)).json();
		Assertions.assertThat(changed.path("discountApproval").isObject()).isFalse();
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_NEGOTIATION_REFUSED)
			.isWaitingAt(DealLifecycle.TASK_NEGOTIATE_DEAL);
		Assertions.assertThat(refusalShownBy(process)).contains("approval");
		Assertions.assertThat(incidentsOf(process)).isZero();
		assertDeal(deal, "PROPOSAL");

		Api.Response approved = this.api.post(dealPath(deal) + "/discount-approval", manager.token(), null);
		Assertions.assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		assertThat(process).isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
		assertDeal(deal, "NEGOTIATION");
	}

	@Test
	void sendsCloseDealBackWhenWonWithoutProductLines() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_CLOSE_DEAL);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_WON));

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_CLOSE_REFUSED)
			.hasNotPassed(DealLifecycle.END_DEAL_WON)
			.isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
		Assertions.assertThat(refusalShownBy(process)).contains("product line");
		Assertions.assertThat(incidentsOf(process)).isZero();
		Assertions.assertThat(assertDeal(deal, "NEGOTIATION").path("wonAt").isTextual()).isFalse();
		Assertions.assertThat(this.events.stream(DealWon.class)).isEmpty();
		Assertions.assertThat(ordersOf(deal)).isEmpty();

		// once the lines are there, the same task wins the deal
		this.api.patch(dealPath(deal), this.owner.token(), discounted(0));
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_WON));
		assertThat(process).hasPassed(DealLifecycle.END_DEAL_WON).isEnded();
		assertDeal(deal, "WON");
	}

	@Test
	void sendsCloseDealBackWhenTheDiscountLostItsApproval() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_CLOSE_DEAL);
		this.api.patch(dealPath(deal), this.owner.token(), discounted(30));

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_WON));

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_CLOSE_REFUSED).isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
		Assertions.assertThat(refusalShownBy(process)).contains("approval");
		assertDeal(deal, "NEGOTIATION");
		Assertions.assertThat(this.events.stream(DealWon.class)).isEmpty();
	}

	@Test
	void sendsTheProposalBackWhenTheDealRefusesItsOutcome() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_PREPARE_PROPOSAL);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_LOST,
				DealLifecycle.VAR_LOST_REASON, "  "));

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_PROPOSAL_REFUSED)
			.isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		Assertions.assertThat(refusalShownBy(process)).contains("reason");
		assertDeal(deal, "QUALIFIED");
	}

	@Test
	void actsOnTheBoundDealWhenSomeoneSetsDealIdToAnotherWorkspacesDeal() {
		TestData.User victim = this.data.user("Victim");
		TestData.Org victimOrg = this.data.organization(victim, "Victim Trade");
		UUID victimCustomer = this.data.customer(victim, victimOrg.workspaceId(), "Victim's buyer");
		JsonNode created = this.data.deal(victim, victimOrg.workspaceId(), victimCustomer, "Victim's deal",
				discounted(20));
		String victimPath = "/api/workspaces/" + victimOrg.workspaceId() + "/deals/" + created.path("id").asText();
		JsonNode victimDeal = this.api.get(victimPath, victim.token()).json();
		JsonNode lossDeal = newDeal(discounted(0));
		JsonNode winDeal = newDeal(discounted(0));
		JsonNode approvalDeal = newDeal(discounted(20));
		ProcessInstance lossProcess = processOf(lossDeal);
		ProcessInstance winProcess = processOf(winDeal);
		ProcessInstance approvalProcess = processOf(approvalDeal);
		advanceUntil(winProcess, DealLifecycle.TASK_CLOSE_DEAL);
		advanceUntil(approvalProcess, DealLifecycle.TASK_APPROVE_DISCOUNT);
		for (ProcessInstance process : List.of(lossProcess, winProcess, approvalProcess)) {
			this.runtime.setVariable(process.getId(), "dealId", victimDeal.path("id").asText());
			this.runtime.setVariable(process.getId(), DealLifecycle.VAR_WORKSPACE_ID,
					victimOrg.workspaceId().toString());
		}

		complete(task(lossProcess), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_LOST,
				DealLifecycle.VAR_LOST_REASON, "Gone", "dealId", victimDeal.path("id").asText()));
		complete(task(winProcess), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_WON));
		completeAs(this.owner, task(approvalProcess), Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, true));

		assertDeal(lossDeal, "LOST");
		assertDeal(winDeal, "WON");
		Assertions.assertThat(assertDeal(approvalDeal, "PROPOSAL").path("discountApproval").isObject()).isTrue();
		JsonNode untouched = this.api.get(victimPath, victim.token()).json();
		Assertions.assertThat(untouched.path("stage").asText()).isEqualTo("NEW");
		Assertions.assertThat(untouched.path("discountApproval").isObject()).isFalse();
		Assertions.assertThat(untouched.path("version").asLong()).isEqualTo(victimDeal.path("version").asLong());
		Assertions.assertThat(this.events.stream(DealWon.class))
			.extracting(DealWon::dealId)
			.containsExactly(id(winDeal));
		// the next task is still the bound deal's creator's (this workspace's owner), not
		// the victim's
		assertThat(processOf(approvalDeal)).isWaitingAt(DealLifecycle.TASK_NEGOTIATE_DEAL)
			.task()
			.isAssignedTo(this.owner.email())
			.hasCandidateGroupAssociated(this.org.workspaceId() + ":manager");
	}

	@Test
	void followsTheDealWhenSomeoneElseSendsTheStageMessageOrSetsTheStage() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);

		// as an engine REST caller could: the message with a stage the deal does not have
		this.runtime.createMessageCorrelation(DealLifecycle.MSG_STAGE_CHANGED)
			.processInstanceId(process.getId())
			.setVariable(DealLifecycle.VAR_STAGE, "WON")
			.correlate();

		assertThat(process).hasNotPassed(DealLifecycle.END_DEAL_WON).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);
		Assertions.assertThat(this.runtime.getVariable(process.getId(), DealLifecycle.VAR_STAGE)).isEqualTo("NEW");
		this.runtime.setVariable(process.getId(), DealLifecycle.VAR_STAGE, "NEGOTIATION");
		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE,
				DealLifecycle.VAR_STAGE, "WON"));
		assertThat(process).isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		assertDeal(deal, "QUALIFIED");
	}

	@Test
	void winsFromTheApiWhileTheQualifyTaskWaitsAndThenRefusesTheTask() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		Task qualify = task(process);

		Api.Response won = stage(deal, "WON", null);

		Assertions.assertThat(won.status()).as(won.toString()).isEqualTo(200);
		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_STAGE_CHANGED_WHILE_QUALIFYING, DealLifecycle.END_DEAL_WON)
			.isEnded();
		assertThatThrownBy(
				() -> complete(qualify, withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE)));
		Assertions.assertThat(stage(deal, "WON", null).status()).isEqualTo(409);
	}

	@Test
	void losesFromTheApiWithAReasonAndRefusesALossWithoutOne() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);

		Assertions.assertThat(stage(deal, "LOST", null).status()).isEqualTo(422);
		assertThat(process).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);

		Assertions.assertThat(stage(deal, "LOST", "Chose a competitor").status()).isEqualTo(200);
		assertThat(process).hasPassed(DealLifecycle.END_DEAL_LOST).isEnded();
		Assertions.assertThat(assertDeal(deal, "LOST").path("lostReason").asText()).isEqualTo("Chose a competitor");
	}

	@Test
	void movesTheProcessOnWhenTheApiAdvancesTheStage() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);

		Assertions.assertThat(stage(deal, "QUALIFIED", null).status()).isEqualTo(200);
		assertThat(process).isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		Assertions.assertThat(stage(deal, "NEGOTIATION", null).status()).isEqualTo(200);

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_STAGE_CHANGED_WHILE_PROPOSING)
			.isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
	}

	@Test
	void movesTheProcessOnFromApprovalWhenTheApiMovesAnApprovedDeal() {
		TestData.User manager = this.data.user("Bakyt");
		this.data.join(this.owner, this.org.workspaceId(), manager, "MANAGER");
		JsonNode deal = newDeal(discounted(20));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_APPROVE_DISCOUNT);

		Assertions.assertThat(stage(deal, "NEGOTIATION", null).status()).isEqualTo(422);
		assertThat(process).isWaitingAt(DealLifecycle.TASK_APPROVE_DISCOUNT);
		this.api.post(dealPath(deal) + "/discount-approval", manager.token(), null);
		Assertions.assertThat(stage(deal, "NEGOTIATION", null).status()).isEqualTo(200);

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_STAGE_CHANGED_WHILE_APPROVING)
			.isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
	}

	@Test
	void movesTheProcessOnWhenTheApiMovesTheDealDuringNegotiationAndClosing() {
		JsonNode deal = newDeal(discounted(0));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_NEGOTIATE_DEAL);

		Assertions.assertThat(stage(deal, "NEGOTIATION", null).status()).isEqualTo(200);
		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_STAGE_CHANGED_WHILE_NEGOTIATING)
			.isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
		Assertions.assertThat(stage(deal, "LOST", "Too expensive").status()).isEqualTo(200);

		assertThat(process).hasPassed(DealLifecycle.BOUNDARY_STAGE_CHANGED_WHILE_CLOSING, DealLifecycle.END_DEAL_LOST)
			.isEnded();
	}

	@Test
	void remindsTheOwnerWhenTheExpectedCloseDateComes() {
		JsonNode deal = newDeal(Map.of("expectedCloseDate", "2026-01-15"));
		ProcessInstance process = processOf(deal);
		Job timer = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process.getId())
			.timers()
			.singleResult();
		Assertions.assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-01-15T04:00:00Z"));

		execute(timer);
		assertThat(process).isWaitingAt(DealLifecycle.TASK_REMIND_OWNER, DealLifecycle.TASK_QUALIFY_DEAL);
		execute(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process.getId())
			.activityId(DealLifecycle.TASK_REMIND_OWNER)
			.singleResult());

		assertThat(process).hasPassed(DealLifecycle.TASK_REMIND_OWNER).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);
	}

	private JsonNode newDeal(Map<String, Object> fields) {
		return this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Steel pipes", fields);
	}

	/**
	 * One line of 100 pipes at 30,000.00 with the given discount: 3,000,000.00 less the
	 * discount (a discount above 15 % needs a manager).
	 */
	static Map<String, Object> discounted(int percent) {
		return Map.of("products", List.of(Map.of("productName", "Steel pipe 100 mm", "quantity", "100", "unitPrice",
				"30000.00", "discountPercent", String.valueOf(percent))));
	}

	private static UUID id(JsonNode deal) {
		return UUID.fromString(deal.path("id").asText());
	}

	private String refusalShownBy(ProcessInstance process) {
		return (String) this.runtime.getVariable(process.getId(), DealLifecycle.VAR_STAGE_REFUSAL);
	}

	private long incidentsOf(ProcessInstance process) {
		return this.runtime.createIncidentQuery().processInstanceId(process.getId()).count()
				+ this.engine.getManagementService()
					.createJobQuery()
					.processInstanceId(process.getId())
					.withException()
					.count();
	}

	/** The orders placed for the deal, as the order list shows them. */
	private List<JsonNode> ordersOf(JsonNode deal) {
		return this.api.get("/api/workspaces/" + this.org.workspaceId() + "/orders", this.owner.token())
			.items()
			.stream()
			.filter(o -> o.path("dealId").asText().equals(deal.path("id").asText()))
			.toList();
	}

	private ProcessInstance processOf(JsonNode deal) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DealLifecycle.KEY)
			.processInstanceBusinessKey(deal.path("id").asText())
			.singleResult();
	}

	private void advanceUntil(ProcessInstance process, String taskId) {
		List<String> order = List.of(DealLifecycle.TASK_QUALIFY_DEAL, DealLifecycle.TASK_PREPARE_PROPOSAL,
				DealLifecycle.TASK_NEGOTIATE_DEAL, DealLifecycle.TASK_CLOSE_DEAL);
		for (String step : order) {
			if (step.equals(taskId) || task(process).getTaskDefinitionKey().equals(taskId)) {
				break;
			}
			complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		}
		assertThat(process).isWaitingAt(taskId);
	}

	private void completeAs(TestData.User user, Task task, Map<String, Object> variables) {
		var directory = this.engine.getIdentityService();
		List<String> groups = directory.createGroupQuery()
			.groupMember(user.email())
			.list()
			.stream()
			.map(g -> g.getId())
			.toList();
		List<String> tenants = directory.createTenantQuery()
			.userMember(user.email())
			.list()
			.stream()
			.map(t -> t.getId())
			.toList();
		this.identityService.setAuthentication(user.email(), groups, tenants);
		try {
			this.engine.getTaskService().complete(task.getId(), variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private Api.Response stage(JsonNode deal, String stage, String reason) {
		Map<String, Object> body = (reason == null) ? Map.of("stage", stage)
				: Map.of("stage", stage, "lostReason", reason);
		return this.api.post(dealPath(deal) + "/stage", this.owner.token(), body);
	}

	private JsonNode assertDeal(JsonNode deal, String stage) {
		Api.Response current = this.api.get(dealPath(deal), this.owner.token());
		Assertions.assertThat(current.json().path("stage").asText()).isEqualTo(stage);
		return current.json();
	}

	private String dealPath(JsonNode deal) {
		return "/api/workspaces/" + this.org.workspaceId() + "/deals/" + deal.path("id").asText();
	}

}
