package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Stock held for, given back from, or shipped to one order line. */
public record ReservationView(UUID id, UUID orderId, UUID orderLineId, UUID productId, UUID warehouseId,
		BigDecimal quantity, ReservationStatus status, Instant createdAt, Instant updatedAt) {
}
