package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionManagement.InspectionOutcome;
import kz.prometric.erp.production.ProductionManagement.InspectionResult;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Records the inspector's result; the order decides PASSED, REWORK or SCRAP. A refused
 * result (too small a sample, more defects than sampled) goes back to the inspector.
 */
@Component
class RecordInspectionDelegate implements JavaDelegate {

	private final ProductionManagement production;

	RecordInspectionDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			InspectionResult result = new InspectionResult(
					ProcessValues.decimal(execution.getVariable(ProductionRun.VAR_SAMPLED), ProductionRun.VAR_SAMPLED),
					ProcessValues.decimal(execution.getVariable(ProductionRun.VAR_DEFECTS), ProductionRun.VAR_DEFECTS),
					ProcessValues.text(execution.getVariable(ProductionRun.VAR_INSPECTION_NOTES)),
					ProcessValues.text(execution.getVariable(ProductionRun.VAR_INSPECTED_BY)));
			InspectionOutcome outcome = this.production.recordInspection(ProductionRun.instance(execution),
					ProcessValues.text(execution.getVariable(ProductionRun.VAR_OPERATION_ID)), result);
			execution.setVariable(ProductionRun.VAR_INSPECTION_OUTCOME, outcome.name());
			execution.setVariable(ProductionRun.VAR_INSPECTION_PROBLEM, null);
		}
		catch (BusinessRuleViolation ex) {
			throw new BpmnError(ProductionRun.ERR_INSPECTION_REFUSED, ex.getMessage());
		}
	}

}
