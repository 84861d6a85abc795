package kz.prometric.erp.production.process;

import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionManagement.OperationReport;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Records what the operator or the machine reported; a refused report (a business rule)
 * goes back to whoever does the operation with the reason.
 */
@Component
class RecordOperationDelegate implements JavaDelegate {

	private final ProductionManagement production;

	RecordOperationDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			OperationReport report = new OperationReport(
					ProcessValues.decimal(execution.getVariable(ProductionRun.VAR_GOOD_QUANTITY),
							ProductionRun.VAR_GOOD_QUANTITY),
					ProcessValues.decimal(execution.getVariable(ProductionRun.VAR_SCRAP_QUANTITY),
							ProductionRun.VAR_SCRAP_QUANTITY),
					ProcessValues.decimal(execution.getVariable(ProductionRun.VAR_DURATION_MINUTES),
							ProductionRun.VAR_DURATION_MINUTES),
					ProcessValues.text(execution.getVariable(ProductionRun.VAR_NOTES)),
					ProcessValues.text(execution.getVariable(ProductionRun.VAR_PERFORMED_BY)));
			boolean inspect = this.production.recordOperation(ProductionRun.instance(execution),
					ProcessValues.text(execution.getVariable(ProductionRun.VAR_OPERATION_ID)), report);
			execution.setVariable(ProductionRun.VAR_INSPECTION_FOLLOWS, inspect);
			execution.setVariable(ProductionRun.VAR_REPORT_PROBLEM, null);
		}
		catch (BusinessRuleViolation ex) {
			throw new BpmnError(ProductionRun.ERR_OPERATION_REPORT_REFUSED, ex.getMessage());
		}
	}

}
