package kz.prometric.erp.crm.process;

import kz.prometric.erp.crm.DealManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * On completing "Approve discount": the person completing the task (the engine's
 * authenticated user, not a variable) must be a manager (or admin, owner) of the
 * instance's workspace, else the completion is refused and the task stays open; an
 * approval is recorded on the instance's deal for its current lines and value.
 */
@Component
class RecordDiscountDecisionListener implements TaskListener {

	private final DealManagement deals;

	RecordDiscountDecisionListener(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void notify(DelegateTask task) {
		DealInstance deal = DealInstance.of(task.getExecution());
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		boolean approved = Boolean.TRUE.equals(task.getVariable(DealLifecycle.VAR_DISCOUNT_APPROVED));
		this.deals.decideDiscount(deal.workspaceId(), deal.dealId(), (current != null) ? current.getUserId() : null,
				approved);
	}

}
