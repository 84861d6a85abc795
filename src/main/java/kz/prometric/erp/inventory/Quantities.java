package kz.prometric.erp.inventory;

import java.math.BigDecimal;

import kz.prometric.erp.shared.InvalidInputException;

/**
 * Stock quantities: at most 3 decimals and 16 integer digits ({@code numeric(19,3)});
 * unit costs: at most 4 decimals ({@code numeric(19,4)}).
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

	/**
	 * {@code quantity} if it is zero or more and fits, else 400 naming the field.
	 */
	static BigDecimal notNegative(String field, BigDecimal quantity) {
		if (quantity == null) {
			throw new InvalidInputException(field, "must not be null");
		}
		if (quantity.signum() < 0) {
			throw new InvalidInputException(field, "must not be negative");
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

	/**
	 * A unit cost in KZT: not negative, at most 4 decimals and 15 integer digits
	 * ({@code numeric(19,4)}), else 400 naming the field.
	 */
	static BigDecimal unitCost(String field, BigDecimal cost) {
		if (cost == null) {
			throw new InvalidInputException(field, "must not be null");
		}
		if (cost.signum() < 0) {
			throw new InvalidInputException(field, "must not be negative");
		}
		BigDecimal stripped = cost.stripTrailingZeros();
		if (stripped.scale() > 4) {
			throw new InvalidInputException(field, "must have at most 4 decimals");
		}
		if (stripped.precision() - stripped.scale() > 15) {
			throw new InvalidInputException(field, "is too large");
		}
		return cost.setScale(4);
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
