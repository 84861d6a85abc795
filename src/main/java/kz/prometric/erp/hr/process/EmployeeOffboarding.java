package kz.prometric.erp.hr.process;

/**
 * The contract of {@code processes/employee-offboarding.bpmn}: business key = the
 * employee's id, tenant = the workspace.
 */
public final class EmployeeOffboarding {

	public static final String PROCESS_KEY = "employee-offboarding";

	private EmployeeOffboarding() {
	}

}
