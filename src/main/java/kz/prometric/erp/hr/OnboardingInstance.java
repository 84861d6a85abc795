package kz.prometric.erp.hr;

import java.util.UUID;

/**
 * What an employee-onboarding instance is bound to, as the engine knows it and no user
 * can change: its tenant (the workspace), its business key (the employee's id) and its
 * own id. Process steps find the employee by these, never by a variable.
 */
public record OnboardingInstance(UUID workspaceId, UUID employeeId, String processInstanceId) {

	public OnboardingInstance {
		if (workspaceId == null || employeeId == null || processInstanceId == null) {
			throw new IllegalStateException("An employee-onboarding instance has a tenant and a business key");
		}
	}

}
