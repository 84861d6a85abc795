/**
 * Delegates of the order-fulfilment process; they call {@code OrderManagement} only.
 */
package kz.prometric.erp.sales.process;
