package kz.prometric.erp.sales;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The end-to-end promise: a won deal for a manufactured product with no stock
 * becomes an order, the order asks production (no human replenish step), a production
 * order for the order line runs — a machine operation served as an external task, a
 * manual operation completed by an operator through the engine REST API (as Tasklist
 * does), a passed quality inspection —, its output lands in stock, and the same order
 * wakes up by itself, reserves the output, ships and is invoiced.
 */
@ErpIntegrationTest
class ManufactureToOrderEndToEndTests {

	private static final String MACHINE = "e2e-machine";

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InventoryManagement inventory;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Nurlan");
		this.org = this.data.organization(this.owner, "Nurlan Cabinets");
	}

	@Test
	void aWonDealForAManufacturedProductWithoutStockIsMadeShippedAndInvoicedWithoutAHumanReplenishStep() {
		UUID warehouse = id(this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", "MAIN", "name", "Main warehouse")));
		UUID steel = product("STL-1", "Steel sheet 1 mm", "sheet", "8000.00", "6000.00");
		UUID cabinet = product("CAB-100", "Bakery display cabinet", "pcs", "450000.00", "250000.00");
		Api.Response bom = this.api.send("PUT", ws() + "/products/" + cabinet + "/bom", this.owner.token(),
				Map.of("components", List.of(Map.of("productId", steel, "quantity", "4"))), Map.of());
		Assertions.assertThat(bom.status()).as(bom.toString()).isEqualTo(200);
		receive(warehouse, steel, "20");
		UUID cnc = workCenter("CNC-E2E", "CNC cutter", "EXTERNAL", "12000.00");
		UUID assembly = workCenter("ASM-E2E", "Assembly", "MANUAL", "5000.00");
		Api.Response routing = this.api
			.send("PUT", ws() + "/products/" + cabinet + "/routing", this.owner.token(), Map.of("operations", List.of(
					Map.of("workCenterId", cnc, "name", "Cut the panels", "setupMinutes", "15", "runMinutesPerUnit",
							"20", "instructions", "Program CAB-100", "inspectionAfter", false),
					Map.of("workCenterId", assembly, "name", "Assemble and glaze", "setupMinutes", "0",
							"runMinutesPerUnit", "90", "instructions", "Fit the glass last", "inspectionAfter", true))),
					Map.of());
		Assertions.assertThat(routing.status()).as(routing.toString()).isBetween(200, 201);
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "Astana Bakery JSC");
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), customer, "Two display cabinets",
				Map.of("products", List.of(Map.of("productId", cabinet, "productName", "Bakery display cabinet",
						"quantity", "2", "unitPrice", "450000.00"))));

		Api.Response won = this.api.post(ws() + "/deals/" + deal.path("id").asText() + "/stage", this.owner.token(),
				Map.of("stage", "WON"));
		Assertions.assertThat(won.status()).as(won.toString()).isEqualTo(200);

		JsonNode order = this.api.get(ws() + "/orders", this.owner.token()).json().path("items").get(0);
		ProcessInstance fulfilment = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OrderFulfilment.KEY)
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(ws(this.org))
			.singleResult();
		// the order reserves, comes up short and asks production: a production order for
		// its line
		runUntil(() -> isWaitingAt(fulfilment, OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT), 10);
		JsonNode asked = order(order);
		Assertions.assertThat(asked.path("status").asText()).isEqualTo("IN_PRODUCTION");
		JsonNode replenishment = asked.path("replenishments").get(0);
		Assertions.assertThat(replenishment.path("kind").asText()).isEqualTo("MANUFACTURE");
		String moNumber = replenishment.path("documentNumber").asText();
		JsonNode productionOrders = this.api.get(ws() + "/production-orders?productId=" + cabinet, this.owner.token())
			.json();
		Assertions.assertThat(productionOrders.path("total").asInt()).isEqualTo(1);
		JsonNode productionOrder = productionOrders.path("items").get(0);
		Assertions.assertThat(productionOrder.path("orderNumber").asText()).isEqualTo(moNumber);
		Assertions.assertThat(productionOrder.path("quantity").decimalValue()).isEqualByComparingTo("2");
		Assertions.assertThat(productionOrder.toString())
			.contains("SALES_ORDER_LINE")
			.contains(order.path("id").asText());

		// the run: materials, the machine's operation, the operator's operation, the
		// inspection, the output — then the order wakes up and waits for shipping
		runUntil(() -> isWaitingAt(fulfilment, OrderFulfilment.TASK_SHIP_ORDER), 60);

		JsonNode done = this.api
			.get(ws() + "/production-orders/" + productionOrder.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(done.path("status").asText()).isEqualTo("DONE");
		JsonNode confirmed = order(order);
		Assertions.assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
		Assertions.assertThat(confirmed.path("replenishments").get(0).path("status").asText()).isEqualTo("DONE");

		Task ship = this.engine.getTaskService().createTaskQuery().processInstanceId(fulfilment.getId()).singleResult();
		completeOverEngineRest(ship, Map.of(OrderFulfilment.VAR_CARRIER, "KazPost"));
		runUntil(() -> isWaitingAt(fulfilment, OrderFulfilment.TASK_AWAIT_PAYMENT), 10);

		JsonNode invoiced = order(order);
		Assertions.assertThat(invoiced.path("status").asText()).isEqualTo("INVOICED");
		Assertions.assertThat(invoiced.path("invoiceNumber").asText()).startsWith("INV-");
		assertThat(fulfilment)
			.hasPassed(OrderFulfilment.TASK_REQUEST_REPLENISHMENT, OrderFulfilment.EVENT_STOCK_REPLENISHED,
					OrderFulfilment.TASK_SHIP_ORDER)
			.hasNotPassed(OrderFulfilment.TASK_REPLENISH_STOCK);
		JsonNode stock = this.api.get(ws() + "/stock?productId=" + cabinet, this.owner.token())
			.json()
			.path("items")
			.get(0);
		// made 2, shipped 2
		Assertions.assertThat(stock.path("onHand").decimalValue()).isEqualByComparingTo("0");
		Assertions.assertThat(stock.path("reserved").decimalValue()).isEqualByComparingTo("0");
		JsonNode steelStock = this.api.get(ws() + "/stock?productId=" + steel, this.owner.token())
			.json()
			.path("items")
			.get(0);
		// 2 cabinets × 4 sheets issued to production
		Assertions.assertThat(steelStock.path("onHand").decimalValue()).isEqualByComparingTo("12");
		Assertions.assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	// ---- driving the engine as the job executor, a machine and people would

	/**
	 * Runs the workspace's due jobs, lets the machine do its external tasks and the owner
	 * (a manager and member) complete operation and inspection tasks, until {@code done}.
	 */
	private void runUntil(java.util.function.BooleanSupplier done, int rounds) {
		for (int round = 0; round < rounds && !done.getAsBoolean(); round++) {
			boolean moved = false;
			for (Job job : this.engine.getManagementService()
				.createJobQuery()
				.tenantIdIn(ws(this.org))
				.executable()
				.list()) {
				this.engine.getManagementService().executeJob(job.getId());
				moved = true;
			}
			for (ExternalTask external : this.engine.getExternalTaskService()
				.createExternalTaskQuery()
				.tenantIdIn(ws(this.org))
				.notLocked()
				.list()) {
				machine(external.getTopicName());
				moved = true;
			}
			for (Task task : this.engine.getTaskService().createTaskQuery().tenantIdIn(ws(this.org)).list()) {
				if ("Task_PerformOperation".equals(task.getTaskDefinitionKey())) {
					Object quantity = this.engine.getTaskService().getVariable(task.getId(), "quantity");
					completeOverEngineRest(task, Map.of("goodQuantity", number(quantity), "scrapQuantity", 0L,
							"durationMinutes", 180L, "notes", "Glass fitted"));
					moved = true;
				}
				else if ("Task_InspectQuality".equals(task.getTaskDefinitionKey())) {
					// the table's sample, capped at the lot
					java.math.BigDecimal sample = new java.math.BigDecimal(
							String.valueOf(this.engine.getTaskService().getVariable(task.getId(), "sampleSize")))
						.min(new java.math.BigDecimal(
								String.valueOf(this.engine.getTaskService().getVariable(task.getId(), "lotSize"))));
					completeOverEngineRest(task,
							Map.of("sampled", number(sample), "defects", 0L, "inspectionNotes", "No defects"));
					moved = true;
				}
			}
			Assertions.assertThat(this.engine.getRuntimeService().createIncidentQuery().tenantIdIn(ws(this.org)).list())
				.as("incidents")
				.isEmpty();
			Assertions.assertThat(moved || done.getAsBoolean()).as("the run is stuck").isTrue();
		}
		if (!done.getAsBoolean()) {
			StringBuilder state = new StringBuilder();
			for (var execution : this.engine.getRuntimeService()
				.createExecutionQuery()
				.tenantIdIn(ws(this.org))
				.list()) {
				var instance = this.engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceId(execution.getProcessInstanceId())
					.singleResult();
				state.append("\n")
					.append(instance.getBusinessKey())
					.append(": ")
					.append(this.engine.getRuntimeService().getActiveActivityIds(execution.getId()))
					.append(" ")
					.append(this.engine.getRuntimeService().getVariables(execution.getId()));
			}
			Assertions.fail("not reached within " + rounds + " rounds; state:" + state);
		}
	}

	/** A machine on the topic: fetches, locks and reports the planned work done. */
	private void machine(String topic) {
		for (LockedExternalTask locked : this.engine.getExternalTaskService()
			.fetchAndLock(10, MACHINE)
			.topic(topic, 60_000)
			.tenantIdIn(ws(this.org))
			.execute()) {
			Map<String, Object> report = new HashMap<>();
			report.put("goodQuantity", number(locked.getVariables().get("quantity")));
			report.put("scrapQuantity", 0L);
			Object planned = locked.getVariables().get("plannedMinutes");
			report.put("durationMinutes", (planned == null) ? 60L : number(planned));
			report.put("notes", "cut on " + topic);
			this.engine.getExternalTaskService().complete(locked.getId(), MACHINE, report);
		}
	}

	private void completeOverEngineRest(Task task, Map<String, Object> variables) {
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
				(value instanceof String) ? "String" : (value instanceof Long) ? "Long" : "Double")));
		Api.Response completed = this.api.post("/engine-rest/task/" + task.getId() + "/complete", this.owner.token(),
				Map.of("variables", typed));
		Assertions.assertThat(completed.status()).as(task.getTaskDefinitionKey() + " " + completed).isBetween(200, 204);
	}

	/** A whole number as Long, anything else as Double. */
	private static Object number(Object value) {
		java.math.BigDecimal decimal = new java.math.BigDecimal(String.valueOf(value));
		return (decimal.stripTrailingZeros().scale() <= 0) ? (Object) decimal.longValueExact()
				: (Object) decimal.doubleValue();
	}

	private boolean isWaitingAt(ProcessInstance instance, String activityId) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.activityIdIn(activityId)
			.count() == 1;
	}

	// ---- data through the API

	private UUID workCenter(String code, String name, String kind, String hourlyRate) {
		return id(this.api.post(ws() + "/work-centers", this.owner.token(), Map.of("code", code, "name", name, "kind",
				kind, "hourlyRate", hourlyRate, "capacityHoursPerDay", "16")));
	}

	private UUID product(String code, String name, String unit, String price, String cost) {
		return id(this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", code, "name", name, "unit", unit, "price", price, "cost", cost)));
	}

	private void receive(UUID warehouse, UUID product, String quantity) {
		Api.Response received = this.api.post(ws() + "/stock/receipts", this.owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", quantity));
		Assertions.assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private JsonNode order(JsonNode order) {
		return this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token()).json();
	}

	private static UUID id(Api.Response created) {
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private static String ws(TestData.Org org) {
		return org.workspaceId().toString();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
