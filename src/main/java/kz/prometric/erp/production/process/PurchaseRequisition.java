package kz.prometric.erp.production.process;

import java.util.UUID;

import kz.prometric.erp.production.PurchaseInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The contract of {@code processes/purchase-requisition.bpmn}, owned by production
 * (purchasing): one instance per purchase requisition, business key = the requisition
 * number ({@code PR-2026-000001}), tenant = the workspace.
 * <ul>
 * <li>Starters: {@code PurchasingManagement.requestForSalesOrder} (in its own
 * transaction, with the start variable {@link #VAR_WORKSPACE_ID}); the production-run
 * process as a call activity over its {@code requisitionNumbers} (the called instance
 * inherits the tenant). Its first step binds the requisition to the instance; every later
 * step checks that binding.</li>
 * <li>Always ends normally: goods received ({@link #END_GOODS_RECEIVED}) or rejected
 * ({@link #END_PURCHASE_REJECTED}); the caller reads the outcome from the
 * requisition.</li>
 * <li>Receives no message; publishes {@code ProductionEvents.PurchaseReceived} and
 * {@code PurchaseRejected} through {@code PurchasingManagement}.</li>
 * </ul>
 */
public final class PurchaseRequisition {

	public static final String KEY = "purchase-requisition";

	public static final String DECISION_PURCHASE_APPROVAL = "purchase-approval";

	// inputs and output of the purchase-approval table
	public static final String VAR_AMOUNT = "amount";

	public static final String VAR_MATERIAL_CATEGORY = "materialCategory";

	public static final String VAR_REQUESTER_ROLE = "requesterRole";

	/** AUTO, MANAGER or OWNER: set by Task_DecideApprover from the requisition. */
	public static final String VAR_APPROVER = "approver";

	/** The candidate group of Task_ApprovePurchase, set by Task_DecideApprover. */
	public static final String VAR_APPROVER_GROUP = "approverGroup";

	/** Start variable of instances started by purchasing itself. */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	// display copies of the requisition, refreshed by the steps; never read back
	public static final String VAR_REQUISITION_NUMBER = "requisitionNumber";

	public static final String VAR_PRODUCT_NAME = "productName";

	public static final String VAR_QUANTITY = "quantity";

	public static final String VAR_SUPPLIER_NAME = "supplierName";

	public static final String VAR_REQUESTER = "requester";

	public static final String VAR_PURCHASE_ORDER_NUMBER = "purchaseOrderNumber";

	public static final String VAR_REJECTION_REASON = "rejectionReason";

	// form fields
	/** approve-purchase: {@link #DECISION_APPROVE} or {@link #DECISION_REJECT}. */
	public static final String VAR_DECISION = "decision";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	/** approve-purchase: the approver's comment (the reason of a rejection). */
	public static final String VAR_COMMENT = "comment";

	/** receive-goods: the supplier's delivery note number. */
	public static final String VAR_DELIVERY_NOTE = "deliveryNote";

	/**
	 * Set by the approval's complete listener from the requisition (not from the form):
	 * whether it is approved now.
	 */
	public static final String VAR_REQUISITION_APPROVED = "requisitionApproved";

	// elements
	public static final String START_PURCHASE_REQUESTED = "StartEvent_PurchaseRequested";

	public static final String TASK_DECIDE_APPROVER = "Task_DecideApprover";

	public static final String GATEWAY_APPROVER_LEVEL = "Gateway_ApproverLevel";

	public static final String TASK_APPROVE_PURCHASE = "Task_ApprovePurchase";

	public static final String GATEWAY_PURCHASE_APPROVED = "Gateway_PurchaseApproved";

	public static final String TASK_PLACE_PURCHASE_ORDER = "Task_PlacePurchaseOrder";

	public static final String BOUNDARY_NO_SUPPLIER = "BoundaryEvent_NoSupplier";

	public static final String TASK_RECEIVE_GOODS = "Task_ReceiveGoods";

	public static final String TASK_RECORD_GOODS_RECEIPT = "Task_RecordGoodsReceipt";

	public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";

	public static final String END_GOODS_RECEIVED = "EndEvent_GoodsReceived";

	public static final String END_PURCHASE_REJECTED = "EndEvent_PurchaseRejected";

	/**
	 * No active supplier offers the product when the order is to be placed: the
	 * requisition is rejected with that reason.
	 */
	public static final String ERR_NO_SUPPLIER = "Err_NoSupplier";

	private PurchaseRequisition() {
	}

	/** What the executing instance is bound to: tenant, business key and id. */
	static PurchaseInstance instance(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		if (tenant == null) {
			throw new IllegalStateException(
					"Purchase requisition instance " + execution.getProcessInstanceId() + " has no tenant");
		}
		return new PurchaseInstance(UUID.fromString(tenant), execution.getProcessBusinessKey(),
				execution.getProcessInstanceId());
	}

}
