package kz.prometric.erp.production.process;

import java.util.ArrayList;
import java.util.List;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Issues the reserved materials to production; the operations follow in routing order.
 */
@Component
class IssueMaterialsDelegate implements JavaDelegate {

	private final ProductionManagement production;

	IssueMaterialsDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<String> operations = this.production.issueMaterials(ProductionRun.instance(execution));
		execution.setVariable(ProductionRun.VAR_OPERATION_IDS, new ArrayList<>(operations));
	}

}
