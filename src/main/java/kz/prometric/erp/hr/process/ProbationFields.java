package kz.prometric.erp.hr.process;

import java.util.Map;

/** The review-probation form's fields, created empty before each review. */
final class ProbationFields {

	private ProbationFields() {
	}

	static void clear(Map<String, Object> variables) {
		variables.put(EmployeeOnboarding.VAR_PROBATION_DECISION, null);
		variables.put(EmployeeOnboarding.VAR_EXTEND_MONTHS, null);
		variables.put(EmployeeOnboarding.VAR_LAST_DAY, null);
		variables.put(EmployeeOnboarding.VAR_PROBATION_NOTE, null);
		variables.put(EmployeeOnboarding.VAR_PROBATION_PROBLEM, null);
		variables.put(EmployeeOnboarding.VAR_PROBATION_DECIDED_BY, null);
		variables.put(EmployeeOnboarding.VAR_PROBATION_OUTCOME, null);
	}

}
