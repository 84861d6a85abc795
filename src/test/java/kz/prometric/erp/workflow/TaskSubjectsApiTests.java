package kz.prometric.erp.workflow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of business object the task API knows describes its tasks: a sales order's
 * shipping task, a production order's operation and a purchase requisition's approval
 * carry the object's kind, id, number and a readable title, and the object filter finds
 * exactly its tasks.
 */
@ErpIntegrationTest
class TaskSubjectsApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ManagementService management;

	@Autowired
	PurchasingManagement purchasing;

	@Test
	void ordersProductionOrdersAndRequisitionsDescribeTheirTasks() {
		TestData.User owner = this.data.user("Sabina");
		TestData.Org org = this.data.organization(owner, "Subjects Co");
		String ws = "/api/workspaces/" + org.workspaceId();
		UUID customer = this.data.customer(owner, org.workspaceId(), "Halyk Trade LLP");
		String product = created(this.api.post(ws + "/products", owner.token(),
				Map.of("code", "DESK-1", "name", "Oak desk", "unit", "pcs", "price", "90000.00", "cost", "50000.00")));
		String warehouse = created(
				this.api.post(ws + "/warehouses", owner.token(), Map.of("code", "MAIN", "name", "Main warehouse")));
		created(this.api.post(ws + "/stock/receipts", owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", "10")));
		String workCenter = created(this.api.post(ws + "/work-centers", owner.token(), Map.of("code", "BENCH", "name",
				"Bench", "kind", "MANUAL", "hourlyRate", "1000.00", "capacityHoursPerDay", "8")));
		Api.Response routing = this.api.send("PUT", ws + "/products/" + product + "/routing", owner.token(),
				Map.of("operations", List.of(Map.of("workCenterId", workCenter, "name", "Assemble"))), Map.of());
		assertThat(routing.status()).as(routing.toString()).isEqualTo(200);
		// a sales order (shipping task), a released production order (operation task)
		// and a requisition waiting for approval
		Api.Response order = this.api.post(ws + "/orders", owner.token(), Map.of("customerId", customer, "lines", List
			.of(Map.of("productId", product, "productName", "Oak desk", "quantity", "1", "unitPrice", "90000.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		Api.Response production = this.api.post(ws + "/production-orders", owner.token(),
				Map.of("productId", product, "quantity", "3", "warehouseId", warehouse));
		assertThat(production.status()).as(production.toString()).isEqualTo(201);
		String productionId = production.json().path("id").asText();
		Api.Response released = this.api.post(ws + "/production-orders/" + productionId + "/release", owner.token(),
				null);
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		String supplier = created(this.api.post(ws + "/suppliers", owner.token(), Map.of("name", "Timber LLP")));
		Api.Response price = this.api.send("PUT", ws + "/suppliers/" + supplier + "/prices/" + product, owner.token(),
				Map.of("unitPrice", "60000.00", "leadTimeDays", 3), Map.of());
		assertThat(price.status()).as(price.toString()).isEqualTo(200);
		String requisitionNumber = this.purchasing.requestForSalesOrder(org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.fromString(product), new BigDecimal("20"));
		runDueJobs(org.workspaceId());

		JsonNode orderTask = only(owner, ws, "ORDER", order.json().path("id").asText());
		JsonNode runTask = only(owner, ws, "PRODUCTION_ORDER", productionId);
		String requisitionId = this.api.get(ws + "/purchase-requisitions", owner.token())
			.items()
			.stream()
			.filter(r -> r.path("number").asText().equals(requisitionNumber))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asText();
		JsonNode requisitionTask = only(owner, ws, "PURCHASE_REQUISITION", requisitionId);

		String orderNumber = order.json().path("orderNumber").asText();
		assertThat(orderTask.path("processKey").asText()).isEqualTo("order-fulfilment");
		assertThat(orderTask.path("subject").path("number").asText()).isEqualTo(orderNumber);
		assertThat(orderTask.path("subject").path("title").asText()).isEqualTo(orderNumber + " · Halyk Trade LLP");
		// the task's name carries the same title: one source
		assertThat(orderTask.path("name").asText()).endsWith(" · " + orderTask.path("subject").path("title").asText());
		String productionNumber = production.json().path("orderNumber").asText();
		assertThat(runTask.path("processKey").asText()).isEqualTo("production-run");
		assertThat(runTask.path("subject").path("number").asText()).isEqualTo(productionNumber);
		assertThat(runTask.path("subject").path("title").asText()).isEqualTo(productionNumber + " · Oak desk × 3");
		assertThat(requisitionTask.path("processKey").asText()).isEqualTo("purchase-requisition");
		assertThat(requisitionTask.path("subject").path("number").asText()).isEqualTo(requisitionNumber);
		assertThat(requisitionTask.path("subject").path("title").asText())
			.isEqualTo(requisitionNumber + " · Oak desk × 20");
		assertThat(requisitionTask.path("name").asText()).endsWith(" · " + requisitionNumber + " · Oak desk × 20");
		// the whole list carries the same subjects
		assertThat(this.api.get(ws + "/tasks?size=100", owner.token()).items())
			.extracting(t -> t.path("subject").path("kind").asText())
			.contains("ORDER", "PRODUCTION_ORDER", "PURCHASE_REQUISITION");
	}

	private JsonNode only(TestData.User user, String ws, String kind, String id) {
		Api.Response response = this.api.get(ws + "/tasks?objectKind=" + kind + "&objectId=" + id, user.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.items()).as(kind + " " + response).hasSize(1);
		JsonNode task = response.items().get(0);
		assertThat(task.path("subject").path("kind").asText()).isEqualTo(kind);
		assertThat(task.path("subject").path("id").asText()).isEqualTo(id);
		return task;
	}

	private void runDueJobs(UUID workspaceId) {
		for (int round = 0; round < 5; round++) {
			var jobs = this.management.createJobQuery().tenantIdIn(workspaceId.toString()).executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (var job : jobs) {
				try {
					this.management.executeJob(job.getId());
				}
				catch (org.camunda.bpm.engine.ProcessEngineException ex) {
					// the job executor ran it first
				}
			}
		}
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

}
