/**
 * Finance foundations: VAT rates from {@code dmn/vat-rate.dmn} ({@link VatRates}), VAT
 * totals rounded per rate per document ({@link VatCalculator}) and gapless document
 * numbers ({@link kz.prometric.erp.shared.DocumentNumbers}); invoices, payments and
 * credit notes ({@link InvoiceManagement}) built on them; the document a customer gets
 * ({@link InvoiceDocuments}: HTML and PDF from one template, the total in words by
 * {@link AmountInWords}) for the pages, the REST API and the invoice e-mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance",
		allowedDependencies = { "shared", "document", "identity", "organization", "crm", "workflow" })
package kz.prometric.erp.finance;
