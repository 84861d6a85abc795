package kz.prometric.erp.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money arithmetic in KZT: amounts have 2 decimals (tiyn), rounded half-up.
 */
public final class Money {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Money() {
	}

	/**
	 * quantity × unit price × (100 − discount%) / 100, computed exactly and then rounded
	 * half-up to tiyn.
	 */
	public static BigDecimal lineAmount(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
		BigDecimal discount = (discountPercent == null) ? BigDecimal.ZERO : discountPercent;
		return quantity.multiply(unitPrice)
			.multiply(HUNDRED.subtract(discount))
			.divide(HUNDRED)
			.setScale(2, RoundingMode.HALF_UP);
	}

}
