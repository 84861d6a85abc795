package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * On completing "Receive goods": records on the purchase order who reported the delivery
 * (the engine's authenticated user, a member of the instance's workspace, else refused)
 * and its delivery note.
 */
@Component
class ReportPurchaseReceiptListener implements TaskListener {

	private final PurchasingManagement purchasing;

	ReportPurchaseReceiptListener(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void notify(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		Object note = task.getVariable(PurchaseRequisition.VAR_DELIVERY_NOTE);
		this.purchasing.reportReceipt(PurchaseRequisition.instance(task.getExecution()),
				(current != null) ? current.getUserId() : null, (note != null) ? note.toString() : null);
	}

}
