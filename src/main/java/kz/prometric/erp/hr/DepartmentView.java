package kz.prometric.erp.hr;

import java.time.Instant;
import java.util.UUID;

public record DepartmentView(UUID id, UUID organizationId, String name, String description, Instant createdAt) {
}
