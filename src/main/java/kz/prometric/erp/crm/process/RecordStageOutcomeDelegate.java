package kz.prometric.erp.crm.process;

import java.util.UUID;

import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * After a stage task: records its outcome on the deal (the next stage, or lost with the
 * reason) and tells the process the deal's new stage.
 */
@Component
class RecordStageOutcomeDelegate implements JavaDelegate {

	private final DealManagement deals;

	RecordStageOutcomeDelegate(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UUID dealId = UUID.fromString((String) execution.getVariable(DealLifecycle.VAR_DEAL_ID));
		String outcome = (String) execution.getVariable(DealLifecycle.VAR_OUTCOME);
		DealStage next = DealStage.valueOf((String) execution.getVariable(DealLifecycle.VAR_NEXT_STAGE));
		String reason = (String) execution.getVariable(DealLifecycle.VAR_LOST_REASON);
		DealStage stage = this.deals.recordTaskOutcome(dealId, outcome, next, reason);
		execution.setVariable(DealLifecycle.VAR_STAGE, stage.name());
		// the next stage's form starts empty rather than with this task's answers
		execution.removeVariable(DealLifecycle.VAR_OUTCOME);
		execution.removeVariable(DealLifecycle.VAR_LOST_REASON);
		execution.removeVariable(DealLifecycle.VAR_DISCOUNT_APPROVED);
		execution.removeVariable(DealLifecycle.VAR_APPROVAL_COMMENT);
	}

}
