package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The stock of one product in one warehouse: {@code available} = {@code onHand} −
 * {@code reserved}; none of them is ever negative.
 */
public record StockLevelView(UUID warehouseId, UUID productId, BigDecimal onHand, BigDecimal reserved,
		BigDecimal available, Instant updatedAt) {
}
