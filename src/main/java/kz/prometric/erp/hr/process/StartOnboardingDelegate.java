package kz.prometric.erp.hr.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.hr.OnboardingManagement.Checklist;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Start onboarding": the employee becomes ONBOARDING, his checklist is chosen and
 * stored, he is invited and welcomed. Tells the process the item codes (the
 * multi-instance collection) and when the probation review is due; creates the review
 * form's fields empty.
 */
@Component
class StartOnboardingDelegate implements JavaDelegate {

	private final OnboardingManagement onboarding;

	StartOnboardingDelegate(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object startedBy = execution.getVariable(EmployeeOnboarding.VAR_STARTED_BY);
		Checklist checklist = this.onboarding.begin(EmployeeOnboarding.instance(execution),
				(startedBy != null) ? UUID.fromString(startedBy.toString()) : null);
		Map<String, Object> variables = new HashMap<>();
		variables.put(EmployeeOnboarding.VAR_ITEM_CODES, new ArrayList<>(checklist.itemCodes()));
		variables.put(EmployeeOnboarding.VAR_PROBATION_REVIEW_AT, checklist.probationReviewAt());
		variables.put(EmployeeOnboarding.VAR_PROBATION_ENDS_ON,
				(checklist.probationEndsOn() != null) ? checklist.probationEndsOn().toString() : null);
		ProbationFields.clear(variables);
		execution.setVariables(variables);
	}

}
