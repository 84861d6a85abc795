package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The planner chose to try again: the order is released again and its materials are
 * checked anew.
 */
@Component
class ResumeRunDelegate implements JavaDelegate {

	private final ProductionManagement production;

	ResumeRunDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.production.resumeAfterHold(ProductionRun.instance(execution));
	}

}
