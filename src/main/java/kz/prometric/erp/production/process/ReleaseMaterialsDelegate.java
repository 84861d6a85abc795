package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The order was cancelled: its reserved materials are given back (issued ones stay
 * consumed).
 */
@Component
class ReleaseMaterialsDelegate implements JavaDelegate {

	private final ProductionManagement production;

	ReleaseMaterialsDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.production.runCancelled(ProductionRun.instance(execution));
	}

}
