package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.production.PurchasingManagement.ApprovalStep;
import kz.prometric.erp.production.PurchasingManagement.ApproverLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Decide who approves": binds the instance's requisition to it and has the
 * purchase-approval table choose the approver; tells the process the level and, for a
 * person, the candidate group of the approval task (managers or the owner of the
 * instance's workspace).
 */
@Component
class DecidePurchaseApproverDelegate implements JavaDelegate {

	private final PurchasingManagement purchasing;

	DecidePurchaseApproverDelegate(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApprovalStep step = this.purchasing.decideApprover(PurchaseRequisition.instance(execution));
		execution.setVariable(PurchaseRequisition.VAR_APPROVER, step.level().name());
		execution.setVariable(PurchaseRequisition.VAR_APPROVER_GROUP,
				execution.getTenantId() + ((step.level() == ApproverLevel.OWNER) ? ":owner" : ":manager"));
		PurchaseForms.show(execution, step.task());
	}

}
