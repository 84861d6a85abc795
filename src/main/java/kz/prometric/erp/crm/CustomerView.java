package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer as the API shows it. {@code taxId} is the BIN of a company or the IIN of an
 * individual, or {@code null} when not yet known.
 */
public record CustomerView(UUID id, UUID workspaceId, CustomerType type, String name, String email, String phone,
		String contactPerson, String address, String taxId, Instant createdAt, Instant updatedAt) {
}
