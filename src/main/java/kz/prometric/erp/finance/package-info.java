/**
 * Finance foundations: VAT rates from {@code dmn/vat-rate.dmn} ({@link VatRates}), VAT
 * totals rounded per rate per document ({@link VatCalculator}) and gapless document
 * numbers ({@link kz.prometric.erp.shared.DocumentNumbers}); invoices, payments and
 * credit notes ({@link InvoiceManagement}) built on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance",
		allowedDependencies = { "shared", "identity", "organization", "crm" })
package kz.prometric.erp.finance;
