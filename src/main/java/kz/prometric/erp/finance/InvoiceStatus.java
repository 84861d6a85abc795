package kz.prometric.erp.finance;

/**
 * ISSUED → PARTIALLY_PAID → PAID as payments come; PARTIALLY_CREDITED when credit notes
 * took part of it off (and nothing is paid yet); CREDITED when credit notes took all of
 * it off; PAID also when payments and credits together settle it. PAID and CREDITED are
 * closed. A credit note itself stays ISSUED. Overdue is not a status: see
 * {@link InvoiceView#overdue()}.
 */
public enum InvoiceStatus {

	ISSUED, PARTIALLY_PAID, PARTIALLY_CREDITED, PAID, CREDITED

}
