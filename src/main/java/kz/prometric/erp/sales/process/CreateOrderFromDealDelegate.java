package kz.prometric.erp.sales.process;

import java.util.UUID;

import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.sales.OrderView;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The deal was won: places its order (exactly once; a retried job answers the same
 * order).
 */
@Component
class CreateOrderFromDealDelegate implements JavaDelegate {

	private final OrderManagement orders;

	CreateOrderFromDealDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		OrderView order = this.orders
			.placeForWonDeal(UUID.fromString((String) execution.getVariable(OrderFulfilment.VAR_DEAL_ID)));
		execution.setVariable(OrderFulfilment.VAR_ORDER_ID, order.id().toString());
		execution.setVariable(OrderFulfilment.VAR_ORDER_NUMBER, order.orderNumber());
	}

}
