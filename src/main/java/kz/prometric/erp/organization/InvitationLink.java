package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * What the holder of an invitation link sees before answering it: the workspace (named
 * after its organization), the role, who invited, until when, and whether the invited
 * address has an account already (log in) or not (register).
 */
public record InvitationLink(UUID invitationId, UUID workspaceId, String workspaceName, String email,
		WorkspaceRole role, String invitedByName, Instant expiresAt, boolean accountExists) {
}
