package kz.prometric.erp.inventory;

/**
 * ACTIVE holds stock for an order line; RELEASED gave it back; ISSUED shipped it.
 */
public enum ReservationStatus {

	ACTIVE, RELEASED, ISSUED

}
