package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionManagement.InspectionPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Plans the inspection of the lot just reported with the quality-inspection table; the
 * inspector's form shows the sample size and acceptance number.
 */
@Component
class PlanInspectionDelegate implements JavaDelegate {

	private final ProductionManagement production;

	PlanInspectionDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		InspectionPlan plan = this.production.planInspection(ProductionRun.instance(execution),
				ProcessValues.text(execution.getVariable(ProductionRun.VAR_OPERATION_ID)));
		execution.setVariable(ProductionRun.VAR_SAMPLE_SIZE, plan.sampleSize());
		execution.setVariable(ProductionRun.VAR_ACCEPTANCE_NUMBER, plan.acceptanceNumber());
		execution.setVariable(ProductionRun.VAR_LOT_SIZE, execution.getVariable(ProductionRun.VAR_GOOD_QUANTITY));
	}

}
