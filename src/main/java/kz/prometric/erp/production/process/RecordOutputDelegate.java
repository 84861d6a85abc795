package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The quality gate and the output: the good quantity goes into stock at its actual cost.
 */
@Component
class RecordOutputDelegate implements JavaDelegate {

	private final ProductionManagement production;

	RecordOutputDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.production.recordOutput(ProductionRun.instance(execution));
	}

}
