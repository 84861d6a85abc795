package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the stock ledger. {@code referenceType} is e.g. {@code ORDER_LINE} or
 * {@code PRODUCTION_ORDER} or {@code PURCHASE_ORDER}; {@code createdBy} is empty for
 * changes made by a process. {@code unitCost} is the value of one unit at the time of the
 * movement (KZT, scale 4): the purchase price or given cost of a receipt, the production
 * cost of an output, the moving average of an issue or adjustment, the cost so far of
 * scrap; empty for reservations and releases.
 */
public record StockMovementView(UUID id, UUID warehouseId, UUID productId, MovementType type, BigDecimal quantity,
		String referenceType, UUID referenceId, String note, UUID createdBy, Instant createdAt, BigDecimal unitCost) {
}
