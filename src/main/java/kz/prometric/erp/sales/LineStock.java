package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Where the stock of an order line is held: the warehouse of its reservation, how much is
 * reserved and the reservation's status ({@code ACTIVE}, {@code RELEASED},
 * {@code ISSUED}); {@code lineNo} is 1-based.
 */
public record LineStock(int lineNo, UUID warehouseId, BigDecimal reserved, String status) {
}
