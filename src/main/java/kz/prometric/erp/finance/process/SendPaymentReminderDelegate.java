package kz.prometric.erp.finance.process;

import java.util.UUID;

import kz.prometric.erp.finance.InvoiceManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The payment-due timer fired: reminds the customer of the invoice (variable
 * {@code invoiceId}) if it is still unpaid.
 */
@Component("sendPaymentReminderDelegate")
class SendPaymentReminderDelegate implements JavaDelegate {

	private final InvoiceManagement invoices;

	SendPaymentReminderDelegate(InvoiceManagement invoices) {
		this.invoices = invoices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.invoices.remind(UUID.fromString((String) execution.getVariable(InvoiceManagement.VAR_INVOICE_ID)));
	}

}
