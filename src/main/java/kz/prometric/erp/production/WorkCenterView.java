package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A work center as the API shows it; {@code hourlyRate} in KZT, {@code topic} the
 * external-task topic its machine serves (EXTERNAL only).
 */
public record WorkCenterView(UUID id, UUID workspaceId, String code, String name, WorkCenterKind kind,
		BigDecimal hourlyRate, BigDecimal capacityHoursPerDay, boolean active, String topic, Instant createdAt,
		Instant updatedAt) {
}
