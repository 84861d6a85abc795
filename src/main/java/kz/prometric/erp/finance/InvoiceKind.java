package kz.prometric.erp.finance;

/**
 * An invoice, or a credit note that reverses one (series {@code CN}).
 */
public enum InvoiceKind {

	INVOICE, CREDIT_NOTE

}
