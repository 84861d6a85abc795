package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The order was cancelled before shipment: gives its reserved stock back.
 */
@Component
class ReleaseReservationsDelegate implements JavaDelegate {

	private final OrderManagement orders;

	ReleaseReservationsDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.releaseReservations(OrderFulfilment.instance(execution));
	}

}
