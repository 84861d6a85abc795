package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** "Record rejection": announces the rejected requisition with its reason. */
@Component
class RecordPurchaseRejectionDelegate implements JavaDelegate {

	private final PurchasingManagement purchasing;

	RecordPurchaseRejectionDelegate(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = this.purchasing.recordRejection(PurchaseRequisition.instance(execution));
		execution.setVariable(PurchaseRequisition.VAR_REJECTION_REASON, reason);
	}

}
