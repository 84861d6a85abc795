package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The payment-due timer fired: finance reminds the customer of the instance's order's
 * invoice if it is still open.
 */
@Component("sendPaymentReminderDelegate")
class SendPaymentReminderDelegate implements JavaDelegate {

	private final OrderManagement orders;

	SendPaymentReminderDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.remindOfPayment(OrderFulfilment.instance(execution));
	}

}
