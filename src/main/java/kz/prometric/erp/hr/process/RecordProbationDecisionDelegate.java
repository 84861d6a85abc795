package kz.prometric.erp.hr.process;

import java.util.HashMap;
import java.util.Map;

import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.hr.OnboardingManagement.ProbationStep;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Record probation decision": confirmed, extended (the review timer gets the new date,
 * computed by the ERP) or ended (the offboarding starts). A refused decision goes back to
 * the manager with the reason.
 */
@Component
class RecordProbationDecisionDelegate implements JavaDelegate {

	private final OnboardingManagement onboarding;

	RecordProbationDecisionDelegate(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProbationStep step;
		try {
			Object decision = execution.getVariable(EmployeeOnboarding.VAR_PROBATION_DECISION);
			Object note = execution.getVariable(EmployeeOnboarding.VAR_PROBATION_NOTE);
			step = this.onboarding.decideProbation(EmployeeOnboarding.instance(execution),
					(decision != null) ? decision.toString() : null,
					execution.getVariable(EmployeeOnboarding.VAR_EXTEND_MONTHS),
					execution.getVariable(EmployeeOnboarding.VAR_LAST_DAY), (note != null) ? note.toString() : null);
		}
		catch (BusinessRuleViolation ex) {
			throw new BpmnError(EmployeeOnboarding.ERR_PROBATION_DECISION_REFUSED, ex.getMessage());
		}
		Map<String, Object> variables = new HashMap<>();
		ProbationFields.clear(variables);
		variables.put(EmployeeOnboarding.VAR_PROBATION_OUTCOME, step.outcome().name());
		if (step.nextReviewAt() != null) {
			variables.put(EmployeeOnboarding.VAR_PROBATION_REVIEW_AT, step.nextReviewAt());
		}
		variables.put(EmployeeOnboarding.VAR_PROBATION_ENDS_ON,
				(step.probationEndsOn() != null) ? step.probationEndsOn().toString() : null);
		execution.setVariables(variables);
	}

}
