package kz.prometric.erp.inventory;

import java.time.Instant;
import java.util.UUID;

/** A warehouse as the API shows it. */
public record WarehouseView(UUID id, UUID workspaceId, String code, String name, String address, Instant createdAt,
		Instant updatedAt) {
}
