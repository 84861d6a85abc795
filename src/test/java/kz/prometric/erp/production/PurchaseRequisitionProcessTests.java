package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.production.ProductionEvents.PurchaseReceived;
import kz.prometric.erp.production.ProductionEvents.PurchaseRejected;
import kz.prometric.erp.production.PurchasingManagement.RequisitionStatus;
import kz.prometric.erp.production.process.PurchaseRequisition;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Every path of the purchase-requisition process on the real engine and database:
 * approved at once by the table, approved by a manager, an owner-level requisition a
 * manager may not approve even when he holds the task, rejected by the approver, no
 * supplier to order from, the receipt; and the doors around it: one requisition per
 * requirement or order line, a second instance cannot take a requisition over, a
 * cancelled instance cancels its requisition.
 */
@ErpIntegrationTest
@RecordApplicationEvents
class PurchaseRequisitionProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	PurchasingManagement purchasing;

	@Autowired
	ApplicationEvents events;

	TestData.User owner;

	TestData.User manager;

	TestData.User member;

	TestData.Org org;

	UUID warehouse;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Aizhan");
		this.org = this.data.organization(this.owner, "Aizhan Furniture");
		this.manager = this.data.user("Bolat");
		this.data.join(this.owner, this.org.workspaceId(), this.manager, "MANAGER");
		this.member = this.data.user("Dana");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
		this.warehouse = warehouse("MAIN");
	}

	@Test
	void approvesTheOwnersOwnRequestAtOnceAndOrdersFromTheCheapestActiveSupplier() {
		UUID product = product("BRD-18", "Chipboard 18 mm", "900.00");
		UUID dear = supplier("Astana Wood LLP");
		UUID cheap = supplier("Karaganda Panels LLP");
		UUID inactive = supplier("Closed Timber LLP");
		price(dear, product, "1000.00", 5);
		price(cheap, product, "950.00", 10);
		price(inactive, product, "800.00", 1);
		Assertions
			.assertThat(this.api.patch(ws() + "/suppliers/" + inactive, this.owner.token(), Map.of("active", false))
				.status())
			.isEqualTo(200);

		String number = this.purchasing.requestForProduction(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), product, new BigDecimal("10"), this.warehouse, this.owner.id());
		ProcessInstance process = startAsCallActivity(number);

		assertThat(process).hasPassed(PurchaseRequisition.TASK_DECIDE_APPROVER)
			.isWaitingAt(PurchaseRequisition.TASK_PLACE_PURCHASE_ORDER);
		JsonNode requisition = requisition(number);
		Assertions.assertThat(requisition.path("number").asText()).matches("PR-\\d{4}-\\d{6}");
		Assertions.assertThat(requisition.path("status").asText()).isEqualTo("APPROVED");
		Assertions.assertThat(requisition.path("approverLevel").asText()).isEqualTo("AUTO");
		Assertions.assertThat(requisition.path("requesterRole").asText()).isEqualTo("OWNER");
		Assertions.assertThat(requisition.path("priceSource").asText()).isEqualTo("SUPPLIER_PRICE");
		Assertions.assertThat(requisition.path("estimatedUnitPrice").decimalValue()).isEqualByComparingTo("950.00");
		Assertions.assertThat(requisition.path("amount").decimalValue()).isEqualByComparingTo("9500.00");
		Assertions.assertThat(requisition.path("supplierName").asText()).isEqualTo("Karaganda Panels LLP");
		Assertions.assertThat(requisition.path("processInstanceId").asText()).isEqualTo(process.getId());

		execute(job(process));

		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_RECEIVE_GOODS)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":member");
		JsonNode order = purchaseOrderOf(number);
		Assertions.assertThat(order.path("number").asText()).matches("PO-\\d{4}-\\d{6}");
		Assertions.assertThat(order.path("status").asText()).isEqualTo("ORDERED");
		Assertions.assertThat(order.path("supplierId").asText()).isEqualTo(cheap.toString());
		Assertions.assertThat(order.path("unitPrice").decimalValue()).isEqualByComparingTo("950.00");
		Assertions.assertThat(order.path("amount").decimalValue()).isEqualByComparingTo("9500.00");
		Assertions.assertThat(order.path("warehouseId").asText()).isEqualTo(this.warehouse.toString());
		Assertions.assertThat(requisition(number).path("status").asText()).isEqualTo("ORDERED");
		Assertions
			.assertThat(this.engine.getRuntimeService()
				.getVariable(process.getId(), PurchaseRequisition.VAR_PURCHASE_ORDER_NUMBER))
			.isEqualTo(order.path("number").asText());

		Api.Response received = completeOnEngineRest(this.member, task(process),
				Map.of(PurchaseRequisition.VAR_DELIVERY_NOTE, "DN-4711"));

		Assertions.assertThat(received.status()).as(received.toString()).isEqualTo(204);
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_RECORD_GOODS_RECEIPT);
		JsonNode reported = purchaseOrderOf(number);
		Assertions.assertThat(reported.path("receivedBy").asText()).isEqualTo(this.member.email());
		Assertions.assertThat(reported.path("deliveryNote").asText()).isEqualTo("DN-4711");
		Assertions.assertThat(reported.path("status").asText()).isEqualTo("ORDERED");
	}

	@Test
	void booksTheReceivedGoodsIntoStockAtThePurchasePriceOnceAndTheAverageCostFollows() {
		UUID product = product("GLU-1", "Wood glue", "0.00");
		receiveByHand(product, "10", "100.00");
		UUID supplier = supplier("Glue Masters LLP");
		price(supplier, product, "130.00", 2);
		String number = this.purchasing.requestForProduction(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), product, new BigDecimal("30"), this.warehouse, this.owner.id());
		ProcessInstance process = startAsCallActivity(number);
		execute(job(process));
		completeOnEngineRest(this.member, task(process), Map.of(PurchaseRequisition.VAR_DELIVERY_NOTE, "DN-1"));

		execute(job(process));

		assertThat(process).hasPassed(PurchaseRequisition.END_GOODS_RECEIVED).isEnded();
		JsonNode order = purchaseOrderOf(number);
		Assertions.assertThat(order.path("status").asText()).isEqualTo("RECEIVED");
		Assertions.assertThat(order.path("receivedAt").isTextual()).isTrue();
		Assertions.assertThat(requisition(number).path("status").asText()).isEqualTo("RECEIVED");
		List<JsonNode> receipts = receiptsOf(product);
		Assertions.assertThat(receipts).hasSize(2);
		JsonNode purchase = receipts.stream()
			.filter(m -> order.path("id").asText().equals(m.path("referenceId").asText()))
			.findFirst()
			.orElseThrow();
		Assertions.assertThat(purchase.path("referenceType").asText()).isEqualTo("PURCHASE_ORDER");
		Assertions.assertThat(purchase.path("quantity").decimalValue()).isEqualByComparingTo("30");
		Assertions.assertThat(purchase.path("unitCost").decimalValue()).isEqualByComparingTo("130.00");
		// (10 × 100 + 30 × 130) / 40 = 122.50
		Assertions.assertThat(averageCost(product)).isEqualByComparingTo("122.50");
		Assertions.assertThat(
				this.events.stream(PurchaseReceived.class).filter(e -> e.requisitionNumber().equals(number)).toList())
			.singleElement()
			.satisfies(e -> {
				Assertions.assertThat(e.purchaseOrderNumber()).isEqualTo(order.path("number").asText());
				Assertions.assertThat(e.quantity()).isEqualByComparingTo("30");
			});

		// the receipt step retried (a job run twice, a node lost after commit) receives
		// nothing more
		this.purchasing.recordGoodsReceipt(new PurchaseInstance(this.org.workspaceId(), number, process.getId()));

		Assertions.assertThat(receiptsOf(product)).hasSize(2);
		Assertions.assertThat(averageCost(product)).isEqualByComparingTo("122.50");
		Assertions.assertThat(
				this.events.stream(PurchaseReceived.class).filter(e -> e.requisitionNumber().equals(number)).count())
			.isEqualTo(1);
		Assertions.assertThat(stock(product).path("onHand").decimalValue()).isEqualByComparingTo("40");
	}

	@Test
	void aManagerApprovesARequisitionRaisedForASalesOrderLine() {
		UUID product = product("HNG-35", "Hinge 35 mm", "0.00");
		price(supplier("Fittings KZ LLP"), product, "400.00", 3);
		UUID salesOrder = UUID.randomUUID();
		UUID line = UUID.randomUUID();

		String number = this.purchasing.requestForSalesOrder(this.org.workspaceId(), salesOrder, line, product,
				new BigDecimal("50"));
		ProcessInstance process = processOf(number);

		Assertions.assertThat(process.getTenantId()).isEqualTo(this.org.workspaceId().toString());
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_APPROVE_PURCHASE)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":manager");
		Map<String, Object> shown = this.engine.getRuntimeService().getVariables(process.getId());
		Assertions.assertThat(shown)
			.containsEntry(PurchaseRequisition.VAR_REQUISITION_NUMBER, number)
			.containsEntry(PurchaseRequisition.VAR_PRODUCT_NAME, "Hinge 35 mm")
			.containsEntry(PurchaseRequisition.VAR_QUANTITY, 50.0)
			.containsEntry(PurchaseRequisition.VAR_AMOUNT, 20000.0)
			.containsEntry(PurchaseRequisition.VAR_SUPPLIER_NAME, "Fittings KZ LLP")
			.containsEntry(PurchaseRequisition.VAR_REQUESTER, "SYSTEM")
			.containsEntry(PurchaseRequisition.VAR_APPROVER, "MANAGER");
		// asked again for the same line while it is open: the same requisition, no
		// second process
		Assertions
			.assertThat(this.purchasing.requestForSalesOrder(this.org.workspaceId(), salesOrder, line, product,
					new BigDecimal("50")))
			.isEqualTo(number);
		Assertions.assertThat(instancesOf(number)).isEqualTo(1);

		Api.Response approved = completeOnEngineRest(this.manager, task(process),
				Map.of(PurchaseRequisition.VAR_DECISION, PurchaseRequisition.DECISION_APPROVE,
						PurchaseRequisition.VAR_COMMENT, "Needed for SO"));

		Assertions.assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
		assertThat(process).hasPassed(PurchaseRequisition.TASK_APPROVE_PURCHASE)
			.isWaitingAt(PurchaseRequisition.TASK_PLACE_PURCHASE_ORDER);
		JsonNode requisition = requisition(number);
		Assertions.assertThat(requisition.path("status").asText()).isEqualTo("APPROVED");
		Assertions.assertThat(requisition.path("decidedBy").asText()).isEqualTo(this.manager.email());
		Assertions.assertThat(requisition.path("decisionComment").asText()).isEqualTo("Needed for SO");
		Assertions.assertThat(requisition.path("source").path("type").asText()).isEqualTo("SALES_ORDER");
		Assertions.assertThat(requisition.path("source").path("salesOrderLineId").asText()).isEqualTo(line.toString());

		execute(job(process));
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_RECEIVE_GOODS);
		// no warehouse named: the goods go to the workspace's first warehouse
		Assertions.assertThat(purchaseOrderOf(number).path("warehouseId").asText())
			.isEqualTo(this.warehouse.toString());
	}

	@Test
	void approvesRoutineRawMaterialsForASalesOrderAtOnceByTheirCategory() {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(), Map.of("code", "OAK-25", "name",
				"Oak board 25 mm", "unit", "m3", "price", "900000.00", "category", "RAW_MATERIAL"));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		UUID product = UUID.fromString(created.json().path("id").asText());
		price(supplier("Oak LLP"), product, "250000.00", 7);

		String number = this.purchasing.requestForSalesOrder(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), product, new BigDecimal("2"));

		assertThat(processOf(number)).hasPassed(PurchaseRequisition.TASK_DECIDE_APPROVER)
			.isWaitingAt(PurchaseRequisition.TASK_PLACE_PURCHASE_ORDER);
		JsonNode requisition = requisition(number);
		Assertions.assertThat(requisition.path("materialCategory").asText()).isEqualTo("RAW_MATERIAL");
		Assertions.assertThat(requisition.path("amount").decimalValue()).isEqualByComparingTo("500000.00");
		Assertions.assertThat(requisition.path("approverLevel").asText()).isEqualTo("AUTO");
		Assertions.assertThat(requisition.path("status").asText()).isEqualTo("APPROVED");
	}

	@Test
	void refusesAnOwnerLevelApprovalToAManagerEvenWhenTheTaskIsHisAndTakesTheOwners() {
		UUID product = product("CNC-X", "CNC spindle", "0.00");
		price(supplier("Machines LLP"), product, "600000.00", 30);
		String number = this.purchasing.requestForSalesOrder(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), product, new BigDecimal("10"));
		ProcessInstance process = processOf(number);
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_APPROVE_PURCHASE)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":owner");
		Assertions.assertThat(requisition(number).path("approverLevel").asText()).isEqualTo("OWNER");
		Task approval = task(process);
		this.engine.getTaskService().setAssignee(approval.getId(), this.manager.email());

		Api.Response byManager = completeOnEngineRest(this.manager, approval,
				Map.of(PurchaseRequisition.VAR_DECISION, PurchaseRequisition.DECISION_APPROVE));

		Assertions.assertThat(byManager.status()).as(byManager.toString()).isEqualTo(403);
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_APPROVE_PURCHASE);
		Assertions.assertThat(requisition(number).path("status").asText()).isEqualTo("REQUESTED");
		Assertions.assertThat(requisition(number).path("decidedBy").isTextual()).isFalse();

		Api.Response byOwner = completeOnEngineRest(this.owner, approval,
				Map.of(PurchaseRequisition.VAR_DECISION, PurchaseRequisition.DECISION_APPROVE));

		Assertions.assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(204);
		Assertions.assertThat(requisition(number).path("status").asText()).isEqualTo("APPROVED");
		Assertions.assertThat(requisition(number).path("decidedBy").asText()).isEqualTo(this.owner.email());
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_PLACE_PURCHASE_ORDER);
	}

	@Test
	void endsARejectedRequisitionWithTheApproversReasonAndAnnouncesIt() {
		UUID product = product("LAC-5", "Lacquer 5 l", "0.00");
		price(supplier("Paints LLP"), product, "7000.00", 3);
		UUID salesOrder = UUID.randomUUID();
		String number = this.purchasing.requestForSalesOrder(this.org.workspaceId(), salesOrder, UUID.randomUUID(),
				product, new BigDecimal("20"));
		ProcessInstance process = processOf(number);

		// only the form's options are accepted (the task variable guard checks the
		// select: 422 naming the field)
		Api.Response undecided = completeOnEngineRest(this.manager, task(process),
				Map.of(PurchaseRequisition.VAR_DECISION, "maybe"));
		Assertions.assertThat(undecided.status()).as(undecided.toString()).isEqualTo(422);
		Assertions.assertThat(undecided.text()).contains(PurchaseRequisition.VAR_DECISION);
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_APPROVE_PURCHASE);

		Api.Response rejected = completeOnEngineRest(this.manager, task(process),
				Map.of(PurchaseRequisition.VAR_DECISION, PurchaseRequisition.DECISION_REJECT,
						PurchaseRequisition.VAR_COMMENT, "Too expensive this month"));
		Assertions.assertThat(rejected.status()).as(rejected.toString()).isEqualTo(204);
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_RECORD_REJECTION);
		execute(job(process));

		assertThat(process).hasPassed(PurchaseRequisition.END_PURCHASE_REJECTED)
			.hasNotPassed(PurchaseRequisition.TASK_PLACE_PURCHASE_ORDER)
			.isEnded();
		JsonNode requisition = requisition(number);
		Assertions.assertThat(requisition.path("status").asText()).isEqualTo("REJECTED");
		Assertions.assertThat(requisition.path("rejectionReason").asText()).isEqualTo("Too expensive this month");
		Assertions.assertThat(this.purchasing.requisitionStatus(this.org.workspaceId(), number))
			.isEqualTo(RequisitionStatus.REJECTED);
		Assertions.assertThat(this.api.get(ws() + "/purchase-orders", this.owner.token()).json().path("total").asInt())
			.isZero();
		Assertions.assertThat(
				this.events.stream(PurchaseRejected.class).filter(e -> e.requisitionNumber().equals(number)).toList())
			.singleElement()
			.satisfies(e -> {
				Assertions.assertThat(e.sourceOrderId()).isEqualTo(salesOrder);
				Assertions.assertThat(e.reason()).isEqualTo("Too expensive this month");
			});
	}

	@Test
	void rejectsAnApprovedRequisitionNoActiveSupplierOffers() {
		UUID product = product("VEN-1", "Oak veneer", "2500.00");
		String number = this.purchasing.requestForProduction(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), product, new BigDecimal("4"), this.warehouse, this.owner.id());
		ProcessInstance process = startAsCallActivity(number);
		JsonNode requested = requisition(number);
		Assertions.assertThat(requested.path("priceSource").asText()).isEqualTo("STANDARD_COST");
		Assertions.assertThat(requested.path("amount").decimalValue()).isEqualByComparingTo("10000.00");

		execute(job(process));
		assertThat(process).hasPassed(PurchaseRequisition.BOUNDARY_NO_SUPPLIER)
			.isWaitingAt(PurchaseRequisition.TASK_RECORD_REJECTION);
		execute(job(process));

		assertThat(process).hasPassed(PurchaseRequisition.END_PURCHASE_REJECTED).isEnded();
		JsonNode requisition = requisition(number);
		Assertions.assertThat(requisition.path("status").asText()).isEqualTo("REJECTED");
		Assertions.assertThat(requisition.path("rejectionReason").asText()).contains("No active supplier");
		Assertions.assertThat(
				this.events.stream(PurchaseRejected.class).filter(e -> e.requisitionNumber().equals(number)).count())
			.isEqualTo(1);
	}

	@Test
	void raisesOneRequisitionPerRequirementAndANewOneOnceTheProcessWasCancelled() {
		UUID product = product("SCR-4", "Screw 4x30", "2.00");
		UUID productionOrder = UUID.randomUUID();
		UUID requirement = UUID.randomUUID();
		String number = this.purchasing.requestForProduction(this.org.workspaceId(), productionOrder, requirement,
				product, new BigDecimal("1000"), this.warehouse, this.member.id());
		Assertions
			.assertThat(this.purchasing.requestForProduction(this.org.workspaceId(), productionOrder, requirement,
					product, new BigDecimal("1000"), this.warehouse, this.member.id()))
			.isEqualTo(number);
		ProcessInstance process = startAsCallActivity(number);
		// a member's request outside the routine limit of its category goes to a manager
		assertThat(process).isWaitingAt(PurchaseRequisition.TASK_APPROVE_PURCHASE);
		Assertions.assertThat(requisition(number).path("requesterRole").asText()).isEqualTo("MEMBER");

		this.engine.getRuntimeService().deleteProcessInstance(process.getId(), "production run cancelled");

		Assertions.assertThat(requisition(number).path("status").asText()).isEqualTo("CANCELLED");
		String again = this.purchasing.requestForProduction(this.org.workspaceId(), productionOrder, requirement,
				product, new BigDecimal("1000"), this.warehouse, this.member.id());
		Assertions.assertThat(again).isNotEqualTo(number);
	}

	@Test
	void aSecondInstanceCannotTakeOverABoundRequisition() {
		UUID product = product("EDG-2", "Edge band", "10.00");
		String number = this.purchasing.requestForProduction(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), product, new BigDecimal("5"), this.warehouse, this.owner.id());
		ProcessInstance first = startAsCallActivity(number);

		Assertions.assertThatThrownBy(() -> startAsCallActivity(number))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("bound to another process instance");

		Assertions.assertThat(requisition(number).path("processInstanceId").asText()).isEqualTo(first.getId());
		Assertions.assertThat(instancesOf(number)).isEqualTo(1);
	}

	// --- helpers

	/** What production-run's call activity does: a new instance keyed by the number. */
	private ProcessInstance startAsCallActivity(String number) {
		return this.engine.getRuntimeService()
			.createProcessInstanceByKey(PurchaseRequisition.KEY)
			.businessKey(number)
			.setVariable(PurchaseRequisition.VAR_WORKSPACE_ID, this.org.workspaceId().toString())
			.execute();
	}

	private ProcessInstance processOf(String number) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.tenantIdIn(this.org.workspaceId().toString())
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	private long instancesOf(String number) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.tenantIdIn(this.org.workspaceId().toString())
			.processInstanceBusinessKey(number)
			.count();
	}

	private Api.Response completeOnEngineRest(TestData.User user, Task task, Map<String, Object> variables) {
		Map<String, Object> wrapped = new java.util.LinkedHashMap<>();
		variables.forEach((name, value) -> wrapped.put(name, Map.of("value", value)));
		return this.api.post("/engine-rest/task/" + task.getId() + "/complete", user.token(),
				Map.of("variables", wrapped));
	}

	private JsonNode requisition(String number) {
		JsonNode list = this.api.get(ws() + "/purchase-requisitions?size=100", this.owner.token()).json();
		for (JsonNode item : list.path("items")) {
			if (number.equals(item.path("number").asText())) {
				Api.Response detail = this.api.get(ws() + "/purchase-requisitions/" + item.path("id").asText(),
						this.owner.token());
				Assertions.assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
				return detail.json();
			}
		}
		throw new AssertionError("no requisition " + number + " in " + list);
	}

	private JsonNode purchaseOrderOf(String number) {
		String id = requisition(number).path("purchaseOrderId").asText();
		Api.Response order = this.api.get(ws() + "/purchase-orders/" + id, this.owner.token());
		Assertions.assertThat(order.status()).as(order.toString()).isEqualTo(200);
		Assertions.assertThat(order.json().path("requisitionNumber").asText()).isEqualTo(number);
		return order.json();
	}

	private List<JsonNode> receiptsOf(UUID product) {
		return this.api.get(ws() + "/stock/movements?type=RECEIPT&productId=" + product, this.owner.token()).items();
	}

	private JsonNode stock(UUID product) {
		return this.api.get(ws() + "/stock?productId=" + product, this.owner.token()).json().path("items").get(0);
	}

	private BigDecimal averageCost(UUID product) {
		return stock(product).path("averageCost").decimalValue();
	}

	private UUID product(String code, String name, String cost) {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", code, "name", name, "unit", "pcs", "price", "5000.00", "cost", cost));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID warehouse(String code) {
		Api.Response created = this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", code, "name", "Warehouse " + code));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private void receiveByHand(UUID product, String quantity, String unitCost) {
		Api.Response received = this.api.post(ws() + "/stock/receipts", this.owner.token(), Map.of("warehouseId",
				this.warehouse, "productId", product, "quantity", quantity, "unitCost", unitCost));
		Assertions.assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private UUID supplier(String name) {
		Api.Response created = this.api.post(ws() + "/suppliers", this.owner.token(), Map.of("name", name));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private void price(UUID supplier, UUID product, String unitPrice, int leadTimeDays) {
		Api.Response set = this.api.send("PUT", ws() + "/suppliers/" + supplier + "/prices/" + product,
				this.owner.token(), Map.of("unitPrice", unitPrice, "leadTimeDays", leadTimeDays), Map.of());
		Assertions.assertThat(set.status()).as(set.toString()).isEqualTo(200);
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
