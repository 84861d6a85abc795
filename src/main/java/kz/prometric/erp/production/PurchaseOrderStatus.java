package kz.prometric.erp.production;

/** ORDERED → RECEIVED; CANCELLED when its requisition's process was cancelled first. */
public enum PurchaseOrderStatus {

	ORDERED, RECEIVED, CANCELLED

}
