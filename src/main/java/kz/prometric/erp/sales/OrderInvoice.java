package kz.prometric.erp.sales;

/**
 * The invoice of a shipped order, as the fulfilment process needs it: its number, when
 * payment is due (ISO-8601 date-time, 09:00 Asia/Almaty on the due date) and when an
 * unpaid invoice goes to collection (14 days later).
 */
public record OrderInvoice(String invoiceNumber, String dueAt, String collectionAt) {
}
