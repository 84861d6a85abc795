package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

public record MemberJoined(UUID workspaceId, UUID userId, WorkspaceRole role, Instant occurredAt) {
}
