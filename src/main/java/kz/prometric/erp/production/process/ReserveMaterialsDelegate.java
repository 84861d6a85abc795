package kz.prometric.erp.production.process;

import java.util.ArrayList;

import kz.prometric.erp.production.ProductionManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Checks and reserves the order's materials; tells the gateway what to do about what is
 * short.
 */
@Component
class ReserveMaterialsDelegate implements JavaDelegate {

	private final ProductionManagement production;

	ReserveMaterialsDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionManagement.MaterialsCheck check = this.production.reserveMaterials(ProductionRun.instance(execution));
		execution.setVariable(ProductionRun.VAR_MATERIALS_STATE, check.state().name());
		execution.setVariable(ProductionRun.VAR_REQUISITION_NUMBERS, new ArrayList<>(check.requisitionNumbers()));
	}

}
