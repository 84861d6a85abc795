package kz.prometric.erp.document.process;

import java.util.UUID;

import kz.prometric.erp.document.DocumentManagement.ApprovalInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The contract of {@code processes/document-approval.bpmn}, owned by the document module:
 * one instance per approval request, business key = the document id, tenant = the
 * workspace.
 * <ul>
 * <li>Starter: {@code DocumentManagement.requestApproval}, in the transaction that
 * records the request (PENDING, the approver role from {@code dmn/document-approval.dmn},
 * the instance bound to the document).</li>
 * <li>Receives no message. The approval task's complete listener records the decision on
 * the document (who: the engine's authenticated user, checked against the approver role;
 * when; the comment) and tells the process whether it is approved.</li>
 * </ul>
 */
public final class DocumentApproval {

	public static final String KEY = "document-approval";

	public static final String DECISION = "document-approval";

	// inputs of the decision table (also shown on the form)
	public static final String VAR_KIND = "kind";

	public static final String VAR_AMOUNT = "amount";

	/** Start variable: the workspace, for the instance's tenant. */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	/**
	 * Start variable: the candidate group of the approval task ({@code <ws>:manager}).
	 */
	public static final String VAR_APPROVER_GROUP = "approverGroup";

	// read-only values of the form, set on the task by the ERP
	public static final String VAR_FILE_NAME = "fileName";

	public static final String VAR_VERSION = "version";

	/** The amount the approval was asked for, as text (empty when none was given). */
	public static final String VAR_AMOUNT_SHOWN = "amountShown";

	public static final String VAR_APPROVER_ROLE = "approverRole";

	public static final String VAR_REQUESTED_BY = "requestedBy";

	public static final String VAR_OBJECT = "attachedTo";

	// form fields
	/** approve-document: {@link #DECISION_APPROVE} or {@link #DECISION_REJECT}. */
	public static final String VAR_DECISION = "decision";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	/** approve-document: the approver's comment. */
	public static final String VAR_COMMENT = "comment";

	/** Set by the complete listener from the document (not from the form). */
	public static final String VAR_DOCUMENT_APPROVED = "documentApproved";

	// elements
	public static final String START_APPROVAL_REQUESTED = "StartEvent_ApprovalRequested";

	public static final String TASK_APPROVE_DOCUMENT = "Task_ApproveDocument";

	public static final String GATEWAY_DOCUMENT_APPROVED = "Gateway_DocumentApproved";

	public static final String END_DOCUMENT_APPROVED = "EndEvent_DocumentApproved";

	public static final String END_DOCUMENT_REJECTED = "EndEvent_DocumentRejected";

	private DocumentApproval() {
	}

	/** What the executing instance is bound to: tenant, business key and id. */
	static ApprovalInstance instance(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		if (tenant == null) {
			throw new IllegalStateException(
					"Document approval instance " + execution.getProcessInstanceId() + " has no tenant");
		}
		return new ApprovalInstance(UUID.fromString(tenant), execution.getProcessBusinessKey(),
				execution.getProcessInstanceId());
	}

}
