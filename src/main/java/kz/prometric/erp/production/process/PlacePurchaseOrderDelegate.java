package kz.prometric.erp.production.process;

import java.util.Optional;

import kz.prometric.erp.production.PurchaseInstance;
import kz.prometric.erp.production.PurchasingManagement;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Place purchase order": orders the approved requisition from the cheapest active
 * supplier. When none offers the product, the requisition has been rejected with that
 * reason and the process records the rejection ({@code Err_NoSupplier}).
 */
@Component
class PlacePurchaseOrderDelegate implements JavaDelegate {

	private final PurchasingManagement purchasing;

	PlacePurchaseOrderDelegate(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		PurchaseInstance instance = PurchaseRequisition.instance(execution);
		Optional<String> placed = this.purchasing.placePurchaseOrder(instance);
		PurchaseForms.show(execution, this.purchasing.taskView(instance));
		if (placed.isEmpty()) {
			throw new BpmnError(PurchaseRequisition.ERR_NO_SUPPLIER, "No purchase order placed");
		}
	}

}
