package kz.prometric.erp.production.process;

import java.util.UUID;

import kz.prometric.erp.production.RunInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The contract of {@code processes/production-run.bpmn}, owned by production: one
 * instance per production order, started when the order is released (by REST, by sales'
 * replenishment request, or for a sub-assembly or a re-planned lot), business key = the
 * MO number, tenant = the order's workspace. The ids and names Java relies on live here.
 */
public final class ProductionRun {

	public static final String KEY = "production-run";

	/** Start variable: the workspace, which becomes the instance's tenant. */
	public static final String VAR_WORKSPACE_ID = "workspaceId";

	/** Shown on the forms and in Cockpit; no step reads it (the business key is). */
	public static final String VAR_ORDER_NUMBER = "productionOrderNumber";

	/**
	 * Set by the materials check for its gateway: READY, PURCHASE, WAIT_SUBASSEMBLIES,
	 * REJECTED.
	 */
	public static final String VAR_MATERIALS_STATE = "materialsState";

	/** The requisitions the purchase call activity runs over (one instance each). */
	public static final String VAR_REQUISITION_NUMBERS = "requisitionNumbers";

	/** Element variable of the purchase call activity. */
	public static final String VAR_REQUISITION_NUMBER = "requisitionNumber";

	/** Why the run is on hold (shown on the resolve-production-hold form). */
	public static final String VAR_HOLD_REASON = "holdReason";

	/** Field of the resolve-production-hold form: retry | cancel. */
	public static final String VAR_HOLD_DECISION = "holdDecision";

	/** The operations in routing order: the multi-instance collection. */
	public static final String VAR_OPERATION_IDS = "operationIds";

	/** Element variable of the operations sub-process. */
	public static final String VAR_OPERATION_ID = "operationId";

	/** MANUAL or EXTERNAL, for the work-center gateway (local to one operation). */
	public static final String VAR_WORK_CENTER_KIND = "workCenterKind";

	/**
	 * The external-task topic of an EXTERNAL operation: production.<work-center-code>.
	 */
	public static final String VAR_OPERATION_TOPIC = "operationTopic";

	public static final String VAR_WORK_CENTER_NAME = "workCenterName";

	public static final String VAR_OPERATION_NAME = "operationName";

	public static final String VAR_INSTRUCTIONS = "instructions";

	public static final String VAR_QUANTITY = "quantity";

	public static final String VAR_PRODUCT_CODE = "productCode";

	public static final String VAR_PLANNED_MINUTES = "plannedMinutes";

	/** Report fields (perform-operation form, and the machine's completion). */
	public static final String VAR_GOOD_QUANTITY = "goodQuantity";

	public static final String VAR_SCRAP_QUANTITY = "scrapQuantity";

	public static final String VAR_DURATION_MINUTES = "durationMinutes";

	public static final String VAR_NOTES = "notes";

	/**
	 * Who reported the operation (set by a listener from the engine's authentication).
	 */
	public static final String VAR_PERFORMED_BY = "performedBy";

	/** Why the last report was refused, shown on the perform-operation form. */
	public static final String VAR_REPORT_PROBLEM = "reportProblem";

	/** Whether an inspection follows the reported operation. */
	public static final String VAR_INSPECTION_FOLLOWS = "inspectionFollows";

	/** Shown read-only on the inspect-quality form. */
	public static final String VAR_SAMPLE_SIZE = "sampleSize";

	public static final String VAR_ACCEPTANCE_NUMBER = "acceptanceNumber";

	public static final String VAR_LOT_SIZE = "lotSize";

	/** Fields of the inspect-quality form. */
	public static final String VAR_SAMPLED = "sampled";

	public static final String VAR_DEFECTS = "defects";

	public static final String VAR_INSPECTION_NOTES = "inspectionNotes";

	/** Who inspected (set by a listener). */
	public static final String VAR_INSPECTED_BY = "inspectedBy";

	/** Why the inspection record was refused, shown on the inspect-quality form. */
	public static final String VAR_INSPECTION_PROBLEM = "inspectionProblem";

	/** PASSED, REWORK or SCRAP, set by the record-inspection step for its gateway. */
	public static final String VAR_INSPECTION_OUTCOME = "inspectionOutcome";

	/** The number of the order planned for a scrapped lot's shortfall. */
	public static final String VAR_REPLANNED_AS = "replannedAs";

	public static final String MSG_SUBASSEMBLY_FINISHED = "Msg_SubassemblyFinished";

	public static final String MSG_RUN_CANCELLED = "Msg_RunCancelled";

	public static final String ERR_OPERATION_REPORT_REFUSED = "Err_OperationReportRefused";

	public static final String ERR_INSPECTION_REFUSED = "Err_InspectionRefused";

	public static final String ERR_LOT_SCRAPPED = "Err_LotScrapped";

	public static final String START_RUN_RELEASED = "StartEvent_RunReleased";

	public static final String TASK_RESERVE_MATERIALS = "Task_ReserveMaterials";

	public static final String GATEWAY_MATERIALS = "Gateway_MaterialsState";

	public static final String CALL_PURCHASE_MATERIALS = "CallActivity_PurchaseMaterials";

	public static final String EVENT_SUBASSEMBLY_FINISHED = "IntermediateEvent_SubassemblyFinished";

	public static final String TASK_PUT_ON_HOLD = "Task_PutOnHold";

	public static final String TASK_RESOLVE_HOLD = "Task_ResolveHold";

	public static final String TASK_RESUME_RUN = "Task_ResumeRun";

	public static final String TASK_CANCEL_RUN = "Task_CancelRun";

	public static final String TASK_ISSUE_MATERIALS = "Task_IssueMaterials";

	public static final String SUBPROCESS_OPERATIONS = "SubProcess_Operations";

	public static final String TASK_START_OPERATION = "Task_StartOperation";

	public static final String TASK_PERFORM_OPERATION = "Task_PerformOperation";

	public static final String TASK_RUN_ON_MACHINE = "Task_RunOnMachine";

	public static final String TASK_RECORD_OPERATION = "Task_RecordOperation";

	public static final String BOUNDARY_REPORT_REFUSED = "BoundaryEvent_OperationReportRefused";

	public static final String TASK_PLAN_INSPECTION = "Task_PlanInspection";

	public static final String TASK_INSPECT_QUALITY = "Task_InspectQuality";

	public static final String TASK_RECORD_INSPECTION = "Task_RecordInspection";

	public static final String BOUNDARY_INSPECTION_REFUSED = "BoundaryEvent_InspectionRefused";

	public static final String BOUNDARY_LOT_SCRAPPED = "BoundaryEvent_LotScrapped";

	public static final String TASK_SCRAP_LOT = "Task_ScrapLot";

	public static final String TASK_RECORD_OUTPUT = "Task_RecordOutput";

	public static final String TASK_RELEASE_MATERIALS = "Task_ReleaseMaterials";

	public static final String END_RUN_FINISHED = "EndEvent_RunFinished";

	public static final String END_RUN_SCRAPPED = "EndEvent_RunScrapped";

	public static final String END_RUN_CANCELLED = "EndEvent_RunCancelled";

	public static final String END_HOLD_CANCELLED = "EndEvent_HoldCancelled";

	private ProductionRun() {
	}

	/**
	 * What the executing instance is bound to: its tenant, business key and id, which no
	 * user can set.
	 */
	public static RunInstance instance(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		if (tenant == null) {
			throw new IllegalStateException(
					"Production run instance " + execution.getProcessInstanceId() + " has no tenant");
		}
		return new RunInstance(UUID.fromString(tenant), execution.getProcessBusinessKey(),
				execution.getProcessInstanceId());
	}

}
