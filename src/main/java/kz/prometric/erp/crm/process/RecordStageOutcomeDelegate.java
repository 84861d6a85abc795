package kz.prometric.erp.crm.process;

import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.StageMove;
import kz.prometric.erp.crm.DealStage;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * After a stage task: asks the instance's deal to take the task's outcome (the next
 * stage, or lost with the reason). When the deal refuses, nothing changes and the process
 * goes back to the task ({@code Err_StageRefused}, reason in {@code stageRefusal});
 * otherwise the process learns the deal's new stage.
 */
@Component
class RecordStageOutcomeDelegate implements JavaDelegate {

	private final DealManagement deals;

	RecordStageOutcomeDelegate(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DealInstance deal = DealInstance.of(execution);
		String outcome = (execution.getVariable(DealLifecycle.VAR_OUTCOME) instanceof String text) ? text : null;
		String reason = (execution.getVariable(DealLifecycle.VAR_LOST_REASON) instanceof String text) ? text : null;
		DealStage next = DealStage.valueOf((String) execution.getVariableLocal(DealLifecycle.VAR_NEXT_STAGE));
		var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		StageMove move = this.deals.recordTaskOutcome(deal.workspaceId(), deal.dealId(), outcome, next, reason,
				(authentication != null) ? authentication.getUserId() : null);
		if (move.refused()) {
			execution.setVariable(DealLifecycle.VAR_STAGE_REFUSAL, move.refusal().message());
			throw new BpmnError(DealLifecycle.ERR_STAGE_REFUSED, move.refusal().message());
		}
		DealInstance.show(execution, this.deals.taskView(deal.workspaceId(), deal.dealId()));
		// the next stage's form starts empty rather than with this task's answers
		execution.removeVariable(DealLifecycle.VAR_OUTCOME);
		execution.removeVariable(DealLifecycle.VAR_LOST_REASON);
		execution.removeVariable(DealLifecycle.VAR_DISCOUNT_APPROVED);
		execution.removeVariable(DealLifecycle.VAR_APPROVAL_COMMENT);
		execution.removeVariable(DealLifecycle.VAR_STAGE_REFUSAL);
	}

}
