package kz.prometric.erp.production.process;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionManagement.OperationStart;
import kz.prometric.erp.production.RunInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Starts (or restarts, in rework) the operation of this round and sets what routes and
 * shows it, as local variables of the round; the report and inspection variables are
 * created empty in the round, so nothing of an earlier round or operation is read.
 */
@Component
class StartOperationDelegate implements JavaDelegate {

	private final ProductionManagement production;

	StartOperationDelegate(ProductionManagement production) {
		this.production = production;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RunInstance run = ProductionRun.instance(execution);
		String operationId = ProcessValues.text(execution.getVariable(ProductionRun.VAR_OPERATION_ID));
		OperationStart start = this.production.startOperation(run, operationId);
		BigDecimal planned = this.production.plannedMinutes(run, operationId);
		Map<String, Object> locals = new HashMap<>();
		locals.put(ProductionRun.VAR_WORK_CENTER_KIND, start.kind());
		locals.put(ProductionRun.VAR_OPERATION_TOPIC, start.topic());
		locals.put(ProductionRun.VAR_WORK_CENTER_NAME, start.workCenterName());
		locals.put(ProductionRun.VAR_OPERATION_NAME, start.operationName());
		locals.put(ProductionRun.VAR_INSTRUCTIONS, start.instructions());
		locals.put(ProductionRun.VAR_QUANTITY, start.quantity().doubleValue());
		locals.put(ProductionRun.VAR_PRODUCT_CODE, start.productCode());
		locals.put(ProductionRun.VAR_PLANNED_MINUTES, planned.doubleValue());
		for (String report : new String[] { ProductionRun.VAR_GOOD_QUANTITY, ProductionRun.VAR_SCRAP_QUANTITY,
				ProductionRun.VAR_DURATION_MINUTES, ProductionRun.VAR_NOTES, ProductionRun.VAR_PERFORMED_BY,
				ProductionRun.VAR_REPORT_PROBLEM, ProductionRun.VAR_INSPECTION_FOLLOWS, ProductionRun.VAR_LOT_SIZE,
				ProductionRun.VAR_SAMPLE_SIZE, ProductionRun.VAR_ACCEPTANCE_NUMBER, ProductionRun.VAR_SAMPLED,
				ProductionRun.VAR_DEFECTS, ProductionRun.VAR_INSPECTION_NOTES, ProductionRun.VAR_INSPECTED_BY,
				ProductionRun.VAR_INSPECTION_PROBLEM, ProductionRun.VAR_INSPECTION_OUTCOME }) {
			locals.put(report, null);
		}
		execution.setVariablesLocal(locals);
	}

}
