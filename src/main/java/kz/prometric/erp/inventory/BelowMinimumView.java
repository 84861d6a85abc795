package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product whose stock on hand in a warehouse is below its minimum quantity:
 * {@code shortfall} = {@code minimumQuantity} − {@code onHand} (> 0), what must be
 * received to reach the minimum.
 */
public record BelowMinimumView(UUID productId, String productCode, String productName, String unit, UUID warehouseId,
		String warehouseCode, String warehouseName, BigDecimal onHand, BigDecimal minimumQuantity,
		BigDecimal shortfall) {
}
