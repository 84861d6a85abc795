package kz.prometric.erp.finance;

/**
 * What a line sells, as far as VAT is concerned; {@code dmn/vat-rate.dmn} turns it and
 * the turnover date into a rate.
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
