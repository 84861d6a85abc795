package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization with the id of its company workspace.
 */
public record OrganizationView(UUID id, String name, String bin, UUID ownerId, UUID workspaceId, boolean active,
		Instant createdAt) {
}
