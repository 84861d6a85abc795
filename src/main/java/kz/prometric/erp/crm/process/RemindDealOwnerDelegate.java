package kz.prometric.erp.crm.process;

import kz.prometric.erp.crm.DealManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The expected close date has come while the instance's deal is still open: reminds its
 * owner.
 */
@Component
class RemindDealOwnerDelegate implements JavaDelegate {

	private final DealManagement deals;

	RemindDealOwnerDelegate(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DealInstance deal = DealInstance.of(execution);
		this.deals.remindOwner(deal.workspaceId(), deal.dealId());
	}

}
