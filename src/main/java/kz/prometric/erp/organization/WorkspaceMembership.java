package kz.prometric.erp.organization;

import java.util.UUID;

/**
 * That a user holds a role in a workspace; what the process engine's identity provider
 * reads (a workspace is a tenant, a role in it a group).
 */
public record WorkspaceMembership(UUID workspaceId, String workspaceName, WorkspaceType workspaceType, UUID userId,
		WorkspaceRole role) {
}
