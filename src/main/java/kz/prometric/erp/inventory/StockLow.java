package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code stock.low}: a stock change (an adjustment, a shipment, an issue to production)
 * took the stock on hand of a product in a warehouse below its minimum quantity.
 * Published in the changing transaction, once per crossing: further changes below the
 * minimum publish nothing until the stock is back at or above it.
 */
public record StockLow(UUID workspaceId, UUID warehouseId, UUID productId, BigDecimal onHand,
		BigDecimal minimumQuantity, Instant occurredAt) {
}
