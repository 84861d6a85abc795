package kz.prometric.erp.catalog;

/**
 * How a product is taxed in Kazakhstan (see {@code docs/kazakhstan.md}). The rate of each
 * category, and its changes over time, come from {@code dmn/vat-rate.dmn}; the catalog
 * only classifies.
 */
public enum VatCategory {

	/** Goods and services at the standard rate. */
	STANDARD,

	/** Medicines, medical devices and medical services at the reduced rate. */
	MEDICAL,

	/** Export of goods and international transport at 0%. */
	ZERO_RATED_EXPORT,

	/** Exempt supplies: no VAT line at all. */
	EXEMPT

}
