package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import kz.prometric.erp.production.ProductionEvents;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of the order-fulfilment process: started the same way for a won deal and a
 * hand-entered order (business key = order number, tenant = workspace), stock reservation
 * (and stock that arrives before production is asked; the paths through production are in
 * {@link OrderReplenishmentProcessTests}), shipping (and a refused shipment), invoicing
 * (and a refused invoice), reminders, collection, payment, and cancellation before
 * shipment; steps that find their order by what the instance is bound to, not by
 * variables.
 */
@ErpIntegrationTest
class OrderFulfilmentProcessTests {

	/**
	 * The invoice e-mail's subject starts so (the document language, Russian unless
	 * configured).
	 */
	private static final String INVOICE_MAIL = "Счёт на оплату № INV-";

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Gulmira");
		this.org = this.data.organization(this.owner, "Gulmira Trade");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Karaganda Build LLP");
	}

	@Test
	void turnsAWonDealIntoOneOrderReservationInvoiceAndMailAndCompletesItWhenPaid() throws Exception {
		String customerEmail = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@bricks.kz";
		UUID customer = customerWithEmail(customerEmail);
		UUID product = product("BRK-150", "Brick M150");
		receive(warehouse("BRICKS"), product, "1500");
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), customer, "Bricks", Map.of("products", List
			.of(Map.of("productId", product, "productName", "Brick M150", "quantity", "1000", "unitPrice", "95.00"))));
		Api.Response won = this.api.post(ws() + "/deals/" + deal.path("id").asText() + "/stage", this.owner.token(),
				Map.of("stage", "WON"));
		Assertions.assertThat(won.status()).isEqualTo(200);
		JsonNode orders = this.api.get(ws() + "/orders", this.owner.token()).json();
		Assertions.assertThat(orders.path("total").asInt()).isEqualTo(1);
		JsonNode order = orders.path("items").get(0);
		Assertions.assertThat(order.path("dealId").asText()).isEqualTo(deal.path("id").asText());
		Assertions.assertThat(order.path("orderNumber").asText()).startsWith("SO-");
		// one instance for the deal, found like any order's by its number (as in
		// Cockpit),
		// in the deal's workspace, already at its first step
		Assertions
			.assertThat(this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processDefinitionKey(OrderFulfilment.KEY)
				.variableValueEquals(OrderFulfilment.VAR_DEAL_ID, deal.path("id").asText())
				.count())
			.isEqualTo(1);
		ProcessInstance process = processOf(order);
		Assertions.assertThat(process.getTenantId()).isEqualTo(this.org.workspaceId().toString());
		assertThat(process).hasPassed(OrderFulfilment.START_ORDER_PLACED)
			.isWaitingAt(OrderFulfilment.TASK_RESERVE_STOCK);
		execute(job(process));

		assertThat(process).hasPassedInOrder(OrderFulfilment.START_ORDER_PLACED, OrderFulfilment.TASK_RESERVE_STOCK)
			.isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":member");
		Assertions.assertThat(orderStatus(order)).isEqualTo("CONFIRMED");
		JsonNode reservations = this.api
			.get(ws() + "/reservations?orderId=" + order.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(reservations.path("total").asInt()).isEqualTo(1);
		Assertions.assertThat(reservations.path("items").get(0).path("quantity").decimalValue())
			.isEqualByComparingTo("1000");

		complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost"));
		execute(job(process));
		execute(job(process));

		assertThat(process).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		Assertions.assertThat(orderStatus(order)).isEqualTo("INVOICED");
		JsonNode invoices = this.api.get(ws() + "/invoices?orderId=" + order.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(invoices.path("total").asInt()).isEqualTo(1);
		JsonNode invoice = invoices.path("items").get(0);
		// 1000 × 95.00 = 95,000.00 at the standard rate in force on the turnover date
		// (16% in 2026)
		Assertions.assertThat(invoice.path("netTotal").decimalValue()).isEqualByComparingTo("95000.00");
		Assertions.assertThat(invoice.path("vatTotal").decimalValue()).isEqualByComparingTo("15200.00");
		Assertions.assertThat(invoice.path("grossTotal").decimalValue()).isEqualByComparingTo("110200.00");
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(customerEmail, INVOICE_MAIL) == 1);

		Api.Response paid = this.api.post(ws() + "/invoices/" + invoice.path("id").asText() + "/payments",
				this.owner.token(), Map.of("amount", "110200.00"));

		Assertions.assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(process).hasPassed(OrderFulfilment.END_ORDER_FULFILLED).isEnded();
		Assertions.assertThat(orderStatus(order)).isEqualTo("PAID");
		Assertions.assertThat(mailsTo(customerEmail, INVOICE_MAIL)).isEqualTo(1);
		JsonNode stock = this.api.get(ws() + "/stock?productId=" + product, this.owner.token())
			.json()
			.path("items")
			.get(0);
		Assertions.assertThat(stock.path("onHand").decimalValue()).isEqualByComparingTo("500");
		Assertions.assertThat(stock.path("reserved").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void theShipTaskNamesItsOrderIsDueOnTheOrderDateAndShowsCustomerAddressLinesAndWarehouses() {
		Api.Response created = this.api.post(ws() + "/customers", this.owner.token(), Map.of("type", "COMPANY", "name",
				"Temirtau Steel LLP", "address", "Temirtau, Metallurgov 1", "taxId", TestData.nextBin()));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		UUID product = product("PIP-57", "Steel pipe 57 mm");
		receive(warehouse("PIPES"), product, "40");
		Api.Response placed = this.api.post(ws() + "/orders", this.owner.token(),
				Map.of("customerId", created.json().path("id").asText(), "lines", List.of(Map.of("productId", product,
						"productName", "Steel pipe 57 mm", "quantity", "12.500", "unitPrice", "30000.00"))));
		Assertions.assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		JsonNode order = placed.json();
		ProcessInstance process = processOf(order);
		execute(job(process));

		String number = order.path("orderNumber").asText();
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER)
			.task()
			.hasName("Ship order · " + number + " · Temirtau Steel LLP")
			.hasCandidateGroup(this.org.workspaceId() + ":member");
		org.camunda.bpm.engine.task.Task ship = task(process);
		java.time.LocalDate orderDate = java.time.Instant.parse(order.path("createdAt").asText())
			.atZone(java.time.ZoneId.of("Asia/Almaty"))
			.toLocalDate();
		Assertions.assertThat(ship.getDueDate().toInstant())
			.isEqualTo(orderDate.atTime(18, 0).atZone(java.time.ZoneId.of("Asia/Almaty")).toInstant());
		// due today, ordinary value (375 000 ₸): 50 + 15
		Assertions.assertThat(ship.getPriority()).isEqualTo(65);
		Map<String, Object> shown = this.engine.getTaskService().getVariablesLocal(ship.getId());
		Assertions.assertThat(shown)
			.containsEntry("customerName", "Temirtau Steel LLP")
			.containsEntry("deliveryAddress", "Temirtau, Metallurgov 1");
		Assertions.assertThat((String) shown.get("orderLines"))
			.startsWith("1. Steel pipe 57 mm — 12.5 ")
			.endsWith(" — Warehouse PIPES (PIPES)");

		// what the form shows is the process's: a person may not change it
		Api.Response changed = this.api.post(ws() + "/tasks/" + ship.getId() + "/complete", this.owner.token(),
				Map.of("variables", Map.of(OrderFulfilment.VAR_CARRIER, "KazPost", "deliveryAddress", "Elsewhere 5")));
		Assertions.assertThat(changed.status()).as(changed.toString()).isIn(403, 422);
		Assertions.assertThat(changed.text()).contains("deliveryAddress");
		Assertions.assertThat(this.engine.getTaskService().getVariableLocal(ship.getId(), "deliveryAddress"))
			.isEqualTo("Temirtau, Metallurgov 1");
		// the person completes the form with what it asks
		complete(ship, withVariables(OrderFulfilment.VAR_CARRIER, "KazPost"));
		execute(job(process));
		Assertions.assertThat(orderStatus(order)).isEqualTo("SHIPPED");
	}

	@Test
	void reservesAgainInsteadOfAskingProductionWhenStockArrivedMeanwhileAndShips() {
		UUID product = product("CEM-500", "Cement M500");
		UUID warehouse = warehouse("MAIN");
		JsonNode order = order(product, "20");
		ProcessInstance process = processOf(order);

		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REQUEST_REPLENISHMENT);
		Assertions.assertThat(orderStatus(order)).isEqualTo("AWAITING_STOCK");

		// the goods arrive before the request to production runs
		receive(warehouse, product, "25");
		execute(job(process));
		assertThat(process).hasPassed(OrderFulfilment.TASK_REQUEST_REPLENISHMENT)
			.hasNotPassed(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT)
			.isWaitingAt(OrderFulfilment.TASK_RESERVE_STOCK);
		JsonNode asked = this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token()).json();
		Assertions.assertThat(asked.path("replenishments").size()).isZero();
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);
		Assertions.assertThat(orderStatus(order)).isEqualTo("CONFIRMED");

		complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost",
				OrderFulfilment.VAR_TRACKING_NUMBER, "KZ123456789"));
		execute(job(process));

		assertThat(process).hasPassed("Task_RecordShipment").isWaitingAt(OrderFulfilment.TASK_ISSUE_INVOICE);
		JsonNode shipped = this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token()).json();
		Assertions.assertThat(shipped.path("status").asText()).isEqualTo("SHIPPED");
		Assertions.assertThat(shipped.path("carrier").asText()).isEqualTo("KazPost");
		JsonNode stock = this.api.get(ws() + "/stock?productId=" + product, this.owner.token())
			.json()
			.path("items")
			.get(0);
		Assertions.assertThat(stock.path("onHand").decimalValue()).isEqualByComparingTo("5");
		Assertions.assertThat(stock.path("reserved").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void cancelsBeforeShipmentAndReleasesTheReservedStock() {
		UUID product = product("SND-01", "Sand");
		UUID warehouse = warehouse("YARD");
		receive(warehouse, product, "10");
		JsonNode order = order(product, "4");
		ProcessInstance process = processOf(order);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);

		Api.Response cancelled = this.api.post(ws() + "/orders/" + order.path("id").asText() + "/cancel",
				this.owner.token(), Map.of("reason", "Customer withdrew"));

		Assertions.assertThat(cancelled.status()).isEqualTo(200);
		assertThat(process).hasPassed("Task_ReleaseReservations", OrderFulfilment.END_ORDER_CANCELLED).isEnded();
		JsonNode stock = this.api.get(ws() + "/stock?productId=" + product, this.owner.token())
			.json()
			.path("items")
			.get(0);
		Assertions.assertThat(stock.path("reserved").decimalValue()).isEqualByComparingTo("0");
		Assertions.assertThat(stock.path("onHand").decimalValue()).isEqualByComparingTo("10");
	}

	@Test
	void invoicesAfterShipmentRemindsWhileUnpaidAndCompletesWhenPaid() throws Exception {
		String customerEmail = "accounts-" + UUID.randomUUID().toString().substring(0, 8) + "@buyer.kz";
		UUID customer = customerWithEmail(customerEmail);
		Api.Response created = this.api
			.post(ws() + "/orders", this.owner.token(), Map.of("customerId", customer, "lines",
					List.of(Map.of("productName", "Installation service", "quantity", "1", "unitPrice", "100000.00"))));
		JsonNode order = created.json();
		ProcessInstance process = processOf(order);
		execute(job(process));
		complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "Own transport"));
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_ISSUE_INVOICE);

		execute(job(process));

		assertThat(process).hasPassed(OrderFulfilment.TASK_ISSUE_INVOICE)
			.isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		JsonNode invoiced = this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token()).json();
		Assertions.assertThat(invoiced.path("status").asText()).isEqualTo("INVOICED");
		JsonNode invoices = this.api.get(ws() + "/invoices?orderId=" + order.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(invoices.path("total").asInt()).isEqualTo(1);
		JsonNode invoice = invoices.path("items").get(0);
		Assertions.assertThat(invoice.path("number").asText()).isEqualTo(invoiced.path("invoiceNumber").asText());
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(customerEmail, INVOICE_MAIL) == 1);

		// the due date comes: a reminder, while the order still waits for payment
		Job dueTimer = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process.getId())
			.activityId("BoundaryEvent_PaymentDue")
			.singleResult();
		// the engine's clock stands at the due date, as when the timer fires for real
		ClockUtil.setCurrentTime(dueTimer.getDuedate());
		try {
			execute(dueTimer);
		}
		finally {
			ClockUtil.reset();
		}
		execute(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process.getId())
			.activityId(OrderFulfilment.TASK_SEND_PAYMENT_REMINDER)
			.singleResult());
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(customerEmail, "Payment reminder") == 1);
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		// the next reminder is scheduled a week later
		Assertions
			.assertThat(this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(process.getId())
				.activityId("BoundaryEvent_PaymentDue")
				.singleResult()
				.getDuedate())
			.isAfter(dueTimer.getDuedate());

		// 14 days overdue: a collection task for the managers
		execute(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process.getId())
			.activityId("BoundaryEvent_PaymentLongOverdue")
			.singleResult());
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT, OrderFulfilment.TASK_COLLECT_PAYMENT);

		String payments = ws() + "/invoices/" + invoice.path("id").asText() + "/payments";
		BigDecimal gross = invoice.path("grossTotal").decimalValue();
		Assertions.assertThat(gross).isEqualByComparingTo("116000.00");
		Api.Response partial = this.api.post(payments, this.owner.token(), Map.of("amount", "10000.00"));
		Assertions.assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT, OrderFulfilment.TASK_COLLECT_PAYMENT);
		Api.Response rest = this.api.post(payments, this.owner.token(),
				Map.of("amount", gross.subtract(new BigDecimal("10000.00")).toPlainString()));
		Assertions.assertThat(rest.status()).as(rest.toString()).isEqualTo(201);

		assertThat(process).hasPassed("Task_CompleteOrder", OrderFulfilment.END_ORDER_FULFILLED).isEnded();
		Assertions.assertThat(orderStatus(order)).isEqualTo("PAID");
		Assertions.assertThat(mailsTo(customerEmail, INVOICE_MAIL)).isEqualTo(1);
	}

	@Test
	void aRefusedShipmentGoesBackToTheShipTaskWithTheReasonInsteadOfAnIncident() {
		JsonNode order = serviceOrder("1", "5000.00");
		ProcessInstance process = processOf(order);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);

		// completed without a carrier (possible on the engine REST API, which skips the
		// form)
		complete(task(process));
		execute(job(process));

		assertThat(process).hasPassed(OrderFulfilment.BOUNDARY_SHIPMENT_REFUSED)
			.isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER)
			.variables()
			.extractingByKey(OrderFulfilment.VAR_SHIPMENT_PROBLEM)
			.asString()
			.contains("carrier");
		Assertions.assertThat(incidents(process)).isZero();
		Assertions.assertThat(orderStatus(order)).isEqualTo("CONFIRMED");

		complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost"));
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_ISSUE_INVOICE);
		Assertions.assertThat(orderStatus(order)).isEqualTo("SHIPPED");
	}

	@Test
	void aShipTaskWhoseVariablesPointAtAnotherWorkspacesOrderShipsAndInvoicesOnlyItsOwnOrder() {
		JsonNode ordersOfA = serviceOrder("1", "1000.00");
		ProcessInstance processOfA = processOf(ordersOfA);
		execute(job(processOfA));
		assertThat(processOfA).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);
		TestData.User ownerOfB = this.data.user("Bolat");
		TestData.Org orgOfB = this.data.organization(ownerOfB, "Bolat Logistics");
		UUID customerOfB = this.data.customer(ownerOfB, orgOfB.workspaceId(), "Pavlodar Retail LLP");
		Api.Response created = this.api.post("/api/workspaces/" + orgOfB.workspaceId() + "/orders", ownerOfB.token(),
				Map.of("customerId", customerOfB, "lines",
						List.of(Map.of("productName", "Freight", "quantity", "1", "unitPrice", "700.00"))));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode orderOfB = created.json();
		ProcessInstance processOfB = processOf(orderOfB);
		execute(job(processOfB));
		assertThat(processOfB).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);

		// test stand-in for a user of B who could write variables of B's own instance
		var runtime = this.engine.getRuntimeService();
		runtime.setVariable(processOfB.getId(), OrderFulfilment.VAR_ORDER_ID, ordersOfA.path("id").asText());
		runtime.setVariable(processOfB.getId(), OrderFulfilment.VAR_ORDER_NUMBER,
				ordersOfA.path("orderNumber").asText());
		runtime.setVariable(processOfB.getId(), "invoiceId", UUID.randomUUID().toString());
		complete(task(processOfB), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost", OrderFulfilment.VAR_ORDER_ID,
				ordersOfA.path("id").asText()));
		execute(job(processOfB));
		execute(job(processOfB));

		assertThat(processOfB).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Asia/Almaty")).getValue());
		JsonNode invoicedB = this.api
			.get("/api/workspaces/" + orgOfB.workspaceId() + "/orders/" + orderOfB.path("id").asText(),
					ownerOfB.token())
			.json();
		Assertions.assertThat(invoicedB.path("status").asText()).isEqualTo("INVOICED");
		Assertions.assertThat(invoicedB.path("invoiceNumber").asText()).isEqualTo("INV-" + year + "-000001");
		// A's order and A's invoice numbering are untouched
		Assertions.assertThat(orderStatus(ordersOfA)).isEqualTo("CONFIRMED");
		Assertions.assertThat(this.api.get(ws() + "/invoices", this.owner.token()).json().path("total").asInt())
			.isZero();
		assertThat(processOfA).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER);
		complete(task(processOfA), withVariables(OrderFulfilment.VAR_CARRIER, "Own transport"));
		execute(job(processOfA));
		execute(job(processOfA));
		JsonNode invoicedA = this.api.get(ws() + "/orders/" + ordersOfA.path("id").asText(), this.owner.token()).json();
		Assertions.assertThat(invoicedA.path("invoiceNumber").asText()).isEqualTo("INV-" + year + "-000001");
		Assertions.assertThat(this.api.get(ws() + "/invoices", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);
	}

	@Test
	void aReplenishTaskWhoseVariablesPointAtAnotherWorkspacesOrderReservesOnlyItsOwnOrder() {
		UUID productOfA = product("CEM-A", "Cement of A");
		UUID warehouseOfA = warehouse("A-MAIN");
		JsonNode orderOfA = order(productOfA, "5");
		ProcessInstance processOfA = processOf(orderOfA);
		execute(job(processOfA));
		replenishmentFailed(processOfA, this.org.workspaceId(), orderOfA);
		assertThat(processOfA).isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK);
		TestData.User ownerOfB = this.data.user("Dias");
		TestData.Org orgOfB = this.data.organization(ownerOfB, "Dias Building");
		String wsOfB = "/api/workspaces/" + orgOfB.workspaceId();
		UUID customerOfB = this.data.customer(ownerOfB, orgOfB.workspaceId(), "Aktobe Homes LLP");
		Api.Response productOfB = this.api.post(wsOfB + "/products", ownerOfB.token(),
				Map.of("code", "CEM-B", "name", "Cement of B", "unit", "t", "price", "30000.00"));
		Api.Response warehouseOfB = this.api.post(wsOfB + "/warehouses", ownerOfB.token(),
				Map.of("code", "B-MAIN", "name", "Main"));
		Api.Response createdB = this.api.post(wsOfB + "/orders", ownerOfB.token(),
				Map.of("customerId", customerOfB, "lines", List.of(Map.of("productId", productOfB.json().path("id"),
						"productName", "Cement of B", "quantity", "5", "unitPrice", "30000.00"))));
		Assertions.assertThat(createdB.status()).as(createdB.toString()).isEqualTo(201);
		JsonNode orderOfB = createdB.json();
		ProcessInstance processOfB = processOf(orderOfB);
		execute(job(processOfB));
		replenishmentFailed(processOfB, orgOfB.workspaceId(), orderOfB);
		assertThat(processOfB).isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK);
		receive(warehouseOfA, productOfA, "10");
		Assertions
			.assertThat(
					this.api
						.post(wsOfB + "/stock/receipts", ownerOfB.token(),
								Map.of("warehouseId", warehouseOfB.json().path("id"), "productId",
										productOfB.json().path("id"), "quantity", "10"))
						.status())
			.isEqualTo(201);

		// test stand-in for a user of B who could write variables of B's own instance
		this.engine.getRuntimeService()
			.setVariable(processOfB.getId(), OrderFulfilment.VAR_ORDER_ID, orderOfA.path("id").asText());
		complete(task(processOfB), withVariables(OrderFulfilment.VAR_ORDER_NUMBER,
				orderOfA.path("orderNumber").asText(), OrderFulfilment.VAR_WORKSPACE_ID, this.org.workspaceId()));
		execute(job(processOfB));

		// the next task is still for B's members: candidate groups come from the tenant,
		// not a variable
		assertThat(processOfB).isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER)
			.task()
			.hasCandidateGroup(orgOfB.workspaceId() + ":member");
		Assertions
			.assertThat(this.api.get(wsOfB + "/orders/" + orderOfB.path("id").asText(), ownerOfB.token())
				.json()
				.path("status")
				.asText())
			.isEqualTo("CONFIRMED");
		Assertions.assertThat(orderStatus(orderOfA)).isEqualTo("AWAITING_STOCK");
		JsonNode stockOfA = this.api.get(ws() + "/stock?productId=" + productOfA, this.owner.token())
			.json()
			.path("items")
			.get(0);
		Assertions.assertThat(stockOfA.path("reserved").decimalValue()).isEqualByComparingTo("0");
		assertThat(processOfA).isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK);
	}

	@Test
	void aReminderWhoseVariablesPointAtAnotherWorkspacesInvoiceRemindsOnlyItsOwnCustomer() throws Exception {
		String emailOfA = "owes-a-" + UUID.randomUUID().toString().substring(0, 8) + "@buyer.kz";
		Api.Response customerOfA = this.api.post(ws() + "/customers", this.owner.token(),
				Map.of("type", "COMPANY", "name", "A's Customer LLP", "email", emailOfA, "taxId", TestData.nextBin()));
		Api.Response createdA = this.api.post(ws() + "/orders", this.owner.token(),
				Map.of("customerId", customerOfA.json().path("id"), "lines",
						List.of(Map.of("productName", "Audit", "quantity", "1", "unitPrice", "1000.00"))));
		JsonNode orderOfA = createdA.json();
		ProcessInstance processOfA = processOf(orderOfA);
		execute(job(processOfA));
		complete(task(processOfA), withVariables(OrderFulfilment.VAR_CARRIER, "Courier"));
		execute(job(processOfA));
		execute(job(processOfA));
		JsonNode invoiceOfA = invoiceOf(orderOfA);
		TestData.User ownerOfB = this.data.user("Erzhan");
		TestData.Org orgOfB = this.data.organization(ownerOfB, "Erzhan Services");
		String emailOfB = "owes-b-" + UUID.randomUUID().toString().substring(0, 8) + "@buyer.kz";
		Api.Response customerOfB = this.api.post("/api/workspaces/" + orgOfB.workspaceId() + "/customers",
				ownerOfB.token(),
				Map.of("type", "COMPANY", "name", "B's Customer LLP", "email", emailOfB, "taxId", TestData.nextBin()));
		JsonNode orderOfB = this.api.post("/api/workspaces/" + orgOfB.workspaceId() + "/orders", ownerOfB.token(),
				Map.of("customerId", customerOfB.json().path("id"), "lines",
						List.of(Map.of("productName", "Audit", "quantity", "1", "unitPrice", "2000.00"))))
			.json();
		ProcessInstance processOfB = processOf(orderOfB);
		execute(job(processOfB));
		complete(task(processOfB), withVariables(OrderFulfilment.VAR_CARRIER, "Courier"));
		execute(job(processOfB));
		execute(job(processOfB));
		assertThat(processOfB).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsTo(emailOfA, INVOICE_MAIL) == 1 && mailsTo(emailOfB, INVOICE_MAIL) == 1);

		// test stand-in for a user of B who could write variables of B's own instance
		this.engine.getRuntimeService().setVariable(processOfB.getId(), "invoiceId", invoiceOfA.path("id").asText());
		execute(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processOfB.getId())
			.activityId(OrderFulfilment.BOUNDARY_PAYMENT_DUE)
			.singleResult());
		execute(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processOfB.getId())
			.activityId(OrderFulfilment.TASK_SEND_PAYMENT_REMINDER)
			.singleResult());

		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(emailOfB, "Payment reminder") == 1);
		Thread.sleep(500);
		Assertions.assertThat(mailsTo(emailOfA, "Payment reminder")).isZero();
	}

	@Test
	void invoicesWithThePriceBasisFixedWhenTheOrderWasPlaced() {
		Api.Response productCreated = this.api.post(ws() + "/products", this.owner.token(), Map.of("code", "KIT-1",
				"name", "Retail kit", "unit", "pcs", "price", "1160.00", "priceIncludesVat", true));
		Assertions.assertThat(productCreated.status()).as(productCreated.toString()).isEqualTo(201);
		UUID product = UUID.fromString(productCreated.json().path("id").asText());
		receive(warehouse("KITS"), product, "5");
		Api.Response created = this.api.post(ws() + "/orders", this.owner.token(),
				Map.of("customerId", this.customerId, "lines", List.of(Map.of("productId", product, "productName",
						"Retail kit", "quantity", "1", "unitPrice", "1160.00"))));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode order = created.json();
		Assertions.assertThat(order.path("lines").get(0).path("priceIncludesVat").asBoolean()).isTrue();
		Assertions.assertThat(order.path("lines").get(0).path("vatCategory").asText()).isEqualTo("STANDARD");
		ProcessInstance process = processOf(order);
		execute(job(process));

		// the product switches to prices without VAT before the order ships
		Api.Response switched = this.api.patch(ws() + "/products/" + product, this.owner.token(),
				Map.of("priceIncludesVat", false));
		Assertions.assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
		complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost"));
		execute(job(process));
		execute(job(process));

		JsonNode invoice = invoiceOf(order);
		Assertions.assertThat(invoice.path("grossTotal").decimalValue()).isEqualByComparingTo("1160.00");
		Assertions.assertThat(invoice.path("vatTotal").decimalValue()).isEqualByComparingTo("160.00");
		Assertions.assertThat(invoice.path("lines").get(0).path("priceIncludesVat").asBoolean()).isTrue();
		Assertions.assertThat(invoice.path("sourceDocument").asText()).isEqualTo(order.path("orderNumber").asText());
	}

	@Test
	void invoicesAtTheRateOfTheShipmentDateWhenTheInvoiceJobRunsAfterMidnight() {
		Api.Response productCreated = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", "MED-1", "name", "Bandage", "unit", "pcs", "price", "100.00", "vatCategory", "MEDICAL"));
		Assertions.assertThat(productCreated.status()).as(productCreated.toString()).isEqualTo(201);
		UUID product = UUID.fromString(productCreated.json().path("id").asText());
		receive(warehouse("MEDS"), product, "10");
		Api.Response created = this.api
			.post(ws() + "/orders", this.owner.token(), Map.of("customerId", this.customerId, "lines", List
				.of(Map.of("productId", product, "productName", "Bandage", "quantity", "10", "unitPrice", "100.00"))));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode order = created.json();
		ProcessInstance process = processOf(order);
		execute(job(process));
		try {
			// shipped at 23:30 on 31 December 2026 in Almaty: medical goods at 5%
			this.clock.set(java.time.Instant.parse("2026-12-31T18:30:00Z"));
			complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost"));
			execute(job(process));
			// the invoice job runs (or is retried) after midnight, when 10% is in force
			this.clock.set(java.time.Instant.parse("2027-01-01T01:00:00Z"));
			execute(job(process));
		}
		finally {
			this.clock.reset();
		}

		JsonNode invoice = invoiceOf(order);
		Assertions.assertThat(invoice.path("turnoverDate").asText()).isEqualTo("2026-12-31");
		Assertions.assertThat(invoice.path("issueDate").asText()).isEqualTo("2027-01-01");
		Assertions.assertThat(invoice.path("vatTotal").decimalValue()).isEqualByComparingTo("50.00");
		Assertions.assertThat(invoice.path("grossTotal").decimalValue()).isEqualByComparingTo("1050.00");
	}

	@Test
	void aRefusedInvoiceBecomesATaskForAManagerAndIsIssuedOnceTheCauseIsFixed() throws Exception {
		Api.Response productCreated = this.api.post(ws() + "/products", this.owner.token(), Map.of("code", "PER-1",
				"name", "Weekly paper", "unit", "pcs", "price", "10.00", "vatCategory", "PERIODICALS"));
		Assertions.assertThat(productCreated.status()).as(productCreated.toString()).isEqualTo(201);
		UUID product = UUID.fromString(productCreated.json().path("id").asText());
		receive(warehouse("PRESS"), product, "10");
		Api.Response created = this.api.post(ws() + "/orders", this.owner.token(),
				Map.of("customerId", this.customerId, "lines", List.of(Map.of("productId", product, "productName",
						"Weekly paper", "quantity", "10", "unitPrice", "10.00"))));
		JsonNode order = created.json();
		ProcessInstance process = processOf(order);
		execute(job(process));
		complete(task(process), withVariables(OrderFulfilment.VAR_CARRIER, "KazPost"));
		execute(job(process));
		var repository = this.engine.getRepositoryService();
		String table = new String(getClass().getResourceAsStream("/dmn/vat-rate.dmn").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		// a table that has lost its rows for periodicals (a bad edit by a process owner)
		String broken = table.replace("&quot;PERIODICALS&quot;</text>\n        </inputEntry>",
				"&quot;NO_SUCH_CATEGORY&quot;</text>\n        </inputEntry>");
		Assertions.assertThat(broken).isNotEqualTo(table);
		repository.createDeployment().name("vat-rate without periodicals").addString("vat-rate.dmn", broken).deploy();
		try {
			execute(job(process));

			assertThat(process).hasPassed(OrderFulfilment.BOUNDARY_INVOICING_REFUSED)
				.isWaitingAt(OrderFulfilment.TASK_RESOLVE_INVOICING)
				.task()
				.hasCandidateGroup(this.org.workspaceId() + ":manager");
			assertThat(process).variables()
				.extractingByKey(OrderFulfilment.VAR_INVOICING_PROBLEM)
				.asString()
				.contains("PERIODICALS");
			Assertions.assertThat(incidents(process)).isZero();
			Assertions.assertThat(orderStatus(order)).isEqualTo("SHIPPED");
		}
		finally {
			repository.createDeployment().name("vat-rate restored").addString("vat-rate.dmn", table).deploy();
		}

		complete(task(process));
		execute(job(process));

		assertThat(process).isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		Assertions.assertThat(orderStatus(order)).isEqualTo("INVOICED");
		Assertions.assertThat(invoiceOf(order).path("vatTotal").decimalValue()).isEqualByComparingTo("16.00");
	}

	/**
	 * The order came up short and waits at the request to production: as if production
	 * had been asked (test stand-in: the instance is moved on to wait for its answer) and
	 * then reported the production order cancelled, which sales turns into
	 * {@code Msg_ReplenishmentFailed}.
	 */
	private void replenishmentFailed(ProcessInstance process, UUID workspaceId, JsonNode order) {
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REQUEST_REPLENISHMENT);
		this.engine.getRuntimeService()
			.createProcessInstanceModification(process.getId())
			.cancelAllForActivity(OrderFulfilment.TASK_REQUEST_REPLENISHMENT)
			.startBeforeActivity(OrderFulfilment.GATEWAY_AWAIT_REPLENISHMENT)
			.execute();
		this.events.publishEvent(
				new ProductionEvents.ProductionRunStopped(workspaceId, UUID.randomUUID(), "MO-2026-900001", "CANCELLED",
						null, UUID.fromString(order.path("id").asText()), null, null, java.time.Instant.now()));
	}

	private JsonNode invoiceOf(JsonNode order) {
		JsonNode invoices = this.api.get(ws() + "/invoices?orderId=" + order.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(invoices.path("total").asInt()).isEqualTo(1);
		return invoices.path("items").get(0);
	}

	private JsonNode serviceOrder(String quantity, String price) {
		Api.Response created = this.api
			.post(ws() + "/orders", this.owner.token(), Map.of("customerId", this.customerId, "lines",
					List.of(Map.of("productName", "Installation service", "quantity", quantity, "unitPrice", price))));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private long incidents(ProcessInstance process) {
		return this.engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count();
	}

	private UUID customerWithEmail(String email) {
		Api.Response created = this.api.post(ws() + "/customers", this.owner.token(),
				Map.of("type", "COMPANY", "name", "Paying Customer LLP", "email", email, "taxId", TestData.nextBin()));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private long mailsTo(String address, String subjectPrefix) throws Exception {
		long count = 0;
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			boolean toAddress = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(a -> a.toString().equals(address));
			if (toAddress && message.getSubject().startsWith(subjectPrefix)) {
				count++;
			}
		}
		return count;
	}

	private UUID product(String code, String name) {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", code, "name", name, "unit", "t", "price", "30000.00"));
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
						"Goods", "quantity", quantity, "unitPrice", "30000.00"))));
		Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/**
	 * The order's instance as Cockpit finds it: by the order number in the order's
	 * workspace.
	 */
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
		return this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token())
			.json()
			.path("status")
			.asText();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
