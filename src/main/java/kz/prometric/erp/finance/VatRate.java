package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A line's VAT treatment: a rate in percent (16.00, 5.00, 0.00 for zero-rated), or
 * exempt, which has no rate and no VAT line. Rates are held with scale 2, so equal rates
 * are equal records.
 *
 * @param percent the rate in percent, scale 2; {@code null} exactly when exempt
 * @param exempt whether the turnover is exempt from VAT
 */
public record VatRate(BigDecimal percent, boolean exempt) {

	/** Exempt turnover: no rate, no VAT line. */
	public static final VatRate EXEMPT = new VatRate(null, true);

	public VatRate {
		if (exempt) {
			if (percent != null) {
				throw new IllegalArgumentException("An exempt VAT rate has no percent");
			}
		}
		else {
			if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
				throw new IllegalArgumentException("A VAT rate is a percent from 0 to below 100: " + percent);
			}
			try {
				percent = percent.setScale(2, RoundingMode.UNNECESSARY);
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException("A VAT rate has at most 2 decimals: " + percent, ex);
			}
		}
	}

	/** A taxable rate, e.g. {@code VatRate.of("16")}; {@code "0"} is zero-rated. */
	public static VatRate of(String percent) {
		return new VatRate(new BigDecimal(percent), false);
	}

	/** A taxable rate in percent. */
	public static VatRate of(BigDecimal percent) {
		return new VatRate(percent, false);
	}

	@Override
	public String toString() {
		return this.exempt ? "exempt" : this.percent.stripTrailingZeros().toPlainString() + "%";
	}

}
