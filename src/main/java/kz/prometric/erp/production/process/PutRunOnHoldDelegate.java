package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Puts the run on hold with the reason the materials check found; the planner's form
 * shows it.
 */
@Component
class PutRunOnHoldDelegate implements JavaDelegate {

	private final ProductionManagement production;

	PutRunOnHoldDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = this.production.holdReason(ProductionRun.instance(execution));
		this.production.putOnHold(ProductionRun.instance(execution), reason);
		execution.setVariable(ProductionRun.VAR_HOLD_REASON, reason);
		// the planner decides afresh on every hold
		execution.setVariable(ProductionRun.VAR_HOLD_DECISION, null);
	}

}
