package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

public record InvitationView(UUID id, UUID workspaceId, String workspaceName, String email, WorkspaceRole role,
		String status, UUID invitedBy, Instant createdAt, Instant expiresAt) {
}
