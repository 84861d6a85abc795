package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What {@link InventoryManagement#reserve} achieved for an order line: {@code reserved}
 * of {@code requested} is held in {@code warehouseId}; {@code shortfall} is the rest
 * (zero when fully reserved). {@code reservationId} and {@code warehouseId} are
 * {@code null} when nothing could be reserved.
 */
public record ReservationResult(UUID orderLineId, UUID productId, UUID reservationId, UUID warehouseId,
		BigDecimal requested, BigDecimal reserved, BigDecimal shortfall) {

	public boolean complete() {
		return this.shortfall.signum() == 0;
	}

}
