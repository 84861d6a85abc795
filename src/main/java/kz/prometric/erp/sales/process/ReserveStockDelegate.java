package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Reserves stock for the order's lines; tells the process whether everything is reserved.
 */
@Component
class ReserveStockDelegate implements JavaDelegate {

	private final OrderManagement orders;

	ReserveStockDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean complete = this.orders.reserveStock(OrderFulfilment.instance(execution));
		execution.setVariable(OrderFulfilment.VAR_STOCK_RESERVED, complete);
	}

}
