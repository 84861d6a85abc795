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
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
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

import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The order-fulfilment process up to shipment: from a won deal or a hand-entered order,
 * through stock reservation (and waiting for stock), to shipping; and cancellation before
 * shipment.
 */
@ErpIntegrationTest
class OrderFulfilmentProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

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
		ProcessInstance process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OrderFulfilment.KEY)
			.variableValueEquals(OrderFulfilment.VAR_DEAL_ID, deal.path("id").asText())
			.singleResult();

		assertThat(process).isWaitingAt(OrderFulfilment.TASK_CREATE_ORDER);
		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_RESERVE_STOCK);
		execute(job(process));

		assertThat(process).hasPassedInOrder(OrderFulfilment.TASK_CREATE_ORDER, OrderFulfilment.TASK_RESERVE_STOCK)
			.isWaitingAt(OrderFulfilment.TASK_SHIP_ORDER)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":member");
		JsonNode orders = this.api.get(ws() + "/orders", this.owner.token()).json();
		Assertions.assertThat(orders.path("total").asInt()).isEqualTo(1);
		JsonNode order = orders.path("items").get(0);
		Assertions.assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
		Assertions.assertThat(order.path("dealId").asText()).isEqualTo(deal.path("id").asText());
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
		JsonNode invoices = this.api.get(ws() + "/invoices?orderId=" + order.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(invoices.path("total").asInt()).isEqualTo(1);
		JsonNode invoice = invoices.path("items").get(0);
		// 1000 × 95.00 = 95,000.00 at the standard rate in force on the turnover date
		// (16% in 2026)
		Assertions.assertThat(invoice.path("netTotal").decimalValue()).isEqualByComparingTo("95000.00");
		Assertions.assertThat(invoice.path("vatTotal").decimalValue()).isEqualByComparingTo("15200.00");
		Assertions.assertThat(invoice.path("grossTotal").decimalValue()).isEqualByComparingTo("110200.00");
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(customerEmail, "Invoice ") == 1);

		Api.Response paid = this.api.post(ws() + "/invoices/" + invoice.path("id").asText() + "/payments",
				this.owner.token(), Map.of("amount", "110200.00"));

		Assertions.assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(process).hasPassed(OrderFulfilment.END_ORDER_FULFILLED).isEnded();
		Assertions.assertThat(orderStatus(order)).isEqualTo("PAID");
		Assertions.assertThat(mailsTo(customerEmail, "Invoice ")).isEqualTo(1);
		JsonNode stock = this.api.get(ws() + "/stock?productId=" + product, this.owner.token())
			.json()
			.path("items")
			.get(0);
		Assertions.assertThat(stock.path("onHand").decimalValue()).isEqualByComparingTo("500");
		Assertions.assertThat(stock.path("reserved").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void waitsForStockThenReservesAgainAndShips() {
		UUID product = product("CEM-500", "Cement M500");
		UUID warehouse = warehouse("MAIN");
		JsonNode order = order(product, "20");
		ProcessInstance process = processOf(order);

		execute(job(process));
		assertThat(process).isWaitingAt(OrderFulfilment.TASK_REPLENISH_STOCK)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":manager");
		Assertions.assertThat(orderStatus(order)).isEqualTo("AWAITING_STOCK");

		receive(warehouse, product, "25");
		complete(task(process));
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

		assertThat(process).hasPassed(OrderFulfilment.TASK_ISSUE_INVOICE, "Task_MarkOrderInvoiced")
			.isWaitingAt(OrderFulfilment.TASK_AWAIT_PAYMENT);
		JsonNode invoiced = this.api.get(ws() + "/orders/" + order.path("id").asText(), this.owner.token()).json();
		Assertions.assertThat(invoiced.path("status").asText()).isEqualTo("INVOICED");
		JsonNode invoices = this.api.get(ws() + "/invoices?orderId=" + order.path("id").asText(), this.owner.token())
			.json();
		Assertions.assertThat(invoices.path("total").asInt()).isEqualTo(1);
		JsonNode invoice = invoices.path("items").get(0);
		Assertions.assertThat(invoice.path("number").asText()).isEqualTo(invoiced.path("invoiceNumber").asText());
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(customerEmail, "Invoice ") == 1);

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
		Assertions.assertThat(mailsTo(customerEmail, "Invoice ")).isEqualTo(1);
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

	private ProcessInstance processOf(JsonNode order) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OrderFulfilment.KEY)
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.variableValueEquals(OrderFulfilment.VAR_ORDER_ID, order.path("id").asText())
			.singleResult();
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
