package kz.prometric.erp.crm.process;

import java.util.UUID;

import kz.prometric.erp.crm.DealManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * On completing "Approve discount": only a manager (or admin, owner) of the deal's
 * workspace may decide; anyone else is refused and the task stays open.
 */
@Component
class RequireManagerApproverListener implements TaskListener {

	private final DealManagement deals;

	RequireManagerApproverListener(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void notify(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		this.deals.ensureMayApproveDiscount(UUID.fromString((String) task.getVariable(DealLifecycle.VAR_DEAL_ID)),
				(current != null) ? current.getUserId() : null);
	}

}
