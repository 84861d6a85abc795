package kz.prometric.erp.sales.process;

import java.util.UUID;

import kz.prometric.erp.sales.OrderManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * After the invoice is issued: records its number on the order and schedules collection
 * 14 days after the due date.
 */
@Component
class MarkOrderInvoicedDelegate implements JavaDelegate {

	private final OrderManagement orders;

	MarkOrderInvoicedDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String collectionAt = this.orders.markInvoiced(
				UUID.fromString((String) execution.getVariable(OrderFulfilment.VAR_ORDER_ID)),
				(String) execution.getVariable(OrderFulfilment.VAR_INVOICE_NUMBER),
				(String) execution.getVariable(OrderFulfilment.VAR_INVOICE_DUE_DATE));
		execution.setVariable(OrderFulfilment.VAR_COLLECTION_AT, collectionAt);
	}

}
