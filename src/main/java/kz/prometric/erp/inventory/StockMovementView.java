package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the stock ledger. {@code referenceType} is e.g. {@code ORDER_LINE} or
 * {@code PRODUCTION_ORDER}; {@code createdBy} is empty for changes made by a process.
 */
public record StockMovementView(UUID id, UUID warehouseId, UUID productId, MovementType type, BigDecimal quantity,
		String referenceType, UUID referenceId, String note, UUID createdBy, Instant createdAt) {
}
