package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Writes the lot off past the rework limit and plans a new production order for the
 * shortfall.
 */
@Component
class ScrapLotDelegate implements JavaDelegate {

	private final ProductionManagement production;

	ScrapLotDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(ProductionRun.VAR_REPLANNED_AS,
				this.production.scrapLot(ProductionRun.instance(execution)));
	}

}
