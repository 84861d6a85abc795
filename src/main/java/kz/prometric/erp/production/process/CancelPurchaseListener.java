package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

/**
 * When a purchase-requisition instance ends: if it was cancelled rather than completed
 * (its production run was cancelled, or it was deleted), its open requisition and
 * unreceived purchase order are cancelled, so a later materials check raises a new one.
 */
@Component
class CancelPurchaseListener implements ExecutionListener {

	private final PurchasingManagement purchasing;

	CancelPurchaseListener(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.isCanceled() && execution.getTenantId() != null && execution.getProcessBusinessKey() != null) {
			this.purchasing.cancelled(PurchaseRequisition.instance(execution), "The purchase process was cancelled");
		}
	}

}
