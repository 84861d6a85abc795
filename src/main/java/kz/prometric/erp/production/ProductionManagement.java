package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work centers, routings and production orders of a workspace, and the steps of the
 * {@code production-run} process.
 * <p>
 * CONTRACT SKELETON (issue 9, being built): the methods below are the agreed contract
 * between the production domain, the production-run delegates and sales. The REST-facing
 * methods (work centers, routings, production orders: create, list, read, release,
 * cancel) are added by the domain's author.
 */
@Service
public class ProductionManagement {

	// ---- process-facing: each call is one step of the production-run instance `run`;
	// ---- the production order is loaded by (run.workspaceId, run.orderNumber) and its
	// ---- stored process instance id must equal run.processInstanceId (else
	// ---- IllegalStateException: a technical fault, an incident). All idempotent: a
	// ---- retried job must not reserve, issue, record or output twice.

	/**
	 * Explodes the bill of materials of the order's product (one level: a component that
	 * has a routing of its own is a sub-assembly), reserves each component for the order
	 * (inventory reservation with orderId = production order id, orderLineId = the
	 * requirement's id), and for what is short: a sub-assembly gets a child production
	 * order (linked to this one, released at once, its own run started; one per
	 * requirement, also on retry), a purchased material a purchase requisition (one open
	 * requisition per requirement). Moves the order to WAITING_MATERIALS when something
	 * is short. Locks the production order row (a finishing child run or a received
	 * purchase locks it too before waking this run, so no wake-up is lost).
	 */
	@Transactional
	public MaterialsCheck reserveMaterials(RunInstance run) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/** A purchase was rejected: the order goes ON_HOLD with the reason. */
	@Transactional
	public void putOnHold(RunInstance run, String reason) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * The planner chose to try again after a hold: the order goes back to RELEASED (the
	 * rejected requisitions stay rejected; the next materials check raises new ones).
	 */
	@Transactional
	public void resumeAfterHold(RunInstance run) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * Issues every reserved material to production (inventory ISSUE_TO_PRODUCTION at the
	 * moving average cost, recorded on the order as material cost), moves the order to
	 * IN_PROGRESS and answers the ids of its operations in routing order (the
	 * multi-instance collection). A retry issues nothing more and answers the same ids.
	 */
	@Transactional
	public List<String> issueMaterials(RunInstance run) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * Starts (or restarts, in rework) the operation: records when, and answers what the
	 * process needs to route it: a MANUAL work center gets a Tasklist task, an EXTERNAL
	 * one an external task on {@code topic} ({@code production.<work-center-code>}).
	 */
	@Transactional
	public OperationStart startOperation(RunInstance run, String operationId) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * Records what an operator or a machine reported for the operation: good and scrapped
	 * quantities (not negative, good + scrap ≤ the order's quantity, good > 0), the
	 * duration in minutes (null: the routing's planned setup + run time) and notes; the
	 * labour cost is duration × the work center's hourly rate. Refuses a bad report with
	 * a {@link kz.prometric.erp.shared.BusinessRuleViolation} naming the field (the
	 * process turns it into {@code Err_OperationReportRefused} and asks again). Answers
	 * whether an inspection follows this operation (the routing says so, and the last
	 * operation is always inspected).
	 */
	@Transactional
	public boolean recordOperation(RunInstance run, String operationId, OperationReport report) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * The inputs of {@code dmn/quality-inspection.dmn} for the operation's lot: the
	 * product's category and the lot size (the good quantity just reported); moves the
	 * order to INSPECTION.
	 */
	@Transactional
	public InspectionInput inspectionInput(RunInstance run, String operationId) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * Records the inspector's result against the plan the table chose: PASSED when the
	 * defects found in the sample do not exceed the acceptance number; otherwise REWORK
	 * (the order goes to REWORK and the operation is done again) while the reworks of
	 * this operation stay below the plan's limit, else SCRAP. Sampled must be ≥ the
	 * plan's sample size (capped at the lot) and defects ≤ sampled (else
	 * BusinessRuleViolation).
	 */
	@Transactional
	public InspectionOutcome recordInspection(RunInstance run, String operationId, InspectionPlan plan,
			InspectionResult result) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * Past the rework limit: the lot is written off (inventory SCRAP movement at its cost
	 * so far), the order becomes SCRAPPED, and a new production order is planned and
	 * released for the same product, quantity, source and parent (its number is
	 * answered); publishes {@link ProductionEvents.ProductionRunStopped}.
	 */
	@Transactional
	public String scrapLot(RunInstance run) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * The quality gate and the output: refused (IllegalStateException, an incident — no
	 * user path reaches it otherwise) unless the last operation's latest inspection
	 * PASSED after its latest report. Puts the good quantity into stock
	 * (PRODUCTION_OUTPUT) at the actual unit cost (materials + labour) / good quantity,
	 * the order becomes DONE with its variance against the standard cost; publishes
	 * {@link ProductionEvents.ProductionRunFinished}. A retry outputs nothing more.
	 */
	@Transactional
	public void recordOutput(RunInstance run) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * The run was cancelled (REST cancel, or the planner ended a hold): releases the
	 * order's reservations, the order becomes CANCELLED (issued materials stay consumed);
	 * publishes {@link ProductionEvents.ProductionRunStopped}.
	 */
	@Transactional
	public void runCancelled(RunInstance run) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	// ---- sales-facing

	/**
	 * Sales asks for the shortfall of one of its order lines to be made or bought. A
	 * product with a routing is manufactured: a production order with the sales order
	 * line as source, released at once (its run started). Any other product is bought: a
	 * purchase requisition with the line as source (its purchase-requisition process
	 * started). Idempotent per order line while the answer is still open. No access
	 * check: the caller's process checked it.
	 */
	@Transactional
	public Replenishment replenish(UUID workspaceId, SalesShortfall shortfall) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/** The result of a materials check. */
	public record MaterialsCheck(MaterialsState state, List<String> requisitionNumbers) {
	}

	/**
	 * READY: everything reserved; PURCHASE: requisitions ({@code requisitionNumbers})
	 * wait for their purchase-requisition sub-process; WAIT_SUBASSEMBLIES: child
	 * production orders are running, nothing to buy; REJECTED: a requisition of this
	 * order was rejected since the last check.
	 */
	public enum MaterialsState {

		READY, PURCHASE, WAIT_SUBASSEMBLIES, REJECTED

	}

	/**
	 * How to run an operation. {@code kind} MANUAL or EXTERNAL; {@code topic} the
	 * external task topic (EXTERNAL only); the rest is shown to the operator or sent to
	 * the machine.
	 */
	public record OperationStart(String kind, String topic, String workCenterName, String operationName,
			String instructions, BigDecimal quantity, String productCode) {
	}

	/** What an operator or a machine reports for an operation. */
	public record OperationReport(BigDecimal goodQuantity, BigDecimal scrapQuantity, BigDecimal durationMinutes,
			String notes, String reportedBy) {
	}

	/** Inputs of the quality-inspection table. */
	public record InspectionInput(String productCategory, BigDecimal lotSize) {
	}

	/** What the quality-inspection table decided. */
	public record InspectionPlan(int sampleSize, int acceptanceNumber, int reworkLimit) {
	}

	/** What the inspector found. */
	public record InspectionResult(BigDecimal sampled, BigDecimal defects, String notes, String inspectedBy) {
	}

	public enum InspectionOutcome {

		PASSED, REWORK, SCRAP

	}

	/** A sales order line short of stock. */
	public record SalesShortfall(UUID salesOrderId, String salesOrderNumber, UUID orderLineId, UUID productId,
			BigDecimal quantity) {
	}

	/**
	 * How a shortfall is being replenished: {@code kind} MANUFACTURE (documentNumber = MO
	 * number) or PURCHASE (documentNumber = PR number).
	 */
	public record Replenishment(String kind, String documentNumber) {
	}

}
