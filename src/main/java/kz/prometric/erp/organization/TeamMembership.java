package kz.prometric.erp.organization;

import java.util.UUID;

/** A user's place in a team of a workspace, by the team's code. */
public record TeamMembership(UUID workspaceId, String code) {
}
