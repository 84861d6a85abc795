package kz.prometric.erp.hr.process;

import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Record item": the item is done or not applicable, by whoever completed the task; the
 * employee becomes ACTIVE when this was the last required item. A refused outcome (a
 * required item marked not applicable) goes back to the task with the reason.
 */
@Component
class RecordItemDelegate implements JavaDelegate {

	private final OnboardingManagement onboarding;

	RecordItemDelegate(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			this.onboarding.recordItem(EmployeeOnboarding.instance(execution),
					text(execution.getVariable(EmployeeOnboarding.VAR_ITEM_CODE)),
					text(execution.getVariable(EmployeeOnboarding.VAR_ITEM_OUTCOME)),
					text(execution.getVariable(EmployeeOnboarding.VAR_ITEM_NOTE)),
					text(execution.getVariable(EmployeeOnboarding.VAR_ITEM_DONE_BY)));
			execution.setVariable(EmployeeOnboarding.VAR_ITEM_PROBLEM, null);
		}
		catch (BusinessRuleViolation ex) {
			throw new BpmnError(EmployeeOnboarding.ERR_ITEM_REFUSED, ex.getMessage());
		}
	}

	private static String text(Object value) {
		return (value == null) ? null : value.toString();
	}

}
