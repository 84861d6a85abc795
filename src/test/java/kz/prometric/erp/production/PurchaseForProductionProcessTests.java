package kz.prometric.erp.production;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.production.process.ProductionRun;
import kz.prometric.erp.production.process.PurchaseRequisition;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The purchasing contract as production uses it: a released production order short of a
 * bought material raises a requisition, its run calls purchase-requisition (business key
 * = the number, tenant inherited), and the run learns the outcome from the requisition:
 * goods received → the materials are reserved and issued; rejected → the order goes on
 * hold.
 */
@ErpIntegrationTest
class PurchaseForProductionProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	TestData.User owner;

	TestData.Org org;

	ProductionFixtures shop;

	UUID warehouse;

	UUID stool;

	UUID plank;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Nurlan");
		this.org = this.data.organization(this.owner, "Nurlan Stools");
		this.shop = new ProductionFixtures(this.api, this.owner.token(), this.org.workspaceId());
		this.warehouse = this.shop.warehouse("MAIN");
		this.stool = this.shop.product("STOOL", "3000.00");
		this.plank = this.shop.product("PLANK", "400.00");
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		this.shop.routing(this.stool, assembly, "Assemble", "5", "10", true);
		this.shop.bom(this.stool, this.plank, "2");
	}

	@Test
	void buysTheShortMaterialThenReservesItForTheRun() {
		price("Timber LLP", "450.00");
		JsonNode order = this.shop.release(this.shop.order(this.stool, "5", this.warehouse));
		ProcessInstance run = runOf(order);

		runJobs();
		ProcessInstance purchase = purchaseOf(run);
		assertThat(run).isWaitingAt(ProductionRun.CALL_PURCHASE_MATERIALS);
		assertThat(purchase).isWaitingAt(PurchaseRequisition.TASK_RECEIVE_GOODS);
		Assertions.assertThat(purchase.getTenantId()).isEqualTo(this.org.workspaceId().toString());
		JsonNode requisition = requisitionFor(order);
		Assertions.assertThat(requisition.path("number").asText()).isEqualTo(purchase.getBusinessKey());
		Assertions.assertThat(requisition.path("quantity").decimalValue()).isEqualByComparingTo("10");
		Assertions.assertThat(requisition.path("approverLevel").asText()).isEqualTo("AUTO");
		Assertions.assertThat(requisition.path("requesterRole").asText()).isEqualTo("OWNER");

		Task receive = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(purchase.getId())
			.singleResult();
		Api.Response received = this.api.post("/engine-rest/task/" + receive.getId() + "/complete", this.owner.token(),
				Map.of("variables", Map.of(PurchaseRequisition.VAR_DELIVERY_NOTE, Map.of("value", "DN-77"))));
		Assertions.assertThat(received.status()).as(received.toString()).isEqualTo(204);
		runJobs();

		assertThat(purchase).hasPassed(PurchaseRequisition.END_GOODS_RECEIVED).isEnded();
		assertThat(run).hasPassed(ProductionRun.CALL_PURCHASE_MATERIALS, ProductionRun.TASK_ISSUE_MATERIALS);
		Assertions.assertThat(requisitionFor(order).path("status").asText()).isEqualTo("RECEIVED");
		Assertions.assertThat(this.shop.get(order).path("status").asText()).isEqualTo("IN_PROGRESS");
		// 10 planks bought at 450.00, then issued to the order
		Assertions.assertThat(this.shop.onHand(this.plank)).isEqualByComparingTo("0");
		Assertions.assertThat(this.shop.reserved(this.plank)).isEqualByComparingTo("0");
	}

	@Test
	void putsTheRunOnHoldWhenThePurchaseIsRejected() {
		// 10 planks at 600,000.00 = 6,000,000 without VAT: the owner approves even his
		// own
		price("Gold Timber LLP", "600000.00");
		JsonNode order = this.shop.release(this.shop.order(this.stool, "5", this.warehouse));
		ProcessInstance run = runOf(order);
		runJobs();
		ProcessInstance purchase = purchaseOf(run);
		assertThat(purchase).isWaitingAt(PurchaseRequisition.TASK_APPROVE_PURCHASE)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":owner");

		Task approval = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(purchase.getId())
			.singleResult();
		Api.Response rejected = this.api.post("/engine-rest/task/" + approval.getId() + "/complete", this.owner.token(),
				Map.of("variables",
						Map.of(PurchaseRequisition.VAR_DECISION, Map.of("value", PurchaseRequisition.DECISION_REJECT),
								PurchaseRequisition.VAR_COMMENT, Map.of("value", "Find cheaper planks"))));
		Assertions.assertThat(rejected.status()).as(rejected.toString()).isEqualTo(204);
		runJobs();

		assertThat(purchase).hasPassed(PurchaseRequisition.END_PURCHASE_REJECTED).isEnded();
		assertThat(run).isWaitingAt(ProductionRun.TASK_RESOLVE_HOLD);
		JsonNode held = this.shop.get(order);
		Assertions.assertThat(held.path("status").asText()).isEqualTo("ON_HOLD");
		Assertions.assertThat(requisitionFor(order).path("status").asText()).isEqualTo("REJECTED");
		Assertions.assertThat(this.shop.onHand(this.plank)).isEqualByComparingTo("0");
	}

	private void price(String supplierName, String unitPrice) {
		Api.Response supplier = this.api.post(this.shop.ws() + "/suppliers", this.owner.token(),
				Map.of("name", supplierName));
		Assertions.assertThat(supplier.status()).as(supplier.toString()).isEqualTo(201);
		Api.Response price = this.api.send("PUT",
				this.shop.ws() + "/suppliers/" + supplier.json().path("id").asText() + "/prices/" + this.plank,
				this.owner.token(), Map.of("unitPrice", unitPrice, "leadTimeDays", 2), Map.of());
		Assertions.assertThat(price.status()).as(price.toString()).isEqualTo(200);
	}

	/** Runs every due job of the workspace until none is left (the executor is off). */
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

	private ProcessInstance runOf(JsonNode order) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ProductionRun.KEY)
			.tenantIdIn(this.org.workspaceId().toString())
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.singleResult();
	}

	private ProcessInstance purchaseOf(ProcessInstance run) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.superProcessInstanceId(run.getId())
			.singleResult();
	}

	private JsonNode requisitionFor(JsonNode order) {
		JsonNode list = this.api
			.get(this.shop.ws() + "/purchase-requisitions?productionOrderId=" + order.path("id").asText(),
					this.owner.token())
			.json();
		Assertions.assertThat(list.path("total").asInt()).isEqualTo(1);
		return list.path("items").get(0);
	}

}
