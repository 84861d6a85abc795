package kz.prometric.erp.sales;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An order's own delivery address: a snapshot of the customer's address when the order is
 * placed (from a won deal or by hand, unless one is given), changed by managers until the
 * order is shipped (recorded in its history, shown on the open <em>Ship order</em> task),
 * refused afterwards; another workspace's order is not found; bad addresses are refused
 * naming the field.
 */
@ErpIntegrationTest
class OrderDeliveryAddressApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	OrderManagement orders;

	@Autowired
	ProcessEngine engine;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Saule");
		this.org = this.data.organization(this.owner, "Saule Logistics");
		this.customerId = customer("Aktobe Trade LLP", "Aktobe, Abulkhair khan 40");
	}

	@Test
	void anOrderOfAWonDealTakesTheCustomersAddressAsASnapshot() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Pipes", Map.of("products",
				List.of(Map.of("productName", "Pipe 57 mm", "quantity", "10", "unitPrice", "1000.00"))));
		Api.Response won = this.api.post(ws() + "/deals/" + deal.path("id").asText() + "/stage", this.owner.token(),
				Map.of("stage", "WON"));
		assertThat(won.status()).as(won.toString()).isEqualTo(200);
		JsonNode order = this.api.get(ws() + "/orders", this.owner.token()).items().get(0);
		assertThat(order.path("dealId").asText()).isEqualTo(deal.path("id").asText());
		assertThat(order.path("deliveryAddress").asText()).isEqualTo("Aktobe, Abulkhair khan 40");

		Api.Response moved = this.api.patch(ws() + "/customers/" + this.customerId, this.owner.token(),
				Map.of("address", "Aktobe, Moldagulova 12"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

		assertThat(get(order).path("deliveryAddress").asText()).as("the order keeps its own address")
			.isEqualTo("Aktobe, Abulkhair khan 40");
	}

	@Test
	void aHandEnteredOrderHasTheAddressItWasGivenOrElseTheCustomers() {
		JsonNode own = createOrder(Map.of("deliveryAddress", "  Shymkent, Tauke khan 5\n  gate 3  ")).json();
		JsonNode customers = createOrder(Map.of()).json();
		UUID withoutAddress = this.data.customer(this.owner, this.org.workspaceId(), "Nowhere LLP");
		JsonNode none = this.api
			.post(orders(), this.owner.token(), Map.of("customerId", withoutAddress, "lines", List.of(line())))
			.json();

		assertThat(own.path("deliveryAddress").asText()).as("trimmed").isEqualTo("Shymkent, Tauke khan 5\n  gate 3");
		assertThat(customers.path("deliveryAddress").asText()).isEqualTo("Aktobe, Abulkhair khan 40");
		assertThat(none.hasNonNull("deliveryAddress")).as("nothing known yet").isFalse();
		assertThat(get(own).path("deliveryAddress").asText()).isEqualTo("Shymkent, Tauke khan 5\n  gate 3");
	}

	@Test
	void changesTheAddressBeforeShipmentAndRecordsItInTheHistory() {
		JsonNode order = createOrder(Map.of()).json();

		Api.Response changed = this.api.patch(ws() + "/orders/" + order.path("id").asText(), this.owner.token(),
				Map.of("deliveryAddress", " Aktobe, warehouse district 7 "));
		Api.Response again = this.api.patch(ws() + "/orders/" + order.path("id").asText(), this.owner.token(),
				Map.of("deliveryAddress", "Aktobe, warehouse district 7"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("deliveryAddress").asText()).isEqualTo("Aktobe, warehouse district 7");
		assertThat(changed.json().path("status").asText()).isEqualTo("PENDING");
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(get(order).path("deliveryAddress").asText()).isEqualTo("Aktobe, warehouse district 7");
		List<JsonNode> history = this.api
			.get(ws() + "/orders/" + order.path("id").asText() + "/history", this.owner.token())
			.items();
		assertThat(history).extracting(h -> h.path("action").asText())
			.as("the same address again is no change")
			.containsExactly("CREATED", "DELIVERY_ADDRESS_CHANGED");
		JsonNode change = history.get(1);
		assertThat(change.path("changedBy").asText()).isEqualTo(this.owner.id().toString());
		assertThat(change.path("changedByName").asText()).isNotBlank();
		assertThat(change.path("fromStatus").asText()).isEqualTo("PENDING");
		assertThat(change.path("toStatus").asText()).isEqualTo("PENDING");
		assertThat(change.path("detail").asText()).contains("Aktobe, Abulkhair khan 40")
			.contains("Aktobe, warehouse district 7");
	}

	@Test
	void refusesAChangeOnceTheOrderIsShippedOrCancelled() {
		UUID product = product();
		receive(product, "10");
		JsonNode order = createOrder(Map.of("lines",
				List.of(Map.of("productId", product, "productName", "Rail", "quantity", "2", "unitPrice", "5000.00"))))
			.json();
		ProcessInstance process = processOf(order);
		executeJob(process);
		Task ship = shipTask(process);
		this.engine.getTaskService().complete(ship.getId(), Map.of(OrderFulfilment.VAR_CARRIER, "KazPost"));
		executeJob(process);
		assertThat(get(order).path("status").asText()).isEqualTo("SHIPPED");

		Api.Response refused = this.api.patch(ws() + "/orders/" + order.path("id").asText(), this.owner.token(),
				Map.of("deliveryAddress", "Too late 1"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errorFields()).containsExactly("deliveryAddress");
		assertThat(get(order).path("deliveryAddress").asText()).isEqualTo("Aktobe, Abulkhair khan 40");

		JsonNode cancelled = createOrder(Map.of()).json();
		assertThat(this.api
			.post(ws() + "/orders/" + cancelled.path("id").asText() + "/cancel", this.owner.token(),
					Map.of("reason", "Withdrawn"))
			.status()).isEqualTo(200);
		Api.Response afterCancel = this.api.patch(ws() + "/orders/" + cancelled.path("id").asText(), this.owner.token(),
				Map.of("deliveryAddress", "Too late 2"));
		assertThat(afterCancel.status()).as(afterCancel.toString()).isEqualTo(409);
		assertThat(afterCancel.errorFields()).containsExactly("deliveryAddress");
	}

	@Test
	void answersNotFoundForAnotherWorkspacesOrderAndForbidsMembersBelowManager() {
		JsonNode order = createOrder(Map.of()).json();
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Stranger Logistics");
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		Map<String, Object> body = Map.of("deliveryAddress", "Somewhere else 1");

		Api.Response foreign = this.api.patch(ws() + "/orders/" + order.path("id").asText(), stranger.token(), body);
		Api.Response ownParent = this.api.patch(
				"/api/workspaces/" + other.workspaceId() + "/orders/" + order.path("id").asText(), stranger.token(),
				body);
		Api.Response unknown = this.api.patch(ws() + "/orders/" + UUID.randomUUID(), this.owner.token(), body);
		Api.Response forbidden = this.api.patch(ws() + "/orders/" + order.path("id").asText(), member.token(), body);

		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
		assertThat(ownParent.status()).as(ownParent.toString()).isEqualTo(404);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
		assertThat(foreign.text()).doesNotContain("Aktobe");
		assertThat(get(order).path("deliveryAddress").asText()).isEqualTo("Aktobe, Abulkhair khan 40");
	}

	@Test
	void refusesBlankMissingOrTooLongAddressesNamingTheField() {
		JsonNode order = createOrder(Map.of()).json();
		String path = ws() + "/orders/" + order.path("id").asText();

		for (Object body : List.of(Map.of("deliveryAddress", "   "), Map.of("deliveryAddress", "\n\t"), Map.of(),
				Map.of("deliveryAddress", "x".repeat(1001)), Map.of("deliveryAddress", List.of("Almaty")))) {
			Api.Response refused = this.api.patch(path, this.owner.token(), body);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.errorFields()).as(refused.toString()).containsExactly("deliveryAddress");
		}
		Api.Response longest = this.api.patch(path, this.owner.token(), Map.of("deliveryAddress", "y".repeat(1000)));
		assertThat(longest.status()).as(longest.toString()).isEqualTo(200);

		Api.Response blankOnCreate = this.api.post(orders(), this.owner.token(),
				Map.of("customerId", this.customerId, "lines", List.of(line()), "deliveryAddress", " "));
		assertThat(blankOnCreate.status()).as(blankOnCreate.toString()).isEqualTo(400);
		assertThat(blankOnCreate.errorFields()).containsExactly("deliveryAddress");
		// the façade holds the same rules for every caller (422)
		assertThatThrownBy(() -> this.orders.changeDeliveryAddress(this.org.workspaceId(), this.owner.id(),
				UUID.fromString(order.path("id").asText()), "z".repeat(1001)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("deliveryAddress"));
		assertThatThrownBy(() -> this.orders.create(this.org.workspaceId(), this.owner.id(), this.customerId,
				List.of(new OrderLine(null, "Service", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, null)), null,
				" "))
			.isInstanceOf(BusinessRuleViolation.class);
	}

	@Test
	void theShipOrderTaskShowsTheOrdersAddressNotTheCustomersLaterOneAndFollowsItsChanges() {
		UUID product = product();
		receive(product, "10");
		JsonNode order = createOrder(Map.of("lines",
				List.of(Map.of("productId", product, "productName", "Rail", "quantity", "1", "unitPrice", "5000.00"))))
			.json();
		Api.Response moved = this.api.patch(ws() + "/customers/" + this.customerId, this.owner.token(),
				Map.of("address", "Aktobe, new head office 1"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		ProcessInstance process = processOf(order);
		executeJob(process);
		Task ship = shipTask(process);

		assertThat(this.engine.getTaskService().getVariableLocal(ship.getId(), "deliveryAddress"))
			.isEqualTo("Aktobe, Abulkhair khan 40");
		JsonNode form = this.api.get(ws() + "/tasks/" + ship.getId(), this.owner.token()).json();
		assertThat(form.toString()).contains("Aktobe, Abulkhair khan 40").doesNotContain("new head office");

		Api.Response changed = this.api.patch(ws() + "/orders/" + order.path("id").asText(), this.owner.token(),
				Map.of("deliveryAddress", "Aktobe, site 9"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		assertThat(this.engine.getTaskService().getVariableLocal(ship.getId(), "deliveryAddress"))
			.as("the open task shows the changed address")
			.isEqualTo("Aktobe, site 9");
		this.engine.getTaskService().complete(ship.getId(), Map.of(OrderFulfilment.VAR_CARRIER, "KazPost"));
		executeJob(process);
		assertThat(get(order).path("status").asText()).isEqualTo("SHIPPED");
		assertThat(get(order).path("deliveryAddress").asText()).isEqualTo("Aktobe, site 9");
	}

	private UUID customer(String name, String address) {
		Api.Response created = this.api.post(ws() + "/customers", this.owner.token(),
				Map.of("type", "COMPANY", "name", name, "address", address, "taxId", TestData.nextBin()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID product() {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", "R-" + UUID.randomUUID().toString().substring(0, 6), "name", "Rail", "unit", "pcs",
						"price", "5000.00"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private void receive(UUID product, String quantity) {
		Api.Response warehouse = this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", "W-" + UUID.randomUUID().toString().substring(0, 6), "name", "Yard"));
		assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(201);
		Api.Response received = this.api.post(ws() + "/stock/receipts", this.owner.token(), Map.of("warehouseId",
				warehouse.json().path("id").asText(), "productId", product, "quantity", quantity));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private static Map<String, Object> line() {
		return Map.of("productName", "Delivery service", "quantity", "1", "unitPrice", "1000.00");
	}

	private Api.Response createOrder(Map<String, Object> extra) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("customerId", this.customerId, "lines", List.of(line())));
		body.putAll(extra);
		Api.Response created = this.api.post(orders(), this.owner.token(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private JsonNode get(JsonNode order) {
		Api.Response answer = this.api.get(orders() + "/" + order.path("id").asText(), this.owner.token());
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private ProcessInstance processOf(JsonNode order) {
		ProcessInstance process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OrderFulfilment.KEY)
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		assertThat(process).isNotNull();
		return process;
	}

	private void executeJob(ProcessInstance process) {
		var job = this.engine.getManagementService().createJobQuery().processInstanceId(process.getId()).singleResult();
		assertThat(job).as("a job of " + process.getBusinessKey()).isNotNull();
		this.engine.getManagementService().executeJob(job.getId());
	}

	private Task shipTask(ProcessInstance process) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey(OrderFulfilment.TASK_SHIP_ORDER)
			.singleResult();
		assertThat(task).as("the Ship order task").isNotNull();
		return task;
	}

	private String orders() {
		return ws() + "/orders";
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
