package kz.prometric.erp.shared;

/**
 * How a product or line is taxed in Kazakhstan (see {@code docs/finance.md}): products
 * are classified by it, and {@code dmn/vat-rate.dmn} turns it and the turnover date into
 * a rate.
 */
public enum VatCategory {

	/** Everything without a special rate. */
	STANDARD,
	/** Medicines, medical devices and medical services (reduced rate from 2026). */
	MEDICAL,
	/** Printed periodicals and publications (reduced rate, start date uncertain). */
	PERIODICALS,
	/** Export of goods and international transport: 0%, a VAT line of zero. */
	ZERO_RATED_EXPORT,
	/** Exempt turnover: no VAT line at all. */
	EXEMPT

}
