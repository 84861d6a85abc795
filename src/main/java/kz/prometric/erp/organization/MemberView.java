package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a workspace with their role and name, and whether they hold the <em>process
 * owner</em> right (deploy the workspace's own versions of processes, decision tables and
 * forms; the owner always holds it).
 */
public record MemberView(UUID userId, String email, String firstName, String lastName, WorkspaceRole role,
		Instant joinedAt, boolean processOwner) {
}
