package kz.prometric.erp.sales;

/**
 * pending → confirmed → in production / awaiting stock → shipped → invoiced → paid, or
 * cancelled before shipment.
 */
public enum OrderStatus {

	PENDING, CONFIRMED, AWAITING_STOCK, IN_PRODUCTION, SHIPPED, INVOICED, PAID, CANCELLED;

	boolean isShippedOrLater() {
		return this == SHIPPED || this == INVOICED || this == PAID;
	}

}
