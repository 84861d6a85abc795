package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A team of a workspace (HR, IT, Facilities…). {@code engineGroup} is the Camunda group
 * its members are in, to which process tasks for the team go.
 */
public record TeamView(UUID id, UUID workspaceId, String code, String name, int memberCount, String engineGroup,
		Instant createdAt) {
}
