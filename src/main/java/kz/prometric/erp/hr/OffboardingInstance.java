package kz.prometric.erp.hr;

import java.util.UUID;

/**
 * What an {@code employee-offboarding} instance is bound to, as the engine knows it and
 * no user can change: its tenant (the workspace) and business key (the employee's id).
 * Process steps find the employee by these, never by a variable.
 */
public record OffboardingInstance(UUID workspaceId, UUID employeeId) {

	public OffboardingInstance {
		if (workspaceId == null || employeeId == null) {
			throw new IllegalStateException("An employee-offboarding instance has a tenant and a business key");
		}
	}

}
