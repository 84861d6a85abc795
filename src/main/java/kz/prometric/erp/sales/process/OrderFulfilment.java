package kz.prometric.erp.sales.process;

import java.util.UUID;

import kz.prometric.erp.sales.FulfilmentInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The contract of {@code processes/order-fulfilment.bpmn}, owned by sales: one instance
 * per order, started by {@code OrderManagement} when an order is placed (from a won deal
 * or by hand), business key = order number, tenant = the order's workspace. The ids and
 * names Java relies on live here and nowhere else.
 */
public final class OrderFulfilment {

	public static final String KEY = "order-fulfilment";

	/** Start variable: the workspace, which becomes the instance's tenant. */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	/** Shown to people (deal-born orders); no step reads it. */
	public static final String VAR_DEAL_ID = "dealId";

	/** Shown to people and searches; no step reads it. */
	public static final String VAR_ORDER_ID = "orderId";

	/** Shown on the forms; no step reads it (the business key is the order number). */
	public static final String VAR_ORDER_NUMBER = "orderNumber";

	/**
	 * true when every stock line is reserved (set by the reserve step for its gateway).
	 */
	public static final String VAR_STOCK_RESERVED = "stockReserved";

	/**
	 * What the order asked production to make or buy, one line per short order line (set
	 * by the replenishment request; shown on the replenish-stock form).
	 */
	public static final String VAR_REPLENISHMENTS = "replenishments";

	/**
	 * Why a replenishment failed (set with {@code Msg_ReplenishmentFailed}; shown on the
	 * replenish-stock form).
	 */
	public static final String VAR_REPLENISHMENT_PROBLEM = "replenishmentProblem";

	/** Field of the ship-order form. */
	public static final String VAR_CARRIER = "carrier";

	/** Field of the ship-order form. */
	public static final String VAR_TRACKING_NUMBER = "trackingNumber";

	/** Why the shipment was refused, shown on the ship-order form. */
	public static final String VAR_SHIPMENT_PROBLEM = "shipmentProblem";

	/** Why the invoice could not be issued, shown on the resolve-invoicing form. */
	public static final String VAR_INVOICING_PROBLEM = "invoicingProblem";

	/** Set when the invoice is issued; shown to people. */
	public static final String VAR_INVOICE_NUMBER = "invoiceNumber";

	/**
	 * ISO-8601 date-time of the payment due date: the first reminder, then every 7 days,
	 * 3 in all.
	 */
	public static final String VAR_INVOICE_DUE_DATE = "invoiceDueDate";

	/**
	 * ISO-8601 date-time when an unpaid invoice goes to collection (due date + 14 days).
	 */
	public static final String VAR_COLLECTION_AT = "collectionAt";

	/** Sent by sales when finance publishes that the order's invoice is paid. */
	public static final String MSG_INVOICE_PAID = "Msg_InvoicePaid";

	/**
	 * Sent by sales when production reports that what the order asked for is in stock (a
	 * production run's output, or received goods of a purchase requisition).
	 */
	public static final String MSG_STOCK_REPLENISHED = "Msg_StockReplenished";

	/**
	 * Sent by sales when production reports that what the order asked for will not come
	 * (a production run cancelled, a purchase requisition rejected).
	 */
	public static final String MSG_REPLENISHMENT_FAILED = "Msg_ReplenishmentFailed";

	/** Sent by sales when the order is cancelled. */
	public static final String MSG_ORDER_CANCELLED = "Msg_OrderCancelled";

	/**
	 * The shipment was refused by a business rule (e.g. no carrier): back to the ship
	 * task.
	 */
	public static final String ERR_SHIPMENT_REFUSED = "Err_ShipmentRefused";

	/**
	 * The invoice was refused by a business rule (e.g. no VAT rate): a task for a
	 * manager.
	 */
	public static final String ERR_INVOICING_REFUSED = "Err_InvoicingRefused";

	public static final String START_ORDER_PLACED = "StartEvent_OrderPlaced";

	public static final String TASK_RESERVE_STOCK = "Task_ReserveStock";

	public static final String TASK_REQUEST_REPLENISHMENT = "Task_RequestReplenishment";

	public static final String GATEWAY_AWAIT_REPLENISHMENT = "Gateway_AwaitReplenishment";

	public static final String EVENT_STOCK_REPLENISHED = "Event_StockReplenished";

	public static final String EVENT_REPLENISHMENT_FAILED = "Event_ReplenishmentFailed";

	public static final String TASK_REPLENISH_STOCK = "Task_ReplenishStock";

	public static final String TASK_SHIP_ORDER = "Task_ShipOrder";

	public static final String TASK_RECORD_SHIPMENT = "Task_RecordShipment";

	public static final String TASK_ISSUE_INVOICE = "Task_IssueInvoice";

	public static final String TASK_RESOLVE_INVOICING = "Task_ResolveInvoicing";

	public static final String TASK_AWAIT_PAYMENT = "Task_AwaitPayment";

	public static final String TASK_SEND_PAYMENT_REMINDER = "Task_SendPaymentReminder";

	public static final String TASK_COLLECT_PAYMENT = "Task_CollectPayment";

	public static final String TASK_COMPLETE_ORDER = "Task_CompleteOrder";

	public static final String TASK_RELEASE_RESERVATIONS = "Task_ReleaseReservations";

	public static final String BOUNDARY_SHIPMENT_REFUSED = "BoundaryEvent_ShipmentRefused";

	public static final String BOUNDARY_INVOICING_REFUSED = "BoundaryEvent_InvoicingRefused";

	public static final String BOUNDARY_PAYMENT_DUE = "BoundaryEvent_PaymentDue";

	public static final String BOUNDARY_PAYMENT_LONG_OVERDUE = "BoundaryEvent_PaymentLongOverdue";

	public static final String END_ORDER_FULFILLED = "EndEvent_OrderFulfilled";

	public static final String END_ORDER_CANCELLED = "EndEvent_OrderCancelled";

	private OrderFulfilment() {
	}

	/**
	 * What the executing instance is bound to: its tenant, business key and id, which no
	 * user can set.
	 */
	static FulfilmentInstance instance(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		if (tenant == null) {
			throw new IllegalStateException(
					"Order fulfilment instance " + execution.getProcessInstanceId() + " has no tenant");
		}
		return new FulfilmentInstance(UUID.fromString(tenant), execution.getProcessBusinessKey(),
				execution.getProcessInstanceId());
	}

}
