package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

public record EmployeeView(UUID id, UUID organizationId, UUID workspaceId, UUID userId, String name, String email,
		String position, UUID departmentId, WorkspaceRole organizationRole, EmployeeStatus status, Instant createdAt) {
}
