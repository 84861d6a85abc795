package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

public record OrganizationCreated(UUID organizationId, UUID workspaceId, String bin, UUID ownerId, Instant occurredAt) {
}
