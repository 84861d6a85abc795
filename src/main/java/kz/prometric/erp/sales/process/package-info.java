/**
 * The contract and delegates of the order-fulfilment process ({@link OrderFulfilment});
 * the delegates call {@code OrderManagement} only, and find the order by the instance's
 * business key and tenant, never by a variable.
 */
package kz.prometric.erp.sales.process;
