package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A stock balance that disagrees with its ledger: what the balance row says, what the sum
 * of the movements says, and the sum of the ACTIVE reservations (which must equal the
 * reserved quantity).
 */
public record LedgerMismatch(UUID warehouseId, UUID productId, BigDecimal balanceOnHand, BigDecimal balanceReserved,
		BigDecimal ledgerOnHand, BigDecimal ledgerReserved, BigDecimal activeReservations) {
}
