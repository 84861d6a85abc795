package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The planner cancelled the run on hold: the order is cancelled and its reservations
 * released.
 */
@Component
class CancelRunDelegate implements JavaDelegate {

	private final ProductionManagement production;

	CancelRunDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.production.runCancelled(ProductionRun.instance(execution));
	}

}
