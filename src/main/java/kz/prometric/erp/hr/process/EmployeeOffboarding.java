package kz.prometric.erp.hr.process;

import java.util.UUID;

import kz.prometric.erp.hr.OffboardingInstance;
import kz.prometric.erp.hr.OffboardingStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The contract of {@code processes/employee-offboarding.bpmn}: business key = the
 * employee's id, tenant = the workspace. Started only by
 * {@link kz.prometric.erp.hr.OffboardingManagement}; the ids and names Java relies on
 * live here.
 */
public final class EmployeeOffboarding {

	public static final String PROCESS_KEY = "employee-offboarding";

	/** Start variable: the workspace, which becomes the instance's tenant. */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	/** Shown on the forms; no step reads it (the business key is). */
	public static final String VAR_EMPLOYEE_NAME = "employeeName";

	/** The last day of work (ISO date), shown on the forms. */
	public static final String VAR_LAST_DAY = "lastDay";

	/** Why employment ends, shown on the forms. */
	public static final String VAR_LEAVING_REASON = "leavingReason";

	/**
	 * When access ends: the start of the day after the last day, Asia/Almaty (a date
	 * computed by the façade at the start; no form declares it, so nobody can change it).
	 * The timer and the tasks' due date read it.
	 */
	public static final String VAR_ACCESS_ENDS_AT = "accessEndsAt";

	/** Fields of the return-equipment form. */
	public static final String VAR_EQUIPMENT_RETURNED = "equipmentReturned";

	public static final String VAR_EQUIPMENT_NOTE = "equipmentNote";

	/** Fields of the final-settlement form. */
	public static final String VAR_SETTLEMENT_PAID = "settlementPaid";

	public static final String VAR_SETTLEMENT_AMOUNT = "settlementAmount";

	public static final String VAR_SETTLEMENT_NOTE = "settlementNote";

	/** Fields of the sign-leaving-documents form. */
	public static final String VAR_DOCUMENTS_SIGNED = "documentsSigned";

	public static final String VAR_DOCUMENTS_NOTE = "documentsNote";

	public static final String START_EMPLOYMENT_ENDING = "StartEvent_EmploymentEnding";

	public static final String TASK_RETURN_EQUIPMENT = "Task_ReturnEquipment";

	public static final String TASK_FINAL_SETTLEMENT = "Task_FinalSettlement";

	public static final String TASK_SIGN_LEAVING_DOCUMENTS = "Task_SignLeavingDocuments";

	public static final String TIMER_LAST_DAY_OVER = "TimerEvent_LastDayOver";

	public static final String TASK_END_ACCESS = "Task_EndAccess";

	public static final String GATEWAY_OFFBOARDING_DONE = "Gateway_OffboardingDone";

	public static final String TASK_RECORD_LEFT = "Task_RecordLeft";

	public static final String END_EMPLOYEE_LEFT = "EndEvent_EmployeeLeft";

	private EmployeeOffboarding() {
	}

	/**
	 * What the executing instance is bound to: its tenant and business key, which no user
	 * can set.
	 */
	public static OffboardingInstance instance(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		String businessKey = execution.getProcessBusinessKey();
		if (tenant == null || businessKey == null) {
			throw new IllegalStateException(
					"Offboarding instance " + execution.getProcessInstanceId() + " has no tenant or business key");
		}
		return new OffboardingInstance(UUID.fromString(tenant), UUID.fromString(businessKey));
	}

	/** The offboarding step a user task of this process stands for. */
	static OffboardingStep step(String taskDefinitionKey) {
		return switch (taskDefinitionKey) {
			case TASK_RETURN_EQUIPMENT -> OffboardingStep.RETURN_EQUIPMENT;
			case TASK_FINAL_SETTLEMENT -> OffboardingStep.FINAL_SETTLEMENT;
			case TASK_SIGN_LEAVING_DOCUMENTS -> OffboardingStep.SIGN_LEAVING_DOCUMENTS;
			default -> throw new IllegalStateException("Not an offboarding task: " + taskDefinitionKey);
		};
	}

}
