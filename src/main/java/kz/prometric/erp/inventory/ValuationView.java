package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * The valuation of a product in a workspace: {@code quantity} on hand in all warehouses,
 * its moving {@code averageCost} per unit (KZT, scale 4; the standard cost while nothing
 * has been valued) and {@code value} = quantity × average cost (KZT, scale 2).
 */
public record ValuationView(UUID productId, BigDecimal quantity, BigDecimal averageCost, BigDecimal value) {

	static ValuationView of(UUID productId, BigDecimal quantity, BigDecimal averageCost) {
		return new ValuationView(productId, quantity, averageCost,
				quantity.multiply(averageCost).setScale(2, RoundingMode.HALF_UP));
	}

}
