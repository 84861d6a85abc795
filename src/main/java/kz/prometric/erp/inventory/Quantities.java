package kz.prometric.erp.inventory;

import java.math.BigDecimal;

import kz.prometric.erp.shared.InvalidInputException;

/**
 * Stock quantities: at most 3 decimals and 16 integer digits ({@code numeric(19,3)}).
 */
final class Quantities {

	private Quantities() {
	}

	/**
	 * {@code quantity} if it is greater than zero and fits, else 400 naming the field.
	 */
	static BigDecimal positive(String field, BigDecimal quantity) {
		if (quantity == null || quantity.signum() <= 0) {
			throw new InvalidInputException(field, "must be greater than 0");
		}
		return fitting(field, quantity);
	}

	/** {@code quantity} if it is not zero and fits, else 400 naming the field. */
	static BigDecimal nonZero(String field, BigDecimal quantity) {
		if (quantity == null || quantity.signum() == 0) {
			throw new InvalidInputException(field, "must not be 0");
		}
		return fitting(field, quantity);
	}

	private static BigDecimal fitting(String field, BigDecimal quantity) {
		BigDecimal stripped = quantity.stripTrailingZeros();
		if (stripped.scale() > 3) {
			throw new InvalidInputException(field, "must have at most 3 decimals");
		}
		if (stripped.precision() - stripped.scale() > 16) {
			throw new InvalidInputException(field, "is too large");
		}
		return quantity.setScale(3);
	}

}
