package kz.prometric.erp.hr.process;

/**
 * The contract of {@code processes/employee-onboarding.bpmn}: business key = the
 * employee's id, tenant = the workspace.
 */
public final class EmployeeOnboarding {

	public static final String PROCESS_KEY = "employee-onboarding";

	/** The decision table that chooses the checklist (collect hit policy). */
	public static final String CHECKLIST_DECISION = "onboarding-checklist";

	/**
	 * Correlated to a running onboarding when employment ends before it is done (REST):
	 * the onboarding stops and its open items are cancelled.
	 */
	public static final String MESSAGE_EMPLOYMENT_ENDING = "EmploymentEnding";

	private EmployeeOnboarding() {
	}

}
