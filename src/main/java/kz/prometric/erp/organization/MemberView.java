package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a workspace with their role and name.
 */
public record MemberView(UUID userId, String email, String firstName, String lastName, WorkspaceRole role,
		Instant joinedAt) {
}
