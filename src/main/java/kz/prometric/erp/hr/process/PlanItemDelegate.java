package kz.prometric.erp.hr.process;

import java.util.HashMap;
import java.util.Map;

import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.hr.OnboardingManagement.ItemPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Plan item": what the item's task shows and when its reminder timer starts, as local
 * variables of this item's round (computed by the ERP from the stored item, never taken
 * from a form); the form's fields are created empty in the round, so no item reads
 * another's.
 */
@Component
class PlanItemDelegate implements JavaDelegate {

	private final OnboardingManagement onboarding;

	PlanItemDelegate(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = String.valueOf(execution.getVariable(EmployeeOnboarding.VAR_ITEM_CODE));
		ItemPlan plan = this.onboarding.planItem(EmployeeOnboarding.instance(execution), code);
		Map<String, Object> locals = new HashMap<>();
		locals.put(EmployeeOnboarding.VAR_ITEM_TITLE, plan.title());
		locals.put(EmployeeOnboarding.VAR_ITEM_DUE_ON, plan.dueOn().toString());
		locals.put(EmployeeOnboarding.VAR_ITEM_DUE_AT, plan.dueAt());
		locals.put(EmployeeOnboarding.VAR_ITEM_REQUIRED, plan.required());
		locals.put(EmployeeOnboarding.VAR_ITEM_OUTCOME, null);
		locals.put(EmployeeOnboarding.VAR_ITEM_NOTE, null);
		locals.put(EmployeeOnboarding.VAR_ITEM_PROBLEM, null);
		locals.put(EmployeeOnboarding.VAR_ITEM_DONE_BY, null);
		execution.setVariablesLocal(locals);
	}

}
