package kz.prometric.erp.hr;

/**
 * Where an employee stands: hired ({@code PENDING}), being onboarded
 * ({@code ONBOARDING}), working ({@code ACTIVE}), between the decision to part and the
 * last day ({@code LEAVING}), gone ({@code LEFT}). The moves are decided by
 * {@code Employee}; {@code LEFT} is final.
 */
public enum EmployeeStatus {

	PENDING, ONBOARDING, ACTIVE, LEAVING, LEFT

}
