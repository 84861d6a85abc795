package kz.prometric.erp.production.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * Who did it: on completing "Perform operation" or "Inspect quality" (task listener) and
 * when a machine completes "Run on machine" (execution listener, end), the engine's
 * authenticated user — the operator, inspector or machine account, never a variable
 * anyone submitted — is kept for the recording step.
 */
@Component
class RecordPerformerListener implements TaskListener, ExecutionListener {

	@Override
	public void notify(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String who = (current != null) ? current.getUserId() : null;
		String variable = ProductionRun.TASK_INSPECT_QUALITY.equals(task.getTaskDefinitionKey())
				? ProductionRun.VAR_INSPECTED_BY : ProductionRun.VAR_PERFORMED_BY;
		task.getExecution().setVariable(variable, who);
	}

	@Override
	public void notify(DelegateExecution execution) {
		Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		execution.setVariable(ProductionRun.VAR_PERFORMED_BY, (current != null) ? current.getUserId() : null);
	}

}
