package kz.prometric.erp.hr;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee was added by {@code addedBy}. A new hire ({@code onboard}) is
 * {@code PENDING} and his onboarding starts from this event; staff recorded as already at
 * work are {@code ACTIVE}.
 */
public record EmployeeAdded(UUID employeeId, UUID organizationId, UUID workspaceId, String email, String position,
		UUID departmentId, UUID addedBy, boolean onboard, Instant occurredAt) {
}
