package kz.prometric.erp.sales.process;

/**
 * The ids of {@code processes/order-fulfilment.bpmn} that Java relies on.
 */
public final class OrderFulfilment {

	public static final String KEY = "order-fulfilment";

	public static final String VAR_WORKSPACE_ID = "workspaceId";

	public static final String VAR_DEAL_ID = "dealId";

	public static final String VAR_ORDER_ID = "orderId";

	public static final String VAR_ORDER_NUMBER = "orderNumber";

	/** true when every stock line is reserved. */
	public static final String VAR_STOCK_RESERVED = "stockReserved";

	public static final String VAR_CARRIER = "carrier";

	public static final String VAR_TRACKING_NUMBER = "trackingNumber";

	/** Set by the finance module's issueInvoiceDelegate. */
	public static final String VAR_INVOICE_ID = "invoiceId";

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

	public static final String MSG_DEAL_WON = "Msg_DealWon";

	public static final String MSG_INVOICE_PAID = "Msg_InvoicePaid";

	public static final String MSG_ORDER_CANCELLED = "Msg_OrderCancelled";

	public static final String TASK_CREATE_ORDER = "Task_CreateOrderFromDeal";

	public static final String TASK_RESERVE_STOCK = "Task_ReserveStock";

	public static final String TASK_REPLENISH_STOCK = "Task_ReplenishStock";

	public static final String TASK_SHIP_ORDER = "Task_ShipOrder";

	public static final String TASK_ISSUE_INVOICE = "Task_IssueInvoice";

	public static final String TASK_AWAIT_PAYMENT = "Task_AwaitPayment";

	public static final String TASK_SEND_PAYMENT_REMINDER = "Task_SendPaymentReminder";

	public static final String TASK_COLLECT_PAYMENT = "Task_CollectPayment";

	public static final String END_ORDER_FULFILLED = "EndEvent_OrderFulfilled";

	public static final String END_ORDER_CANCELLED = "EndEvent_OrderCancelled";

	private OrderFulfilment() {
	}

}
