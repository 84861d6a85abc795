package kz.prometric.erp.sales.process;

import java.util.UUID;

import kz.prometric.erp.sales.OrderManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * After the shipping task: marks the order shipped with carrier and tracking number and
 * issues its reserved stock.
 */
@Component
class RecordShipmentDelegate implements JavaDelegate {

	private final OrderManagement orders;

	RecordShipmentDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.ship(UUID.fromString((String) execution.getVariable(OrderFulfilment.VAR_ORDER_ID)),
				(String) execution.getVariable(OrderFulfilment.VAR_CARRIER),
				(String) execution.getVariable(OrderFulfilment.VAR_TRACKING_NUMBER));
	}

}
