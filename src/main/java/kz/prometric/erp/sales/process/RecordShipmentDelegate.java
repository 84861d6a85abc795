package kz.prometric.erp.sales.process;

import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * After the shipping task: marks the instance's order shipped with carrier and tracking
 * number (the ship-order form's fields) and issues its reserved stock. A refusal by the
 * order's rules (no carrier) is the BPMN error {@code Err_ShipmentRefused}, which leads
 * back to the ship task.
 */
@Component
class RecordShipmentDelegate implements JavaDelegate {

	private final OrderManagement orders;

	RecordShipmentDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object carrier = execution.getVariable(OrderFulfilment.VAR_CARRIER);
		Object trackingNumber = execution.getVariable(OrderFulfilment.VAR_TRACKING_NUMBER);
		try {
			this.orders.ship(OrderFulfilment.instance(execution), (carrier == null) ? null : carrier.toString(),
					(trackingNumber == null) ? null : trackingNumber.toString());
		}
		catch (BusinessRuleViolation refused) {
			// a person completes the ship task again with what was missing
			throw new BpmnError(OrderFulfilment.ERR_SHIPMENT_REFUSED, refused.getMessage());
		}
	}

}
