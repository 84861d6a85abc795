package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace as one member sees it, with that member's role.
 */
public record WorkspaceView(UUID id, String name, WorkspaceType type, UUID organizationId, WorkspaceRole role,
		Instant createdAt) {
}
