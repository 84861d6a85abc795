package kz.prometric.erp.hr.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * Who did it: on completing an item's task or the probation review, the engine's
 * authenticated user (never a variable anyone submitted) is kept for the recording step.
 */
@Component
class RecordCompletedByListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String who = (current != null) ? current.getUserId() : null;
		String variable = EmployeeOnboarding.TASK_REVIEW_PROBATION.equals(task.getTaskDefinitionKey())
				? EmployeeOnboarding.VAR_PROBATION_DECIDED_BY : EmployeeOnboarding.VAR_ITEM_DONE_BY;
		task.getExecution().setVariable(variable, who);
	}

}
