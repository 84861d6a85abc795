package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.production.process.PurchaseRequisition;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No door but the purchase-requisition process approves, orders or receives: the ERP API
 * has no such route, and the engine REST API refuses a start, forged completion
 * variables, variables set on the instance, BPMN errors and instance modification, even
 * to the owner who may work the task. Afterwards nothing has changed.
 */
@ErpIntegrationTest
class PurchasingDoorsApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	PurchasingManagement purchasing;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	TestData.User owner;

	TestData.Org org;

	UUID product;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Miras");
		this.org = this.data.organization(this.owner, "Miras Joinery");
		Api.Response warehouse = this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", "MAIN", "name", "Main"));
		assertThat(warehouse.status()).isEqualTo(201);
		Api.Response product = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", "PLY-12", "name", "Plywood 12 mm", "unit", "pcs", "price", "9000.00"));
		assertThat(product.status()).isEqualTo(201);
		this.product = UUID.fromString(product.json().path("id").asText());
		Api.Response supplier = this.api.post(ws() + "/suppliers", this.owner.token(), Map.of("name", "Ply LLP"));
		assertThat(this.api
			.send("PUT", ws() + "/suppliers/" + supplier.json().path("id").asText() + "/prices/" + this.product,
					this.owner.token(), Map.of("unitPrice", "7000.00"), Map.of())
			.status()).isEqualTo(200);
	}

	@Test
	void offersNoRouteThatRaisesApprovesOrdersOrReceives() {
		String number = this.purchasing.requestForSalesOrder(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), this.product, new BigDecimal("3"));
		String id = requisitionId(number);

		List<Api.Response> attempts = List.of(
				this.api.post(ws() + "/purchase-requisitions", this.owner.token(),
						Map.of("productId", this.product, "quantity", "5")),
				this.api.post(ws() + "/purchase-requisitions/" + id + "/approve", this.owner.token(), Map.of()),
				this.api.patch(ws() + "/purchase-requisitions/" + id, this.owner.token(), Map.of("status", "APPROVED")),
				this.api.send("PUT", ws() + "/purchase-requisitions/" + id, this.owner.token(),
						Map.of("status", "ORDERED"), Map.of()),
				this.api.post(ws() + "/purchase-orders", this.owner.token(), Map.of("requisitionId", id)),
				this.api.post(ws() + "/purchase-orders/" + UUID.randomUUID() + "/receive", this.owner.token(),
						Map.of()),
				this.api.patch(ws() + "/purchase-orders/" + UUID.randomUUID(), this.owner.token(),
						Map.of("status", "RECEIVED")));

		assertThat(attempts).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(404, 405));
		JsonNode requisition = this.api.get(ws() + "/purchase-requisitions/" + id, this.owner.token()).json();
		assertThat(requisition.path("status").asText()).isEqualTo("REQUESTED");
		assertThat(this.api.get(ws() + "/purchase-requisitions", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);
		assertThat(this.api.get(ws() + "/purchase-orders", this.owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void closesTheEngineRestDoorsAroundTheApprovalEvenToTheOwner() throws Exception {
		String number = this.purchasing.requestForSalesOrder(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), this.product, new BigDecimal("3"));
		ProcessInstance process = processOf(number);
		Task approval = this.tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
		assertThat(approval.getTaskDefinitionKey()).isEqualTo(PurchaseRequisition.TASK_APPROVE_PURCHASE);
		Map<String, Object> before = this.runtime.getVariables(process.getId());

		List<Api.Response> attempts = List.of(
				engine("POST", "/process-definition/key/" + PurchaseRequisition.KEY + "/start",
						Map.of("businessKey", number, "variables",
								variables(Map.of("workspaceId", this.org.workspaceId().toString())))),
				engine("POST", "/task/" + approval.getId() + "/complete",
						Map.of("variables",
								variables(Map.of(PurchaseRequisition.VAR_DECISION, PurchaseRequisition.DECISION_REJECT,
										PurchaseRequisition.VAR_REQUISITION_APPROVED, true)))),
				engine("POST", "/task/" + approval.getId() + "/complete",
						Map.of("variables",
								variables(Map.of(PurchaseRequisition.VAR_DECISION, PurchaseRequisition.DECISION_APPROVE,
										PurchaseRequisition.VAR_AMOUNT, 1.0)))),
				engine("POST", "/process-instance/" + process.getId() + "/variables",
						Map.of("modifications", variables(Map.of(PurchaseRequisition.VAR_APPROVER, "AUTO")))),
				engine("POST", "/task/" + approval.getId() + "/bpmnError",
						Map.of("errorCode", PurchaseRequisition.ERR_NO_SUPPLIER)),
				engine("POST", "/process-instance/" + process.getId() + "/modification",
						Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
								PurchaseRequisition.TASK_PLACE_PURCHASE_ORDER)))));

		assertThat(attempts).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(403));
		assertThat(this.tasks.createTaskQuery().processInstanceId(process.getId()).list()).extracting(Task::getId)
			.containsExactly(approval.getId());
		assertThat(this.runtime.getVariables(process.getId())).isEqualTo(before);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.processInstanceBusinessKey(number)
			.count()).isEqualTo(1);
		assertThat(this.management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
		JsonNode requisition = this.api
			.get(ws() + "/purchase-requisitions/" + requisitionId(number), this.owner.token())
			.json();
		assertThat(requisition.path("status").asText()).isEqualTo("REQUESTED");
		assertThat(requisition.path("decidedBy").isTextual()).isFalse();
		assertThat(this.api.get(ws() + "/purchase-orders", this.owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void letsTheReceiverSetOnlyTheDeliveryNote() throws Exception {
		String number = this.purchasing.requestForProduction(this.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), this.product, new BigDecimal("2"), null, this.owner.id());
		ProcessInstance process = this.runtime.createProcessInstanceByKey(PurchaseRequisition.KEY)
			.businessKey(number)
			.setVariable(PurchaseRequisition.VAR_WORKSPACE_ID, this.org.workspaceId().toString())
			.execute();
		this.management.createJobQuery()
			.processInstanceId(process.getId())
			.list()
			.forEach(job -> this.management.executeJob(job.getId()));
		Task receive = this.tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
		assertThat(receive.getTaskDefinitionKey()).isEqualTo(PurchaseRequisition.TASK_RECEIVE_GOODS);

		Api.Response forged = engine("POST", "/task/" + receive.getId() + "/complete", Map.of("variables", variables(
				Map.of(PurchaseRequisition.VAR_DELIVERY_NOTE, "DN-9", PurchaseRequisition.VAR_QUANTITY, 1000.0))));

		assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
		assertThat(this.tasks.createTaskQuery().processInstanceId(process.getId()).singleResult().getId())
			.isEqualTo(receive.getId());
		JsonNode order = this.api.get(ws() + "/purchase-orders", this.owner.token()).json().path("items").get(0);
		assertThat(order.path("quantity").decimalValue()).isEqualByComparingTo("2");
		assertThat(order.path("receivedBy").isTextual()).isFalse();
	}

	private ProcessInstance processOf(String number) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PurchaseRequisition.KEY)
			.tenantIdIn(this.org.workspaceId().toString())
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	private String requisitionId(String number) {
		for (JsonNode item : this.api.get(ws() + "/purchase-requisitions", this.owner.token()).json().path("items")) {
			if (number.equals(item.path("number").asText())) {
				return item.path("id").asText();
			}
		}
		throw new AssertionError("no requisition " + number);
	}

	private Api.Response engine(String method, String path, Object body) {
		return this.api.send(method, "/engine-rest" + path, this.owner.token(), body, Map.of());
	}

	private static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return variables;
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
