package kz.prometric.erp.sales.process;

import java.util.UUID;

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
		this.orders.markPaid(UUID.fromString((String) execution.getVariable(OrderFulfilment.VAR_ORDER_ID)));
	}

}
