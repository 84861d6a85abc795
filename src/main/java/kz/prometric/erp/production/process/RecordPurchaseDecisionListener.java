package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * On completing "Approve purchase": the person completing the task (the engine's
 * authenticated user, not a variable) must hold the role the requisition's level needs in
 * the instance's workspace, checked on the server now, else the completion is refused and
 * the task stays open; the decision, who and when are recorded on the requisition, and
 * the process learns from the requisition whether it is approved.
 */
@Component
class RecordPurchaseDecisionListener implements TaskListener {

	private final PurchasingManagement purchasing;

	RecordPurchaseDecisionListener(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void notify(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		Object decision = task.getVariable(PurchaseRequisition.VAR_DECISION);
		Object comment = task.getVariable(PurchaseRequisition.VAR_COMMENT);
		boolean approved = this.purchasing.decide(PurchaseRequisition.instance(task.getExecution()),
				(current != null) ? current.getUserId() : null, (decision != null) ? decision.toString() : null,
				(comment != null) ? comment.toString() : null);
		task.getExecution().setVariable(PurchaseRequisition.VAR_REQUISITION_APPROVED, approved);
	}

}
