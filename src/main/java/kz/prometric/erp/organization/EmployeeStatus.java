package kz.prometric.erp.organization;

/**
 * An employee starts {@code PENDING} (hired, not yet onboarded), becomes {@code ACTIVE}
 * once onboarding is done, may be {@code SUSPENDED}, and ends {@code TERMINATED}.
 */
public enum EmployeeStatus {

	PENDING, ACTIVE, SUSPENDED, TERMINATED

}
