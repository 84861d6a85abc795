package kz.prometric.erp.hr;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code employee.activated}: every required item of the employee's onboarding is done
 * and he is ACTIVE. Published once, in the transaction of the completion that finished
 * the last required item.
 */
public record EmployeeActivated(UUID workspaceId, UUID organizationId, UUID employeeId, String name, String email,
		Instant occurredAt) {
}
