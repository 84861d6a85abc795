package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer without deals was deleted from a workspace.
 */
public record CustomerDeleted(UUID customerId, UUID workspaceId, Instant occurredAt) {
}
