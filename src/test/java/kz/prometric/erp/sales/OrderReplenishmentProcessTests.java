package kz.prometric.erp.sales;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.production.ProductionEvents.ProductionRunFinished;
import kz.prometric.erp.production.ProductionEvents.ProductionRunStopped;
import kz.prometric.erp.production.ProductionEvents.PurchaseReceived;
import kz.prometric.erp.production.ProductionEvents.PurchaseRejected;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The order-fulfilment paths through production: an order short of stock asks production
 * to make (a product with a routing: a production order) or buy (any other product: a
 * purchase requisition) what its lines lack, records the answer, waits, and is woken by
 * production's events — a finished run or received goods: it reserves again; a cancelled
 * run or a rejected purchase: a manager's replenish-stock task says what failed. Events
 * of another workspace, or for an order that is not waiting, change nothing.
 * <p>
 * Production's side is reached by publishing {@code ProductionEvents} the way production
 * does (in a transaction, listeners run in it); the end-to-end run through production is
 * in {@code ManufactureToOrderEndToEndTests}.
 */
@ErpIntegrationTest
class OrderReplenishmentProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ApplicationEventPublisher events;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Serik");
		this.org = this.data.organization(this.owner, "Serik Furniture");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Astana Bakery LLP");
	}

	// ---- production's answers (events) wake the waiting order

	@Test
	void aFinishedProductionRunWakesTheWaitingOrderWhichReservesItsOutputAndShips() {
		UUID product = product("CAB-1", "Display cabinet");
		JsonNode order = order(product, "2");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);
		Assertions
			.assertThat(this.engine.getRuntimeService()
				.createEventSubscriptionQuery()
				.processInstanceId(process.getId())
				.eventName(OrderFulfilment.MSG_STOCK_REPLENISHED)
				.count())
			.isEqualTo(1);

		// the run's output lands in stock and production says so
		receive(warehouse("FG"), product, "2");
		this.events.publishEvent(finished(this.org.workspaceId(), order, product));

		assertThat(process).hasPassed(OrderFulfilment.EVENT_STOCK_REPLENISHED)
			.isWaitingAt(OrderFulfilment.TASK_RESERVE_STOCK);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);
		Assertions.assertThat(orderStatus(order)).isEqualTo("CONFIRMED");
		Assertions.assertThat(reserved(product)).isEqualByComparingTo("2");
	}

	@Test
	void receivedGoodsOfAPurchaseWakeTheWaitingOrder() {
		UUID product = product("GLS-4", "Glass pane 4 mm");
		JsonNode order = order(product, "3");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);
		receive(warehouse("RAW"), product, "3");

		this.events.publishEvent(new PurchaseReceived(this.org.workspaceId(), "PR-2026-900001", "PO-2026-900001",
				product, new java.math.BigDecimal("3"), orderId(order), null, Instant.now()));

		assertThat(process).hasPassed(OrderFulfilment.EVENT_STOCK_REPLENISHED)
			.isWaitingAt(OrderFulfilment.TASK_RESERVE_STOCK);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);
	}

	@Test
	void aCancelledProductionRunGivesAManagerTheReplenishTaskSayingWhatFailed() {
		UUID product = product("CAB-2", "Display cabinet, large");
		UUID main = warehouse("MAIN");
		JsonNode order = order(product, "1");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);

		this.events.publishEvent(new ProductionRunStopped(this.org.workspaceId(), UUID.randomUUID(), "MO-2026-900011",
				"CANCELLED", null, orderId(order), null, null, Instant.now()));

		assertThat(process).hasPassed(OrderFulfilment.EVENT_REPLENISHMENT_FAILED)
			.isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":manager")
			.hasName("Replenish stock · " + order.path("orderNumber").asText() + " · Astana Bakery LLP");
		// it says what is short, where, and links to the page that receives it
		org.camunda.bpm.engine.task.Task replenish = task(process);
		Map<String, Object> shown = this.engine.getTaskService().getVariablesLocal(replenish.getId());
		Assertions.assertThat((String) shown.get("shortStock")).startsWith("Goods: 1 ").contains(" short in ");
		Assertions.assertThat((String) shown.get("receiveStockLinks"))
			.contains("(/app/" + this.org.workspaceId() + "/inventory/receipts/new?productId=" + product
					+ "&warehouseId=" + main + ")");
		Assertions.assertThat(replenish.getDueDate()).isNotNull();
		Assertions.assertThat(replenish.getPriority()).isGreaterThan(50);
		assertThat(process).variables()
			.extractingByKey(OrderFulfilment.VAR_REPLENISHMENT_PROBLEM)
			.asString()
			.contains("MO-2026-900011")
			.contains("cancelled");

		// the manager receives the goods by hand and completes the task: the order
		// reserves again and ships
		receive(warehouse("HAND"), product, "1");
		complete(task(process), withVariables("replenishmentNote", "Bought from a neighbour"));
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);
		Assertions.assertThat(orderStatus(order)).isEqualTo("CONFIRMED");
	}

	@Test
	void aRejectedPurchaseGivesAManagerTheReplenishTaskWithTheApproversReason() {
		UUID product = product("HNG-1", "Hinge");
		JsonNode order = order(product, "40");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);

		this.events.publishEvent(new PurchaseRejected(this.org.workspaceId(), "PR-2026-900021", product, orderId(order),
				null, "Too expensive this month", Instant.now()));

		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK);
		assertThat(process).variables()
			.extractingByKey(OrderFulfilment.VAR_REPLENISHMENT_PROBLEM)
			.asString()
			.contains("PR-2026-900021")
			.contains("Too expensive this month");
	}

	@Test
	void aScrappedRunThatWasReplannedKeepsTheOrderWaiting() {
		UUID product = product("CAB-3", "Display cabinet, corner");
		JsonNode order = order(product, "1");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);

		this.events.publishEvent(new ProductionRunStopped(this.org.workspaceId(), UUID.randomUUID(), "MO-2026-900031",
				"SCRAPPED", "MO-2026-900032", orderId(order), null, null, Instant.now()));

		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT)
			.hasNotPassed(OrderFulfilment.EVENT_REPLENISHMENT_FAILED, OrderFulfilment.EVENT_STOCK_REPLENISHED);
		Assertions.assertThat(incidents(process)).isZero();
	}

	@Test
	void anotherWorkspacesEventNamingThisOrderWakesNothing() {
		UUID product = product("CAB-4", "Display cabinet, glass");
		JsonNode order = order(product, "1");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);
		TestData.User ownerOfB = this.data.user("Timur");
		TestData.Org orgOfB = this.data.organization(ownerOfB, "Timur Works");

		// B's production reports a run "for" A's order id: B's workspace, A's order
		this.events.publishEvent(finished(orgOfB.workspaceId(), order, product));
		this.events.publishEvent(new ProductionRunStopped(orgOfB.workspaceId(), UUID.randomUUID(), "MO-2026-900041",
				"CANCELLED", null, orderId(order), null, null, Instant.now()));

		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT)
			.hasNotPassed(OrderFulfilment.EVENT_STOCK_REPLENISHED, OrderFulfilment.EVENT_REPLENISHMENT_FAILED);
		Assertions.assertThat(orderStatus(order)).isEqualTo("AWAITING_STOCK");
	}

	@Test
	void anEventForAnOrderThatDoesNotWaitForProductionChangesNothing() {
		UUID product = product("CAB-5", "Display cabinet, small");
		receive(warehouse("MAIN"), product, "5");
		JsonNode order = order(product, "1");
		ProcessInstance process = processOf(order);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);

		this.events.publishEvent(finished(this.org.workspaceId(), order, product));
		this.events.publishEvent(new ProductionRunStopped(this.org.workspaceId(), UUID.randomUUID(), "MO-2026-900051",
				"CANCELLED", null, orderId(order), null, null, Instant.now()));

		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER)
			.hasNotPassed(OrderFulfilment.EVENT_STOCK_REPLENISHED, OrderFulfilment.TASK_REPLENISH_STOCK);
		Assertions.assertThat(incidents(process)).isZero();
		Assertions.assertThat(orderStatus(order)).isEqualTo("CONFIRMED");
	}

	@Test
	void aCancelledOrderIsNotWokenByItsFinishedRun() {
		UUID product = product("CAB-6", "Display cabinet, wall");
		JsonNode order = order(product, "1");
		ProcessInstance process = processOf(order);
		waitingForProduction(process);
		Api.Response cancelled = this.api.post(ws() + "/orders/" + order.path("id").asText() + "/cancel",
				this.owner.token(), Map.of("reason", "Customer withdrew"));
		Assertions.assertThat(cancelled.status()).isEqualTo(200);
		assertThat(process).isEnded();

		this.events.publishEvent(finished(this.org.workspaceId(), order, product));

		Assertions.assertThat(orderStatus(order)).isEqualTo("CANCELLED");
	}

	// ---- the request to production (needs ProductionManagement.replenish)

	@Test
	void asksProductionToManufactureAShortProductWithARoutingOnceAndRecordsTheProductionOrderOnTheOrder() {
		UUID product = product("CAB-7", "Display cabinet, routed");
		routing(product);
		// the output's warehouse
		warehouse("FG");
		JsonNode order = order(product, "2");
		ProcessInstance process = processOf(order);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REQUEST_REPLENISHMENT);

		execute(job(process));

		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT);
		JsonNode asked = order(order);
		Assertions.assertThat(asked.path("status").asText()).isEqualTo("IN_PRODUCTION");
		Assertions.assertThat(asked.path("replenishments").size()).isEqualTo(1);
		JsonNode replenishment = asked.path("replenishments").get(0);
		Assertions.assertThat(replenishment.path("kind").asText()).isEqualTo("MANUFACTURE");
		Assertions.assertThat(replenishment.path("documentNumber").asText()).matches("MO-\\d{4}-\\d{6}");
		Assertions.assertThat(replenishment.path("status").asText()).isEqualTo("OPEN");
		Assertions.assertThat(replenishment.path("quantity").decimalValue()).isEqualByComparingTo("2");
		Assertions.assertThat(replenishment.path("lineNo").asInt()).isZero();
		assertThat(process).variables()
			.extractingByKey(OrderFulfilment.VAR_REPLENISHMENTS)
			.asString()
			.contains(replenishment.path("documentNumber").asText());
		JsonNode productionOrders = this.api.get(ws() + "/production-orders?productId=" + product, this.owner.token())
			.json();
		Assertions.assertThat(productionOrders.path("total").asInt()).isEqualTo(1);
		Assertions.assertThat(productionOrders.path("items").get(0).path("orderNumber").asText())
			.isEqualTo(replenishment.path("documentNumber").asText());

		// the request runs again (a retried job): production answers the same order
		this.engine.getRuntimeService()
			.createProcessInstanceModification(process.getId())
			.cancelAllForActivity(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT)
			.startBeforeActivity(OrderFulfilment.TASK_REQUEST_REPLENISHMENT)
			.execute();
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT);
		Assertions
			.assertThat(this.api.get(ws() + "/production-orders?productId=" + product, this.owner.token())
				.json()
				.path("total")
				.asInt())
			.isEqualTo(1);
		Assertions.assertThat(order(order).path("replenishments").size()).isEqualTo(1);
	}

	@Test
	void aLinePartlyReservedInOneWarehouseGetsItsProductionOutputInThatWarehouse() {
		UUID product = product("CAB-9", "Display cabinet, partly in stock");
		routing(product);
		// the workspace's first warehouse by code holds nothing of it; the line is partly
		// reserved in the other, and a reservation is topped up from its own warehouse
		// only
		warehouse("A-MAIN");
		UUID partly = warehouse("Z-PART");
		receive(partly, product, "1");
		JsonNode order = order(product, "3");
		ProcessInstance process = processOf(order);
		execute(job(process));
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT);

		JsonNode planned = this.api.get(ws() + "/production-orders?productId=" + product, this.owner.token())
			.json()
			.path("items")
			.get(0);
		JsonNode detail = this.api.get(ws() + "/production-orders/" + planned.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(detail.path("warehouseId").asText()).isEqualTo(partly.toString());
		Assertions.assertThat(detail.path("quantity").decimalValue()).isEqualByComparingTo("2");
	}

	@Test
	void asksForAPurchaseOfAShortProductWithoutARoutingAndRecordsTheRequisition() {
		UUID product = product("LCK-1", "Cabinet lock");
		JsonNode order = order(product, "5");
		ProcessInstance process = processOf(order);
		execute(job(process));

		execute(job(process));

		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT);
		JsonNode asked = order(order);
		Assertions.assertThat(asked.path("status").asText()).isEqualTo("AWAITING_STOCK");
		JsonNode replenishment = asked.path("replenishments").get(0);
		Assertions.assertThat(replenishment.path("kind").asText()).isEqualTo("PURCHASE");
		Assertions.assertThat(replenishment.path("documentNumber").asText()).matches("PR-\\d{4}-\\d{6}");

		// production reports the requisition rejected: recorded on the order, a task for
		// a manager
		this.events
			.publishEvent(new PurchaseRejected(this.org.workspaceId(), replenishment.path("documentNumber").asText(),
					product, orderId(order), null, "No budget", Instant.now()));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK);
		JsonNode failed = order(order).path("replenishments").get(0);
		Assertions.assertThat(failed.path("status").asText()).isEqualTo("FAILED");
		Assertions.assertThat(failed.path("problem").asText()).contains("No budget");
	}

	// ---- helpers

	/**
	 * The order came up short and its instance moves on to wait for production's answer
	 * (test stand-in for the request step, whose production side is tested above and end
	 * to end).
	 */
	private void waitingForProduction(ProcessInstance process) {
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REQUEST_REPLENISHMENT);
		this.engine.getRuntimeService()
			.createProcessInstanceModification(process.getId())
			.cancelAllForActivity(OrderFulfilment.TASK_REQUEST_REPLENISHMENT)
			.startBeforeActivity(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT)
			.execute();
		assertThat(process).isWaitingAt(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT);
	}

	private ProductionRunFinished finished(UUID workspaceId, JsonNode order, UUID product) {
		return new ProductionRunFinished(workspaceId, UUID.randomUUID(), "MO-2026-900000", product,
				order.path("lines").get(0).path("quantity").decimalValue(), orderId(order), null, null, Instant.now());
	}

	/** A work center and a one-operation routing: the product is manufactured. */
	private void routing(UUID product) {
		Api.Response center = this.api.post(ws() + "/work-centers", this.owner.token(),
				Map.of("code", "ASM-" + product.toString().substring(0, 6), "name", "Assembly", "kind", "MANUAL",
						"hourlyRate", "5000.00", "capacityHoursPerDay", "8"));
		Assertions.assertThat(center.status()).as(center.toString()).isEqualTo(201);
		Api.Response routing = this.api.send("PUT", ws() + "/products/" + product + "/routing", this.owner.token(),
				Map.of("operations",
						List.of(Map.of("workCenterId", center.json().path("id").asText(), "name", "Assemble",
								"setupMinutes", "10", "runMinutesPerUnit", "30", "instructions", "Assemble",
								"inspectionAfter", true))),
				Map.of());
		Assertions.assertThat(routing.status()).as(routing.toString()).isBetween(200, 201);
	}

	private long incidents(ProcessInstance process) {
		return this.engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count();
	}

	private java.math.BigDecimal reserved(UUID product) {
		return this.api.get(ws() + "/stock?productId=" + product, this.owner.token())
			.json()
			.path("items")
			.get(0)
			.path("reserved")
			.decimalValue();
	}

	private UUID product(String code, String name) {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", code, "name", name, "unit", "pcs", "price", "250000.00"));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID warehouse(String code) {
		Api.Response created = this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", code, "name", "Warehouse " + code));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private void receive(UUID warehouse, UUID product, String quantity) {
		Api.Response received = this.api.post(ws() + "/stock/receipts", this.owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", quantity));
		Assertions.assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private JsonNode order(UUID product, String quantity) {
		Api.Response created = this.api.post(ws() + "/orders", this.owner.token(),
				Map.of("customerId", this.customerId, "lines", List.of(Map.of("productId", product, "productName",
						"Goods", "quantity", quantity, "unitPrice", "250000.00"))));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private JsonNode order(JsonNode order) {
		return this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token()).json();
	}

	private UUID orderId(JsonNode order) {
		return UUID.fromString(order.path("id").asText());
	}

	private ProcessInstance processOf(JsonNode order) {
		ProcessInstance process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OrderFulfilment.KEY)
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(order.path("workspaceId").asText())
			.singleResult();
		Assertions.assertThat(process).as("the instance of " + order.path("orderNumber").asText()).isNotNull();
		return process;
	}

	private String orderStatus(JsonNode order) {
		return order(order).path("status").asText();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
