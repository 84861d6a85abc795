/**
 * Finance foundations: VAT rates from {@code dmn/vat-rate.dmn} ({@link VatRates}), VAT
 * totals rounded per rate per document ({@link VatCalculator}) and gapless document
 * numbers ({@link DocumentNumbers}). Invoices and payments build on these.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance",
		allowedDependencies = { "shared", "identity", "organization" })
package kz.prometric.erp.finance;
