package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone was invited into a workspace; the notification module e-mails the invitee after
 * commit.
 */
public record InvitationSent(UUID invitationId, UUID workspaceId, String workspaceName, String email,
		WorkspaceRole role, String invitedByName, Instant expiresAt, Instant occurredAt) {
}
