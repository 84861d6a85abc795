package kz.prometric.erp.finance.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Issues the invoice of the process's order (variable {@code orderId}), turnover date
 * today in Asia/Almaty, and sets {@code invoiceId}, {@code invoiceNumber} and
 * {@code invoiceDueDate}. Idempotent: a retry answers the same invoice.
 */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

	private final InvoiceManagement invoices;

	private final Clock clock;

	IssueInvoiceDelegate(InvoiceManagement invoices, Clock clock) {
		this.invoices = invoices;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UUID orderId = UUID.fromString((String) execution.getVariable("orderId"));
		InvoiceView invoice = this.invoices.issueForOrder(orderId,
				LocalDate.now(this.clock.withZone(InvoiceManagement.BUSINESS_ZONE)));
		execution.setVariables(InvoiceManagement.processVariables(invoice));
	}

}
