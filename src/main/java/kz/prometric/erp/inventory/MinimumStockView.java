package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The minimum quantity (reorder point) of a product in a warehouse: stock on hand below
 * it is listed as below minimum. 0 means no minimum.
 */
public record MinimumStockView(UUID warehouseId, UUID productId, BigDecimal minimumQuantity, Instant updatedAt) {
}
