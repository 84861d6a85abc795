package kz.prometric.erp.crm.process;

import kz.prometric.erp.crm.DealManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Read the deal's stage", before the router: the process routes by the stage the
 * instance's deal has now, whatever a message or a task completion put into
 * {@code stage}; the forms' copies of the deal are refreshed on the way.
 */
@Component
class ReadDealStageDelegate implements JavaDelegate {

	private final DealManagement deals;

	ReadDealStageDelegate(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DealInstance deal = DealInstance.of(execution);
		DealInstance.show(execution, this.deals.taskView(deal.workspaceId(), deal.dealId()));
	}

}
