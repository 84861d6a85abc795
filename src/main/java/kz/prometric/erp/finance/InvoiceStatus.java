package kz.prometric.erp.finance;

/**
 * ISSUED → PARTIALLY_PAID → PAID, or CREDITED when a credit note reverses the invoice. A
 * credit note itself stays ISSUED. Overdue is not a status: see
 * {@link InvoiceView#overdue()}.
 */
public enum InvoiceStatus {

	ISSUED, PARTIALLY_PAID, PAID, CREDITED

}
