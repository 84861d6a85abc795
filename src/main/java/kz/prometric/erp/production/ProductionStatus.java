package kz.prometric.erp.production;

/**
 * Where a production order stands. DONE, SCRAPPED and CANCELLED are final. Only the
 * production-run process moves an order; no REST route sets a status.
 */
public enum ProductionStatus {

	PLANNED, RELEASED, WAITING_MATERIALS, IN_PROGRESS, INSPECTION, REWORK, ON_HOLD, DONE, SCRAPPED, CANCELLED;

	boolean isFinal() {
		return this == DONE || this == SCRAPPED || this == CANCELLED;
	}

}
