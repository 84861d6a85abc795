/**
 * Process delegates of the finance module: issue an order's invoice, remind of an unpaid
 * one. Thin: they call {@link kz.prometric.erp.finance.InvoiceManagement} only.
 */
package kz.prometric.erp.finance.process;
