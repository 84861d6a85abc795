package kz.prometric.erp.hr;

import java.time.Instant;
import java.util.UUID;

/**
 * A new employee in {@code PENDING} status; onboarding starts from it.
 */
public record EmployeeAdded(UUID employeeId, UUID organizationId, UUID workspaceId, String email, String position,
		UUID departmentId, Instant occurredAt) {
}
