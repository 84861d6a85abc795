package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * A new customer in a workspace.
 */
public record CustomerCreated(UUID customerId, UUID workspaceId, Instant occurredAt) {
}
