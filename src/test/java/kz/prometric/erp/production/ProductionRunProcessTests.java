package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.production.PurchasingManagement.NewSupplier;
import kz.prometric.erp.production.process.ProductionRun;
import kz.prometric.erp.production.process.PurchaseRequisition;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path of the production-run process, on real services and PostgreSQL: materials
 * available; a short sub-assembly made by a child order; a short bought material
 * purchased (approved and received) or rejected (on hold, then tried again or cancelled);
 * operations by an operator (Tasklist) and by a machine (external task); refused reports
 * and inspections; inspection passed, failed and reworked, and past the rework limit
 * scrapped and re-planned; cancellation in the middle; a retried issue; two runs
 * competing for the last units; and the quality gate that no detour passes.
 */
@ErpIntegrationTest
class ProductionRunProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	ProductionManagement production;

	@Autowired
	PurchasingManagement purchasing;

	TestData.User owner;

	TestData.Org org;

	ProductionFixtures shop;

	UUID warehouse;

	UUID assembly;

	UUID cnc;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Marat");
		this.org = this.data.organization(this.owner, "Marat Cabinets");
		this.shop = new ProductionFixtures(this.api, this.owner.token(), this.org.workspaceId());
		this.warehouse = this.shop.warehouse("MAIN");
		this.assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		this.cnc = this.shop.workCenter("CNC-01", "EXTERNAL", "12000.00");
	}

	@Test
	void runsWithMaterialsAvailableThroughAMachineAndAnOperatorAndPutsThePassedOutputIntoStockAtActualCost() {
		UUID table = this.shop.product("TBL-1", "50000.00");
		UUID wood = this.shop.product("WOOD", "1000.00");
		this.shop.receive(this.warehouse, wood, "10", "1000.00");
		this.shop.bom(table, wood, "3");
		this.shop.routing(table, this.cnc, "Cut panels", "10", "2", false, this.assembly, "Assemble", "0", "30", true);
		JsonNode order = this.shop.order(table, "2", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);

		assertThat(run).isWaitingAt(ProductionRun.TASK_RESERVE_MATERIALS);
		runJobs();
		assertThat(run).isWaitingAt(ProductionRun.TASK_RUN_ON_MACHINE);
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(this.shop.reserved(wood)).isEqualByComparingTo("0");
		assertThat(this.shop.onHand(wood)).isEqualByComparingTo("4");
		LockedExternalTask machineTask = fetch("production.CNC-01");
		assertThat(machineTask.getVariables().get("quantity")).isEqualTo(2.0);
		assertThat(machineTask.getVariables().get("plannedMinutes")).isEqualTo(14.0);
		assertThat(machineTask.getVariables().get("productCode")).isEqualTo("TBL-1");
		assertThat(machineTask.getVariables().get("productionOrderNumber")).isEqualTo(orderNumber(order));
		this.engine.getExternalTaskService()
			.complete(machineTask.getId(), "test-machine",
					Map.of("goodQuantity", 2, "scrapQuantity", 0, "durationMinutes", 14));
		runJobs();

		Task perform = task(run, ProductionRun.TASK_PERFORM_OPERATION);
		assertThat(perform).hasCandidateGroup(this.org.workspaceId() + ":member");
		assertThat(this.engine.getTaskService().getVariable(perform.getId(), "operationName")).isEqualTo("Assemble");
		assertThat(this.engine.getTaskService().getVariable(perform.getId(), "goodQuantity")).isNull();
		asOwner(() -> this.engine.getTaskService()
			.complete(perform.getId(), Map.of("goodQuantity", 2, "durationMinutes", 60, "notes", "Glued")));
		runJobs();

		Task inspect = task(run, ProductionRun.TASK_INSPECT_QUALITY);
		// the table asks for 3 units; the lot has 2, so the inspector is asked for every
		// unit
		assertThat(this.engine.getTaskService().getVariable(inspect.getId(), "sampleSize")).isEqualTo(2);
		assertThat(this.engine.getTaskService().getVariable(inspect.getId(), "acceptanceNumber")).isEqualTo(0);
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("INSPECTION");
		asOwner(() -> this.engine.getTaskService()
			.complete(inspect.getId(), Map.of("sampled", 2, "defects", 0, "inspectionNotes", "Fine")));
		runJobs();

		assertThat(run)
			.hasPassedInOrder(ProductionRun.START_RUN_RELEASED, ProductionRun.TASK_RESERVE_MATERIALS,
					ProductionRun.TASK_ISSUE_MATERIALS, ProductionRun.TASK_START_OPERATION,
					ProductionRun.TASK_RUN_ON_MACHINE, ProductionRun.TASK_RECORD_OPERATION,
					ProductionRun.TASK_PERFORM_OPERATION, ProductionRun.TASK_PLAN_INSPECTION,
					ProductionRun.TASK_INSPECT_QUALITY, ProductionRun.TASK_RECORD_INSPECTION,
					ProductionRun.TASK_RECORD_OUTPUT, ProductionRun.END_RUN_FINISHED)
			.isEnded();
		JsonNode done = this.shop.get(order);
		assertThat(done.path("status").asText()).isEqualTo("DONE");
		JsonNode cost = done.path("cost");
		// materials 6 × 1,000; labour 14 min at 12,000/h + 60 min at 6,000/h
		assertThat(cost.path("materials").decimalValue()).isEqualByComparingTo("6000.00");
		assertThat(cost.path("labour").decimalValue()).isEqualByComparingTo("8800.00");
		assertThat(cost.path("actualTotal").decimalValue()).isEqualByComparingTo("14800.00");
		assertThat(cost.path("actualUnitCost").decimalValue()).isEqualByComparingTo("7400");
		assertThat(cost.path("standardUnitCost").decimalValue()).isEqualByComparingTo("50000.00");
		assertThat(cost.path("variance").decimalValue()).isEqualByComparingTo("-85200.00");
		assertThat(cost.path("variancePercent").decimalValue()).isEqualByComparingTo("-85.20");
		assertThat(done.path("operations").get(0).path("performedBy").asText())
			.isEqualTo("machine at work center CNC-01");
		assertThat(done.path("operations").get(1).path("performedBy").asText()).isEqualTo(this.owner.email());
		assertThat(done.path("inspections")).hasSize(1);
		assertThat(done.path("inspections").get(0).path("outcome").asText()).isEqualTo("PASSED");
		assertThat(done.path("inspections").get(0).path("inspectedBy").asText()).isEqualTo(this.owner.email());
		assertThat(this.shop.onHand(table)).isEqualByComparingTo("2");
		assertThat(this.inventory.averageCost(this.org.workspaceId(), table)).isEqualByComparingTo("7400");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void reworksAFailedInspectionAndPassesTheSecondTime() {
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		JsonNode order = this.shop.order(stool, "10", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();

		perform(run, 10, 60);
		inspect(run, 3, 1);

		assertThat(run).hasPassed(ProductionRun.TASK_RECORD_INSPECTION)
			.isWaitingAt(ProductionRun.TASK_PERFORM_OPERATION);
		Task again = task(run, ProductionRun.TASK_PERFORM_OPERATION);
		// the round starts afresh: nothing of the first report or inspection is read
		assertThat(this.engine.getTaskService().getVariable(again.getId(), "goodQuantity")).isNull();
		assertThat(this.engine.getTaskService().getVariable(again.getId(), "defects")).isNull();
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("IN_PROGRESS");
		perform(run, 9, 30);
		inspect(run, 3, 0);

		assertThat(run).hasPassed(ProductionRun.END_RUN_FINISHED).isEnded();
		JsonNode done = this.shop.get(order);
		assertThat(done.path("status").asText()).isEqualTo("DONE");
		assertThat(done.path("operations").get(0).path("reworks").asInt()).isEqualTo(1);
		assertThat(done.path("inspections")).extracting(i -> i.path("outcome").asText())
			.containsExactly("REWORK", "PASSED");
		// both rounds' labour: 90 minutes at 6,000/h; the second report's good quantity
		assertThat(done.path("cost").path("labour").decimalValue()).isEqualByComparingTo("9000.00");
		assertThat(done.path("cost").path("goodQuantity").decimalValue()).isEqualByComparingTo("9");
		assertThat(this.shop.onHand(stool)).isEqualByComparingTo("9");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void scrapsTheLotPastTheReworkLimitAndPlansANewOrderForIt() {
		UUID stool = this.shop.product("STL-1", "9000.00");
		UUID wood = this.shop.product("WOOD", "1000.00");
		this.shop.receive(this.warehouse, wood, "100", "1000.00");
		this.shop.bom(stool, wood, "2");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		JsonNode order = this.shop.order(stool, "10", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();

		// the table allows 3 reworks for this category: the fourth failure scraps the lot
		for (int round = 0; round < 4; round++) {
			perform(run, 10, 60);
			inspect(run, 3, 2);
		}

		assertThat(run)
			.hasPassed(ProductionRun.BOUNDARY_LOT_SCRAPPED, ProductionRun.TASK_SCRAP_LOT,
					ProductionRun.END_RUN_SCRAPPED)
			.hasNotPassed(ProductionRun.TASK_RECORD_OUTPUT)
			.isEnded();
		JsonNode scrapped = this.shop.get(order);
		assertThat(scrapped.path("status").asText()).isEqualTo("SCRAPPED");
		String replanned = scrapped.path("replannedAs").asText();
		assertThat(replanned).startsWith("MO-").isNotEqualTo(orderNumber(order));
		assertThat(this.shop.onHand(stool)).isEqualByComparingTo("0");
		JsonNode scrapMovements = this.api
			.get(this.shop.ws() + "/stock/movements?type=SCRAP&productId=" + stool, this.owner.token())
			.json();
		assertThat(scrapMovements.path("total").asInt()).isEqualTo(1);
		assertThat(scrapMovements.path("items").get(0).path("quantity").decimalValue()).isEqualByComparingTo("10");
		JsonNode replannedOrder = null;
		for (JsonNode item : this.api.get(this.shop.ws() + "/production-orders?productId=" + stool, this.owner.token())
			.json()
			.path("items")) {
			if (item.path("orderNumber").asText().equals(replanned)) {
				replannedOrder = item;
			}
		}
		assertThat(replannedOrder).as("the order planned for the scrapped lot").isNotNull();
		// released at once: its run has already reserved and issued the materials again
		assertThat(replannedOrder.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(replannedOrder.path("quantity").decimalValue()).isEqualByComparingTo("10");
		assertThat(replannedOrder.path("source").path("type").asText()).isEqualTo("MANUAL");
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(replanned)
			.tenantIdIn(this.org.workspaceId().toString())
			.count()).isEqualTo(1);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void sendsARefusedReportOrInspectionBackWithTheReasonAndRecordsNothing() {
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		JsonNode order = this.shop.order(stool, "10", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();

		perform(run, 8, 60, 5);

		assertThat(run).hasPassed(ProductionRun.BOUNDARY_REPORT_REFUSED)
			.isWaitingAt(ProductionRun.TASK_PERFORM_OPERATION);
		Task again = task(run, ProductionRun.TASK_PERFORM_OPERATION);
		assertThat((String) this.engine.getTaskService().getVariable(again.getId(), "reportProblem"))
			.contains("exceed the lot");
		assertThat(this.shop.get(order).path("operations").get(0).path("goodQuantity").asText(null)).isNull();
		assertThat(this.shop.get(order).path("cost").path("labour").decimalValue()).isEqualByComparingTo("0");

		perform(run, 10, 60);
		inspect(run, 2, 0);

		assertThat(run).hasPassed(ProductionRun.BOUNDARY_INSPECTION_REFUSED)
			.isWaitingAt(ProductionRun.TASK_INSPECT_QUALITY);
		Task inspectAgain = task(run, ProductionRun.TASK_INSPECT_QUALITY);
		assertThat((String) this.engine.getTaskService().getVariable(inspectAgain.getId(), "inspectionProblem"))
			.contains("at least 3");
		assertThat(this.shop.get(order).path("inspections").get(0).path("outcome").asText(null)).isNull();
		inspect(run, 3, 0);
		assertThat(run).isEnded();
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("DONE");
	}

	@Test
	void makesAShortSubassemblyThroughAChildOrderAndContinuesWhenItIsFinished() {
		UUID cabinet = this.shop.product("CAB-1", "150000.00");
		UUID frame = this.shop.product("FRM-1", "40000.00");
		this.shop.routing(frame, this.assembly, "Weld frame", "0", "60", true);
		this.shop.routing(cabinet, this.assembly, "Assemble cabinet", "0", "120", true);
		this.shop.bom(cabinet, frame, "1");
		JsonNode order = this.shop.order(cabinet, "1", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();

		assertThat(run).isWaitingAt(ProductionRun.EVENT_SUBASSEMBLY_FINISHED);
		JsonNode waiting = this.shop.get(order);
		assertThat(waiting.path("status").asText()).isEqualTo("WAITING_MATERIALS");
		String childNumber = waiting.path("requirements").get(0).path("childOrderNumber").asText();
		assertThat(waiting.path("childOrderNumbers")).extracting(JsonNode::asText).containsExactly(childNumber);
		ProcessInstance child = byNumber(childNumber);
		JsonNode childOrder = this.api.get(this.shop.ws() + "/production-orders?productId=" + frame, this.owner.token())
			.json()
			.path("items")
			.get(0);
		assertThat(childOrder.path("source").path("type").asText()).isEqualTo("PARENT");
		assertThat(childOrder.path("parentOrderNumber").asText()).isEqualTo(orderNumber(order));
		assertThat(childOrder.path("status").asText()).isEqualTo("IN_PROGRESS");

		perform(child, 1, 60);
		inspect(child, 1, 0);

		assertThat(child).isEnded();
		assertThat(run).hasPassed(ProductionRun.EVENT_SUBASSEMBLY_FINISHED)
			.isWaitingAt(ProductionRun.TASK_PERFORM_OPERATION);
		// the frame made for the cabinet went into stock and straight into the cabinet
		assertThat(this.shop.onHand(frame)).isEqualByComparingTo("0");
		JsonNode building = this.shop.get(order);
		assertThat(building.path("requirements").get(0).path("quantityIssued").decimalValue())
			.isEqualByComparingTo("1");
		assertThat(building.path("cost").path("materials").decimalValue()).isEqualByComparingTo("6000.00");
		perform(run, 1, 120);
		inspect(run, 1, 0);
		assertThat(run).isEnded();
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("DONE");
		assertThat(this.shop.onHand(cabinet)).isEqualByComparingTo("1");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void buysAShortMaterialThroughThePurchaseProcessAndContinuesOnceItIsReceived() {
		UUID stool = this.shop.product("STL-1", "9000.00");
		UUID wood = this.shop.product("WOOD", "1000.00");
		this.shop.receive(this.warehouse, wood, "5", "1000.00");
		supplierOf(wood, "1300.00");
		this.shop.bom(stool, wood, "2");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		JsonNode order = this.shop.order(stool, "10", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();

		// the owner released the order: the approval table lets the purchase through
		assertThat(run).isWaitingAt(ProductionRun.CALL_PURCHASE_MATERIALS);
		JsonNode waiting = this.shop.get(order);
		assertThat(waiting.path("status").asText()).isEqualTo("WAITING_MATERIALS");
		String requisition = waiting.path("requirements").get(0).path("requisitionNumber").asText();
		assertThat(requisition).startsWith("PR-");
		ProcessInstance purchase = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.processInstanceBusinessKey(requisition)
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		assertThat(purchase.getTenantId()).isEqualTo(this.org.workspaceId().toString());
		Task receive = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(purchase.getId())
			.singleResult();
		asOwner(() -> this.engine.getTaskService().complete(receive.getId(), Map.of("deliveryNote", "DN-1")));
		runJobs();

		assertThat(run).hasPassed(ProductionRun.CALL_PURCHASE_MATERIALS)
			.isWaitingAt(ProductionRun.TASK_PERFORM_OPERATION);
		JsonNode building = this.shop.get(order);
		assertThat(building.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(building.path("requirements").get(0).path("quantityIssued").decimalValue())
			.isEqualByComparingTo("20");
		assertThat(this.shop.onHand(wood)).isEqualByComparingTo("0");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void putsTheRunOnHoldWhenThePurchaseIsRejectedAndTriesAgainOrCancelsAsThePlannerDecides() {
		UUID stool = this.shop.product("STL-1", "9000.00");
		UUID wood = this.shop.product("WOOD", "1000.00");
		this.shop.receive(this.warehouse, wood, "5", "1000.00");
		supplierOf(wood, "1300.00");
		this.shop.bom(stool, wood, "2");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		TestData.User planner = this.data.user("Planner");
		this.data.join(this.owner, this.org.workspaceId(), planner, "MANAGER");
		JsonNode order = this.shop.order(stool, "10", this.warehouse);
		// a manager releases: the table asks a manager to approve the purchase
		Api.Response released = this.api.post(
				this.shop.ws() + "/production-orders/" + order.path("id").asText() + "/release", planner.token(), null);
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		ProcessInstance run = process(order);
		runJobs();
		assertThat(run).isWaitingAt(ProductionRun.CALL_PURCHASE_MATERIALS);

		decidePurchase(order, "reject");
		runJobs();

		assertThat(run).isWaitingAt(ProductionRun.TASK_RESOLVE_HOLD);
		Task hold = task(run, ProductionRun.TASK_RESOLVE_HOLD);
		assertThat(hold).hasCandidateGroup(this.org.workspaceId() + ":manager");
		assertThat((String) this.engine.getTaskService().getVariable(hold.getId(), "holdReason"))
			.contains("was rejected");
		JsonNode onHold = this.shop.get(order);
		assertThat(onHold.path("status").asText()).isEqualTo("ON_HOLD");
		assertThat(onHold.path("holdReason").asText()).contains("was rejected");
		// the 5 units in stock stay reserved for the order while it is on hold
		assertThat(this.shop.reserved(wood)).isEqualByComparingTo("5");

		asOwner(() -> this.engine.getTaskService().complete(hold.getId(), Map.of("holdDecision", "retry")));
		runJobs();
		assertThat(run).hasPassed(ProductionRun.TASK_RESUME_RUN).isWaitingAt(ProductionRun.CALL_PURCHASE_MATERIALS);
		String second = this.shop.get(order).path("requirements").get(0).path("requisitionNumber").asText();
		assertThat(second).isNotEqualTo(onHold.path("requirements").get(0).path("requisitionNumber").asText());

		decidePurchase(order, "reject");
		runJobs();
		Task holdAgain = task(run, ProductionRun.TASK_RESOLVE_HOLD);
		assertThat(this.engine.getTaskService().getVariable(holdAgain.getId(), "holdDecision")).isNull();
		asOwner(() -> this.engine.getTaskService().complete(holdAgain.getId(), Map.of("holdDecision", "cancel")));
		runJobs();

		assertThat(run).hasPassed(ProductionRun.TASK_CANCEL_RUN, ProductionRun.END_HOLD_CANCELLED).isEnded();
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("CANCELLED");
		assertThat(this.shop.reserved(wood)).isEqualByComparingTo("0");
		assertThat(this.shop.onHand(wood)).isEqualByComparingTo("5");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void cancellingInTheMiddleReleasesTheReservedMaterialsAndLeavesTheLedgerConsistent() {
		UUID cabinet = this.shop.product("CAB-1", "150000.00");
		UUID frame = this.shop.product("FRM-1", "40000.00");
		UUID glass = this.shop.product("GLS-1", "5000.00");
		this.shop.receive(this.warehouse, glass, "10", "5000.00");
		this.shop.routing(frame, this.assembly, "Weld frame", "0", "60", true);
		this.shop.routing(cabinet, this.assembly, "Assemble cabinet", "0", "120", true);
		this.shop.bom(cabinet, frame, "1", glass, "2");
		JsonNode order = this.shop.order(cabinet, "2", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();
		assertThat(run).isWaitingAt(ProductionRun.EVENT_SUBASSEMBLY_FINISHED);
		assertThat(this.shop.reserved(glass)).isEqualByComparingTo("4");

		Api.Response cancelled = this.api.post(
				this.shop.ws() + "/production-orders/" + order.path("id").asText() + "/cancel", this.owner.token(),
				Map.of("reason", "Customer cancelled the cabinets"));

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(run).hasPassed(ProductionRun.TASK_RELEASE_MATERIALS, ProductionRun.END_RUN_CANCELLED).isEnded();
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("CANCELLED");
		assertThat(this.shop.reserved(glass)).isEqualByComparingTo("0");
		assertThat(this.shop.onHand(glass)).isEqualByComparingTo("10");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void aRetriedIssueIssuesNothingMore() {
		UUID stool = this.shop.product("STL-1", "9000.00");
		UUID wood = this.shop.product("WOOD", "1000.00");
		this.shop.receive(this.warehouse, wood, "30", "1000.00");
		this.shop.bom(stool, wood, "2");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		JsonNode order = this.shop.order(stool, "10", this.warehouse);
		this.shop.release(order);
		ProcessInstance run = process(order);
		runJobs();
		assertThat(run).isWaitingAt(ProductionRun.TASK_PERFORM_OPERATION);
		JsonNode issued = this.shop.get(order);

		// the step runs again, as a job retried after its commit was lost would
		List<String> again = this.production.issueMaterials(
				new kz.prometric.erp.production.RunInstance(this.org.workspaceId(), orderNumber(order), run.getId()));

		assertThat(again).extracting(Object::toString)
			.containsExactly(issued.path("operations").get(0).path("id").asText());
		JsonNode after = this.shop.get(order);
		assertThat(after.path("cost").path("materials").decimalValue()).isEqualByComparingTo("20000.00");
		assertThat(after.path("requirements").get(0).path("quantityIssued").decimalValue()).isEqualByComparingTo("20");
		assertThat(this.shop.onHand(wood)).isEqualByComparingTo("10");
		assertThat(this.api
			.get(this.shop.ws() + "/stock/movements?type=ISSUE_TO_PRODUCTION&productId=" + wood, this.owner.token())
			.json()
			.path("total")
			.asInt()).isEqualTo(1);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void twoRunsCompetingForTheLastUnitsNeverOverIssue() throws Exception {
		UUID stool = this.shop.product("STL-1", "9000.00");
		UUID wood = this.shop.product("WOOD", "1000.00");
		this.shop.receive(this.warehouse, wood, "10", "1000.00");
		supplierOf(wood, "1300.00");
		this.shop.bom(stool, wood, "6");
		this.shop.routing(stool, this.assembly, "Assemble", "0", "6", true);
		JsonNode first = this.shop.order(stool, "1", this.warehouse);
		JsonNode second = this.shop.order(stool, "1", this.warehouse);
		this.shop.release(first);
		this.shop.release(second);
		List<Job> reserveJobs = List.of(job(process(first)), job(process(second)));

		Concurrently.run(reserveJobs.stream().<java.util.concurrent.Callable<Object>>map(job -> () -> {
			this.engine.getManagementService().executeJob(job.getId());
			return null;
		}).toList());
		runJobs();

		List<String> states = new ArrayList<>();
		for (JsonNode order : List.of(first, second)) {
			states.add(this.shop.get(order).path("status").asText());
		}
		assertThat(states).containsExactlyInAnyOrder("IN_PROGRESS", "WAITING_MATERIALS");
		assertThat(this.shop.onHand(wood)).isEqualByComparingTo("4");
		assertThat(this.shop.reserved(wood)).isEqualByComparingTo("4");
		assertThat(this.api
			.get(this.shop.ws() + "/stock/movements?type=ISSUE_TO_PRODUCTION&productId=" + wood, this.owner.token())
			.json()
			.path("total")
			.asInt()).isEqualTo(1);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	// ---- helpers

	private void perform(ProcessInstance run, int good, int minutes) {
		perform(run, good, minutes, 0);
	}

	private void perform(ProcessInstance run, int good, int minutes, int scrap) {
		Task task = task(run, ProductionRun.TASK_PERFORM_OPERATION);
		Map<String, Object> report = new HashMap<>();
		report.put("goodQuantity", good);
		report.put("scrapQuantity", scrap);
		report.put("durationMinutes", minutes);
		asOwner(() -> this.engine.getTaskService().complete(task.getId(), report));
		runJobs();
	}

	private void inspect(ProcessInstance run, int sampled, int defects) {
		Task task = task(run, ProductionRun.TASK_INSPECT_QUALITY);
		asOwner(() -> this.engine.getTaskService()
			.complete(task.getId(), Map.of("sampled", sampled, "defects", defects)));
		runJobs();
	}

	private void decidePurchase(JsonNode order, String decision) {
		String requisition = this.shop.get(order).path("requirements").get(0).path("requisitionNumber").asText();
		ProcessInstance purchase = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.processInstanceBusinessKey(requisition)
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		Task approve = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(purchase.getId())
			.singleResult();
		assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApprovePurchase");
		asOwner(() -> this.engine.getTaskService()
			.complete(approve.getId(), Map.of("decision", decision, "comment", "Too expensive")));
	}

	private UUID supplierOf(UUID product, String price) {
		UUID supplier = this.purchasing
			.createSupplier(this.org.workspaceId(), this.owner.id(),
					new NewSupplier("Timber LLP", null, "sales@timber.kz", null))
			.id();
		this.purchasing.setSupplierPrice(this.org.workspaceId(), this.owner.id(), supplier, product,
				new BigDecimal(price), 3);
		return supplier;
	}

	/** Runs what the engine would as the owner's Tasklist session: the guard applies. */
	private void asOwner(Runnable action) {
		String ws = this.org.workspaceId().toString();
		this.engine.getIdentityService()
			.setAuthentication(this.owner.email(), List.of(ws + ":owner", ws + ":manager", ws + ":member"),
					List.of(ws));
		try {
			action.run();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private LockedExternalTask fetch(String topic) {
		List<LockedExternalTask> locked = this.engine.getExternalTaskService()
			.fetchAndLock(1, "test-machine")
			.topic(topic, 60_000)
			.tenantIdIn(this.org.workspaceId().toString())
			.execute();
		assertThat(locked).hasSize(1);
		return locked.get(0);
	}

	/** Executes the workspace's due jobs until none is left (the job executor is off). */
	private void runJobs() {
		for (int round = 0; round < 30; round++) {
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

	private Job job(ProcessInstance run) {
		return this.engine.getManagementService().createJobQuery().processInstanceId(run.getId()).singleResult();
	}

	private Task task(ProcessInstance run, String key) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(run.getId())
			.taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as(key + " of " + run.getBusinessKey()).isNotNull();
		return task;
	}

	private ProcessInstance process(JsonNode order) {
		return byNumber(orderNumber(order));
	}

	private ProcessInstance byNumber(String number) {
		ProcessInstance process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ProductionRun.KEY)
			.processInstanceBusinessKey(number)
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		assertThat(process).as("the run of " + number).isNotNull();
		return process;
	}

	private static String orderNumber(JsonNode order) {
		return order.path("orderNumber").asText();
	}

}
