package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The invoice is paid: the order is complete.
 */
@Component
class CompleteOrderDelegate implements JavaDelegate {

	private final OrderManagement orders;

	CompleteOrderDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.markPaid(OrderFulfilment.instance(execution));
	}

}
