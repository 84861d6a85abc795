package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
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

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of {@code deal-lifecycle.bpmn}, driven as people drive it (tasks, the API,
 * the timer), against the real services and database.
 */
@ErpIntegrationTest
class DealLifecycleProcessTests {

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
	void walksThroughEveryStageToWonAndThrowsTheWonMessageOnce() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);

		assertThat(process).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":manager");
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
			.isEnded();
		JsonNode won = assertDeal(deal, "WON");
		Assertions.assertThat(won.path("probability").asInt()).isEqualTo(100);
		Assertions.assertThat(won.path("wonAt").asText()).isNotBlank();
		Assertions.assertThat(wonMessagesFor(deal)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Task_QualifyDeal", "Task_PrepareProposal", "Task_NegotiateDeal", "Task_CloseDeal" })
	void losesFromAnyStageTaskWithItsReason(String stageTask) {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);
		advanceUntil(process, stageTask);

		complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_LOST,
				DealLifecycle.VAR_LOST_REASON, "Budget cut"));

		assertThat(process).hasPassed(DealLifecycle.END_DEAL_LOST).isEnded();
		JsonNode lost = assertDeal(deal, "LOST");
		Assertions.assertThat(lost.path("lostReason").asText()).isEqualTo("Budget cut");
		Assertions.assertThat(lost.path("probability").asInt()).isZero();
		Assertions.assertThat(wonMessagesFor(deal)).isZero();
	}

	@Test
	void keepsTheTaskOpenWhenLostWithoutReason() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);

		assertThatThrownBy(
				() -> complete(task(process), withVariables(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_LOST)))
			.hasMessageContaining("reason");

		assertThat(process).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);
		assertDeal(deal, "NEW");
	}

	@Test
	void asksAManagerToApproveALargeDiscountAndMovesOnWhenApproved() {
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
		assertDeal(deal, "PROPOSAL");
	}

	@Test
	void sendsTheProposalBackWhenTheDiscountIsDenied() {
		JsonNode deal = newDeal(discounted(20));
		ProcessInstance process = processOf(deal);
		advanceUntil(process, DealLifecycle.TASK_APPROVE_DISCOUNT);

		completeAs(this.owner, task(process), Map.of(DealLifecycle.VAR_DISCOUNT_APPROVED, false));

		assertThat(process).isWaitingAt(DealLifecycle.TASK_PREPARE_PROPOSAL);
		assertDeal(deal, "QUALIFIED");
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

		assertThat(process).isWaitingAt(DealLifecycle.TASK_APPROVE_DISCOUNT);
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
	void winsFromTheApiWhileTheQualifyTaskWaitsAndThenRefusesTheTask() {
		JsonNode deal = newDeal(Map.of());
		ProcessInstance process = processOf(deal);
		Task qualify = task(process);

		Api.Response won = stage(deal, "WON", null);

		Assertions.assertThat(won.status()).as(won.toString()).isEqualTo(200);
		assertThat(process).hasPassed("BoundaryEvent_StageChangedWhileQualifying", DealLifecycle.END_DEAL_WON)
			.isEnded();
		Assertions.assertThat(wonMessagesFor(deal)).isEqualTo(1);
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

		assertThat(process).hasPassed("BoundaryEvent_StageChangedWhileProposing")
			.isWaitingAt(DealLifecycle.TASK_CLOSE_DEAL);
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

	private static Map<String, Object> discounted(int percent) {
		return Map.of("value", "3000000.00", "products", List.of(Map.of("productName", "Steel pipe 100 mm", "quantity",
				"100", "unitPrice", "30000.00", "discountPercent", String.valueOf(percent))));
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

	private long wonMessagesFor(JsonNode deal) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("order-fulfilment")
			.variableValueEquals(DealLifecycle.VAR_DEAL_ID, deal.path("id").asText())
			.count();
	}

}
