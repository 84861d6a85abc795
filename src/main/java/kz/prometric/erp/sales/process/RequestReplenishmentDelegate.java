package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.sales.OrderManagement.ReplenishmentRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Asks production to make or buy what the order's lines still lack; tells the process
 * whether everything got reserved meanwhile (then it reserves again instead of waiting)
 * and shows people what was asked for.
 */
@Component
class RequestReplenishmentDelegate implements JavaDelegate {

	private final OrderManagement orders;

	RequestReplenishmentDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReplenishmentRequest request = this.orders.requestReplenishment(OrderFulfilment.instance(execution));
		execution.setVariable(OrderFulfilment.VAR_STOCK_RESERVED, request.complete());
		execution.setVariable(OrderFulfilment.VAR_REPLENISHMENTS, request.summary());
	}

}
