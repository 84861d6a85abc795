package kz.prometric.erp.crm.process;

/**
 * The contract of {@code processes/deal-lifecycle.bpmn}, owned by crm: its key, the
 * message it receives, its variables, element ids, decisions and error codes. Renaming an
 * id in the BPMN means renaming it here.
 * <ul>
 * <li>Starter: {@code DealManagement.create}, in the transaction that creates the deal;
 * nobody else starts it.</li>
 * <li>Business key: the deal id; tenant: the deal's workspace. Every delegate and
 * listener loads the deal by these two and nothing else.</li>
 * <li>Receives {@link #MSG_STAGE_CHANGED} (correlated only by
 * {@code DealManagement.changeStage}); throws no message. A won deal is announced by the
 * event {@code DealEvents.DealWon}, on which the order side acts.</li>
 * </ul>
 */
public final class DealLifecycle {

	public static final String KEY = "deal-lifecycle";

	// start variables (all set, possibly null, when the instance starts)
	/**
	 * The deal's workspace: the instance's tenant is taken from it at start. Later steps
	 * read the tenant ({@code execution.getTenantId()}), never this variable.
	 */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	// display copies of the deal, refreshed from the deal by the delegates; never read
	// back
	public static final String VAR_DEAL_TITLE = "dealTitle";

	public static final String VAR_CUSTOMER_NAME = "customerName";

	/** The deal's value as a Double, for display on forms (the deal stays the truth). */
	public static final String VAR_DEAL_VALUE = "dealValue";

	/** Largest discount in percent among the deal's lines, for display. */
	public static final String VAR_MAX_DISCOUNT = "maxDiscountPercent";

	/** COMPANY or INDIVIDUAL: input of deal-probability. */
	public static final String VAR_CUSTOMER_TYPE = "customerType";

	/**
	 * E-mail of the user the deal is assigned to, or null: stage tasks are then offered
	 * to the managers. Refreshed from the deal after every stage move.
	 */
	public static final String VAR_ASSIGNEE = "assignee";

	/**
	 * ISO-8601 date-time of the close-date reminder (expected close date, or 30 days
	 * after creation).
	 */
	public static final String VAR_REMINDER_AT = "reminderAt";

	/**
	 * The deal's current stage (NEW, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST); the
	 * router reads it. Written only by the ERP: at start, by the stage-change message,
	 * and from the deal after every recorded task outcome.
	 */
	public static final String VAR_STAGE = "stage";

	// form fields of the stage tasks
	public static final String VAR_OUTCOME = "outcome";

	public static final String OUTCOME_ADVANCE = "ADVANCE";

	public static final String OUTCOME_WON = "WON";

	public static final String OUTCOME_LOST = "LOST";

	public static final String VAR_LOST_REASON = "lostReason";

	/**
	 * Why the deal refused the last task outcome (shown on the stage forms); removed when
	 * a move succeeds.
	 */
	public static final String VAR_STAGE_REFUSAL = "stageRefusal";

	/**
	 * Input parameter of the record-outcome service tasks: the stage an ADVANCE outcome
	 * moves to.
	 */
	public static final String VAR_NEXT_STAGE = "nextStage";

	// discount approval
	public static final String DECISION_DISCOUNT_APPROVAL = "discount-approval";

	/**
	 * Set by "Check whether the discount needs approval" from the deal: whether its
	 * current discount needs a manager's approval that it does not have.
	 */
	public static final String VAR_APPROVAL_REQUIRED = "approvalRequired";

	public static final String VAR_DISCOUNT_APPROVED = "discountApproved";

	public static final String VAR_APPROVAL_COMMENT = "approvalComment";

	public static final String DECISION_DEAL_PROBABILITY = "deal-probability";

	// elements
	public static final String START_DEAL_CREATED = "StartEvent_DealCreated";

	public static final String TASK_READ_DEAL_STAGE = "Task_ReadDealStage";

	public static final String GATEWAY_ROUTE_BY_STAGE = "Gateway_RouteByStage";

	public static final String TASK_QUALIFY_DEAL = "Task_QualifyDeal";

	public static final String TASK_RECORD_QUALIFY_OUTCOME = "Task_RecordQualifyOutcome";

	public static final String TASK_PREPARE_PROPOSAL = "Task_PrepareProposal";

	public static final String TASK_DECIDE_DISCOUNT_APPROVAL = "Task_DecideDiscountApproval";

	public static final String TASK_APPROVE_DISCOUNT = "Task_ApproveDiscount";

	public static final String TASK_RECORD_PROPOSAL_OUTCOME = "Task_RecordProposalOutcome";

	public static final String TASK_NEGOTIATE_DEAL = "Task_NegotiateDeal";

	public static final String TASK_RECORD_NEGOTIATION_OUTCOME = "Task_RecordNegotiationOutcome";

	public static final String TASK_CLOSE_DEAL = "Task_CloseDeal";

	public static final String TASK_RECORD_CLOSE_OUTCOME = "Task_RecordCloseOutcome";

	public static final String TASK_REMIND_OWNER = "Task_RemindOwner";

	public static final String BOUNDARY_QUALIFY_REFUSED = "BoundaryEvent_QualifyRefused";

	public static final String BOUNDARY_PROPOSAL_REFUSED = "BoundaryEvent_ProposalRefused";

	public static final String BOUNDARY_NEGOTIATION_REFUSED = "BoundaryEvent_NegotiationRefused";

	public static final String BOUNDARY_CLOSE_REFUSED = "BoundaryEvent_CloseRefused";

	public static final String BOUNDARY_STAGE_CHANGED_WHILE_QUALIFYING = "BoundaryEvent_StageChangedWhileQualifying";

	public static final String BOUNDARY_STAGE_CHANGED_WHILE_PROPOSING = "BoundaryEvent_StageChangedWhileProposing";

	public static final String BOUNDARY_STAGE_CHANGED_WHILE_APPROVING = "BoundaryEvent_StageChangedWhileApproving";

	public static final String BOUNDARY_STAGE_CHANGED_WHILE_NEGOTIATING = "BoundaryEvent_StageChangedWhileNegotiating";

	public static final String BOUNDARY_STAGE_CHANGED_WHILE_CLOSING = "BoundaryEvent_StageChangedWhileClosing";

	public static final String END_DEAL_WON = "EndEvent_DealWon";

	public static final String END_DEAL_LOST = "EndEvent_DealLost";

	// messages and errors
	/**
	 * Correlated by the API when a stage is changed through REST; interrupts the waiting
	 * stage task.
	 */
	public static final String MSG_STAGE_CHANGED = "Msg_DealStageChanged";

	/**
	 * Thrown by a record-outcome step when the deal refuses the task's outcome (a win
	 * without product lines, a move past an unapproved discount, a loss without reason):
	 * the process goes back to the same stage's task with {@link #VAR_STAGE_REFUSAL}.
	 */
	public static final String ERR_STAGE_REFUSED = "Err_StageRefused";

	private DealLifecycle() {
	}

}
