package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The stock of one product in one warehouse: {@code available} = {@code onHand} −
 * {@code reserved}; none of them is ever negative. {@code averageCost} is the product's
 * moving average cost in the workspace (KZT per unit, scale 4; its standard cost while
 * nothing has been valued) and {@code value} = {@code onHand} × {@code averageCost}
 * (scale 2).
 */
public record StockLevelView(UUID warehouseId, UUID productId, BigDecimal onHand, BigDecimal reserved,
		BigDecimal available, Instant updatedAt, BigDecimal averageCost, BigDecimal value) {
}
