package kz.prometric.erp.production;

import java.time.Instant;
import java.util.UUID;

/** A supplier as the API shows it. */
public record SupplierView(UUID id, UUID workspaceId, String name, String bin, String email, String phone,
		boolean active, Instant createdAt, Instant updatedAt) {
}
