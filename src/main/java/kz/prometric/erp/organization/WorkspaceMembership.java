package kz.prometric.erp.organization;

import java.util.UUID;

/**
 * That a user holds a role in a workspace; what the process engine's identity provider
 * reads.
 */
public record WorkspaceMembership(UUID workspaceId, UUID userId, WorkspaceRole role) {
}
