package kz.prometric.erp.events;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of {@link BusinessEvent} the ERP publishes (docs/events.md documents each
 * one's payload). A kind is never renamed once published: integrators subscribe to it by
 * name.
 */
public final class EventCatalogue {

	public static final String CUSTOMER_CREATED = "customer.created";

	public static final String DEAL_CREATED = "deal.created";

	public static final String DEAL_STAGE_CHANGED = "deal.stage-changed";

	public static final String DEAL_WON = "deal.won";

	public static final String DEAL_LOST = "deal.lost";

	public static final String ORDER_CREATED = "order.created";

	public static final String ORDER_CANCELLED = "order.cancelled";

	public static final String INVOICE_ISSUED = "invoice.issued";

	public static final String INVOICE_PAID = "invoice.paid";

	public static final String INVOICE_CREDITED = "invoice.credited";

	public static final String PRODUCTION_FINISHED = "production.finished";

	public static final String PRODUCTION_STOPPED = "production.stopped";

	public static final String STOCK_LOW = "stock.low";

	public static final String EMPLOYEE_ADDED = "employee.added";

	public static final String EMPLOYEE_ACTIVATED = "employee.activated";

	public static final String EMPLOYEE_LEFT = "employee.left";

	/** Every kind, in the order of docs/events.md. */
	public static final Set<String> KINDS = Collections.unmodifiableSet(
			new LinkedHashSet<>(List.of(CUSTOMER_CREATED, DEAL_CREATED, DEAL_STAGE_CHANGED, DEAL_WON, DEAL_LOST,
					ORDER_CREATED, ORDER_CANCELLED, INVOICE_ISSUED, INVOICE_PAID, INVOICE_CREDITED, PRODUCTION_FINISHED,
					PRODUCTION_STOPPED, STOCK_LOW, EMPLOYEE_ADDED, EMPLOYEE_ACTIVATED, EMPLOYEE_LEFT)));

	private EventCatalogue() {
	}

	/** Whether {@code kind} is in the catalogue. */
	public static boolean isKnown(String kind) {
		return kind != null && KINDS.contains(kind);
	}

}
