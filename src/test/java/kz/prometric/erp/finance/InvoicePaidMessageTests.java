package kz.prometric.erp.finance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment that settles an invoice correlates {@code Msg_InvoicePaid} to the process
 * waiting for that invoice (test process {@code invoice-paid-receiver}), and only then.
 */
@ErpIntegrationTest
class InvoicePaidMessageTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Test
	void theFullPaymentEndsTheProcessWaitingForTheInvoice() {
		TestData.User owner = this.data.user("Erlan");
		TestData.Org org = this.data.organization(owner, "Erlan Supply");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Payer LLP");
		Api.Response order = this.api.post("/api/workspaces/" + org.workspaceId() + "/orders", owner.token(),
				Map.of("customerId", customer, "lines",
						java.util.List.of(Map.of("productName", "Goods", "quantity", "1", "unitPrice", "100.00"))));
		InvoiceView invoice = this.invoices.issueForOrder(UUID.fromString(order.json().path("id").asText()),
				LocalDate.of(2026, 1, 1));
		ProcessInstance waiting = this.runtime.startProcessInstanceByKey("invoice-paid-receiver", Map.of("workspaceId",
				org.workspaceId().toString(), InvoiceManagement.VAR_INVOICE_ID, invoice.id().toString()));
		ProcessInstance other = this.runtime.startProcessInstanceByKey("invoice-paid-receiver", Map.of("workspaceId",
				org.workspaceId().toString(), InvoiceManagement.VAR_INVOICE_ID, UUID.randomUUID().toString()));

		this.invoices.recordPayment(org.workspaceId(), owner.id(), invoice.id(), new java.math.BigDecimal("40.00"),
				null, "part");
		assertThat(ended(waiting)).isFalse();
		this.invoices.recordPayment(org.workspaceId(), owner.id(), invoice.id(), new java.math.BigDecimal("76.00"),
				null, "rest");

		assertThat(ended(waiting)).isTrue();
		assertThat(ended(other)).isFalse();
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(waiting.getId())
			.activityId("EndEvent_InvoiceSettled")
			.count()).isEqualTo(1);
		this.runtime.deleteProcessInstance(other.getId(), "test done");
	}

	@Test
	void processVariablesCarryTheInvoiceAndItsDueDateAt9InAlmaty() {
		InvoiceView invoice = new InvoiceView(UUID.randomUUID(), null, InvoiceKind.INVOICE, "INV-2026-000007", null,
				null, null, null, null, null, null, null, null, null, null, null, null, LocalDate.of(2026, 2, 3), "KZT",
				java.util.List.of(), java.util.List.of(), null, null, null, null, null, InvoiceStatus.ISSUED, false,
				null, null, 0);

		Map<String, Object> variables = InvoiceManagement.processVariables(invoice);

		assertThat(variables).containsEntry("invoiceId", invoice.id().toString())
			.containsEntry("invoiceNumber", "INV-2026-000007")
			.containsEntry("invoiceDueDate", "2026-02-03T09:00:00+05:00");
		assertThat(OffsetDateTime.parse((String) variables.get("invoiceDueDate")).getHour()).isEqualTo(9);
	}

	private boolean ended(ProcessInstance instance) {
		return this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
	}

}
