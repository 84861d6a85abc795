package kz.prometric.erp.crm.process;

import kz.prometric.erp.crm.DealManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Check whether the discount needs approval": asks the instance's deal, as its lines and
 * value are now, whether its discount needs a manager's approval that it does not have
 * (the discount-approval decision), and refreshes what the approval form shows.
 */
@Component
class CheckDiscountApprovalDelegate implements JavaDelegate {

	private final DealManagement deals;

	CheckDiscountApprovalDelegate(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DealInstance deal = DealInstance.of(execution);
		execution.setVariable(DealLifecycle.VAR_APPROVAL_REQUIRED,
				this.deals.discountApprovalMissing(deal.workspaceId(), deal.dealId()));
		DealInstance.show(execution, this.deals.taskView(deal.workspaceId(), deal.dealId()));
	}

}
