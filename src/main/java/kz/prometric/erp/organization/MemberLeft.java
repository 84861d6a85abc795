package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A user is no longer a member of a workspace: removed by an admin, left on their own, or
 * their employment there ended. Published in the removing transaction.
 */
public record MemberLeft(UUID workspaceId, UUID userId, Instant occurredAt) {
}
