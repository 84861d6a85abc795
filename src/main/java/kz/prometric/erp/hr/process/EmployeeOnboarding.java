package kz.prometric.erp.hr.process;

import java.util.UUID;

import kz.prometric.erp.hr.OnboardingInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The contract of {@code processes/employee-onboarding.bpmn}: business key = the
 * employee's id, tenant = the workspace.
 */
public final class EmployeeOnboarding {

	public static final String PROCESS_KEY = "employee-onboarding";

	/** The decision table that chooses the checklist (collect hit policy). */
	public static final String CHECKLIST_DECISION = "onboarding-checklist";

	/**
	 * Correlated to a running onboarding when employment ends before it is done (REST):
	 * the onboarding stops and its open items are cancelled.
	 */
	public static final String MESSAGE_EMPLOYMENT_ENDING = "EmploymentEnding";

	/** Start variable: the workspace, which becomes the instance's tenant. */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	/** Start variable: the user who added the employee (or started the onboarding). */
	public static final String VAR_STARTED_BY = "startedBy";

	/** Shown on the forms; no step reads it (the business key is). */
	public static final String VAR_EMPLOYEE_NAME = "employeeName";

	/** The codes of the checklist's items: the multi-instance collection. */
	public static final String VAR_ITEM_CODES = "itemCodes";

	/** Element variable of the items sub-process. */
	public static final String VAR_ITEM_CODE = "itemCode";

	/** Local to an item: its title (also the task's name), due date and required flag. */
	public static final String VAR_ITEM_TITLE = "itemTitle";

	public static final String VAR_ITEM_DUE_ON = "itemDueOn";

	/**
	 * When the item is due: 09:00 Asia/Almaty on its due date (ISO-8601), the start of
	 * the reminder timer. Set by the plan step; no form offers it.
	 */
	public static final String VAR_ITEM_DUE_AT = "itemDueAt";

	public static final String VAR_ITEM_REQUIRED = "itemRequired";

	/** Fields of the onboarding-item form: done | notApplicable, and a note. */
	public static final String VAR_ITEM_OUTCOME = "itemOutcome";

	public static final String VAR_ITEM_NOTE = "itemNote";

	/** Why the last completion was refused, shown on the form. */
	public static final String VAR_ITEM_PROBLEM = "itemProblem";

	/**
	 * Who completed the item's task (set by a listener from the engine authentication).
	 */
	public static final String VAR_ITEM_DONE_BY = "itemDoneBy";

	/** 09:00 Asia/Almaty on the day the probation ends (ISO-8601), or null: no review. */
	public static final String VAR_PROBATION_REVIEW_AT = "probationReviewAt";

	/** Shown on the review form. */
	public static final String VAR_PROBATION_ENDS_ON = "probationEndsOn";

	/** Fields of the review-probation form. */
	public static final String VAR_PROBATION_DECISION = "probationDecision";

	public static final String VAR_EXTEND_MONTHS = "extendMonths";

	public static final String VAR_LAST_DAY = "lastDay";

	public static final String VAR_PROBATION_NOTE = "probationNote";

	/** Why the last decision was refused, shown on the review form. */
	public static final String VAR_PROBATION_PROBLEM = "probationProblem";

	/** Who reviewed (set by a listener). */
	public static final String VAR_PROBATION_DECIDED_BY = "probationDecidedBy";

	/** CONFIRMED, EXTENDED or ENDED, set by the record step for its gateway. */
	public static final String VAR_PROBATION_OUTCOME = "probationOutcome";

	public static final String ERR_ITEM_REFUSED = "Err_ItemRefused";

	public static final String ERR_PROBATION_DECISION_REFUSED = "Err_ProbationDecisionRefused";

	public static final String TASK_START_ONBOARDING = "Task_StartOnboarding";

	public static final String SUBPROCESS_ITEMS = "SubProcess_Items";

	public static final String TASK_PLAN_ITEM = "Task_PlanItem";

	public static final String TASK_COMPLETE_ITEM = "Task_CompleteItem";

	public static final String BOUNDARY_ITEM_OVERDUE = "BoundaryEvent_ItemOverdue";

	public static final String TASK_SEND_ITEM_REMINDER = "Task_SendItemReminder";

	public static final String TASK_RECORD_ITEM = "Task_RecordItem";

	public static final String GATEWAY_TO_PROBATION_TIMER = "Gateway_ToProbationTimer";

	public static final String TIMER_PROBATION_ENDS = "TimerEvent_ProbationEnds";

	public static final String TASK_REVIEW_PROBATION = "Task_ReviewProbation";

	public static final String TASK_RECORD_PROBATION_DECISION = "Task_RecordProbationDecision";

	public static final String TASK_CANCEL_ITEMS = "Task_CancelItems";

	public static final String END_CHECKLIST_DONE = "EndEvent_ChecklistDone";

	public static final String END_PROBATION_CONFIRMED = "EndEvent_ProbationConfirmed";

	public static final String END_EMPLOYMENT_ENDED = "EndEvent_EmploymentEnded";

	public static final String END_NO_PROBATION = "EndEvent_NoProbation";

	public static final String END_ONBOARDING_STOPPED = "EndEvent_OnboardingStopped";

	private EmployeeOnboarding() {
	}

	/** What the executing instance is bound to: its tenant and business key. */
	public static OnboardingInstance instance(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		if (tenant == null) {
			throw new IllegalStateException(
					"Employee onboarding instance " + execution.getProcessInstanceId() + " has no tenant");
		}
		return new OnboardingInstance(UUID.fromString(tenant), UUID.fromString(execution.getProcessBusinessKey()),
				execution.getProcessInstanceId());
	}

}
