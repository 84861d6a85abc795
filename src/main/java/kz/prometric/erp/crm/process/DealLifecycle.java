package kz.prometric.erp.crm.process;

/**
 * The ids of {@code processes/deal-lifecycle.bpmn} and its decisions and forms that Java
 * relies on. Renaming an id in the BPMN means renaming it here.
 */
public final class DealLifecycle {

	public static final String KEY = "deal-lifecycle";

	// start variables (all set, possibly null, when the instance starts)
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	public static final String VAR_DEAL_ID = "dealId";

	public static final String VAR_DEAL_TITLE = "dealTitle";

	public static final String VAR_CUSTOMER_NAME = "customerName";

	/**
	 * The deal's value as a Double, for decisions and display (the deal's BigDecimal
	 * stays the truth).
	 */
	public static final String VAR_DEAL_VALUE = "dealValue";

	/** COMPANY or INDIVIDUAL: input of deal-probability. */
	public static final String VAR_CUSTOMER_TYPE = "customerType";

	/**
	 * E-mail of the user the deal is assigned to, or null: stage tasks are then offered
	 * to the managers.
	 */
	public static final String VAR_ASSIGNEE = "assignee";

	/**
	 * ISO-8601 date-time of the close-date reminder (expected close date, or 30 days
	 * after creation).
	 */
	public static final String VAR_REMINDER_AT = "reminderAt";

	/**
	 * The deal's current stage (NEW, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST); the
	 * router reads it.
	 */
	public static final String VAR_STAGE = "stage";

	/**
	 * Largest discount in percent among the deal's products: input of discount-approval.
	 */
	public static final String VAR_MAX_DISCOUNT = "maxDiscountPercent";

	// form fields of the stage tasks
	public static final String VAR_OUTCOME = "outcome";

	public static final String OUTCOME_ADVANCE = "ADVANCE";

	public static final String OUTCOME_WON = "WON";

	public static final String OUTCOME_LOST = "LOST";

	public static final String VAR_LOST_REASON = "lostReason";

	/**
	 * Input parameter of the record-outcome service tasks: the stage an ADVANCE outcome
	 * moves to.
	 */
	public static final String VAR_NEXT_STAGE = "nextStage";

	// discount approval
	public static final String DECISION_DISCOUNT_APPROVAL = "discount-approval";

	public static final String VAR_APPROVAL_REQUIRED = "approvalRequired";

	public static final String VAR_DISCOUNT_APPROVED = "discountApproved";

	public static final String VAR_APPROVAL_COMMENT = "approvalComment";

	public static final String DECISION_DEAL_PROBABILITY = "deal-probability";

	// elements
	public static final String GATEWAY_ROUTE_BY_STAGE = "Gateway_RouteByStage";

	public static final String TASK_QUALIFY_DEAL = "Task_QualifyDeal";

	public static final String TASK_PREPARE_PROPOSAL = "Task_PrepareProposal";

	public static final String TASK_DECIDE_DISCOUNT_APPROVAL = "Task_DecideDiscountApproval";

	public static final String TASK_APPROVE_DISCOUNT = "Task_ApproveDiscount";

	public static final String TASK_NEGOTIATE_DEAL = "Task_NegotiateDeal";

	public static final String TASK_CLOSE_DEAL = "Task_CloseDeal";

	public static final String TASK_REMIND_OWNER = "Task_RemindOwner";

	public static final String END_DEAL_WON = "EndEvent_DealWon";

	public static final String END_DEAL_LOST = "EndEvent_DealLost";

	// messages
	/**
	 * Correlated by the API when a stage is changed through REST; interrupts the waiting
	 * stage task.
	 */
	public static final String MSG_STAGE_CHANGED = "Msg_DealStageChanged";

	/**
	 * Thrown when a deal is won; starts order fulfilment. Payload: dealId, workspaceId.
	 */
	public static final String MSG_DEAL_WON = "Msg_DealWon";

	private DealLifecycle() {
	}

}
