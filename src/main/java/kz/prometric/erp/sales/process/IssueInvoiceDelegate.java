package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderInvoice;
import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Has finance issue the invoice of the instance's shipped order (turnover date = the
 * shipment date) and marks the order invoiced; sets {@code invoiceNumber} for people and
 * the timer dates {@code invoiceDueDate} and {@code collectionAt}. Idempotent: a retry
 * answers the same invoice. A refusal by a business rule (e.g. no VAT rate for a
 * category) is the BPMN error {@code Err_InvoicingRefused}: a task for a manager.
 */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

	private final OrderManagement orders;

	IssueInvoiceDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		OrderInvoice invoice;
		try {
			invoice = this.orders.invoice(OrderFulfilment.instance(execution));
		}
		catch (BusinessRuleViolation refused) {
			throw new BpmnError(OrderFulfilment.ERR_INVOICING_REFUSED, refused.getMessage());
		}
		execution.setVariable(OrderFulfilment.VAR_INVOICE_NUMBER, invoice.invoiceNumber());
		execution.setVariable(OrderFulfilment.VAR_INVOICE_DUE_DATE, invoice.dueAt());
		execution.setVariable(OrderFulfilment.VAR_COLLECTION_AT, invoice.collectionAt());
	}

}
