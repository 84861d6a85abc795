package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.catalog.BomComponentView;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.InventoryManagement.IssuedMaterial;
import kz.prometric.erp.inventory.ReservationResult;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.production.ProductionEvents.ProductionRunFinished;
import kz.prometric.erp.production.ProductionEvents.ProductionRunStopped;
import kz.prometric.erp.production.ProductionOrder.Origin;
import kz.prometric.erp.production.PurchasingManagement.RequisitionStatus;
import kz.prometric.erp.production.process.ProductionRun;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.DocumentNumbers;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production orders of a workspace ({@code MO-2026-000001}, gapless per workspace and
 * year) and the steps of the {@code production-run} process. Members read; managers
 * (admins, the owner) plan, release and cancel (403 to members); everyone else gets 404,
 * as does an id of another workspace in a URL. No route sets a status: the run moves the
 * order, and the order itself ({@link ProductionOrder}) decides which moves are allowed,
 * with the quality gate in front of DONE and the output.
 * <p>
 * Process steps find their order by the instance's tenant and business key (see
 * {@link RunInstance}), check that the order names this very instance, and lock its row
 * until the step's transaction ends. Every step is idempotent: a retried job reserves,
 * issues, records or outputs nothing twice.
 */
@Service
public class ProductionManagement {

	static final String NUMBER_SERIES = "MO";

	static final String DECISION_QUALITY_INSPECTION = "quality-inspection";

	static final SortableFields ORDER_SORT = SortableFields.of("createdAt", "createdAt", "orderNumber", "orderNumber",
			"dueDate", "dueDate", "status", "status");

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	private final ProductionOrders orders;

	private final WorkCenterManagement workCenters;

	private final CatalogManagement catalog;

	private final InventoryManagement inventory;

	private final PurchasingManagement purchasing;

	private final WorkspaceManagement workspaces;

	private final DocumentNumbers numbers;

	private final RuntimeService runtime;

	private final WorkspaceDefinitions definitions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductionManagement(ProductionOrders orders, WorkCenterManagement workCenters, CatalogManagement catalog,
			InventoryManagement inventory, @Lazy PurchasingManagement purchasing, WorkspaceManagement workspaces,
			DocumentNumbers numbers, RuntimeService runtime, WorkspaceDefinitions definitions,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.workCenters = workCenters;
		this.catalog = catalog;
		this.inventory = inventory;
		this.purchasing = purchasing;
		this.workspaces = workspaces;
		this.numbers = numbers;
		this.runtime = runtime;
		this.definitions = definitions;
		this.events = events;
		this.clock = clock;
	}

	// ---- REST-facing

	/**
	 * Plans a production order by hand (MANAGER): the product must have a routing (422
	 * {@code productId} otherwise), the quantity is more than 0 with at most 3 decimals,
	 * the warehouse (where the output goes) is one of the workspace (422
	 * {@code warehouseId}). Its materials come from the product's bill of materials
	 * (components with a routing of their own are sub-assemblies), its operations from
	 * the routing. The order is PLANNED; releasing it starts the run.
	 */
	@Transactional
	public ProductionOrderView create(UUID workspaceId, UUID callerId, NewProductionOrder request) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		this.inventory.requireWarehouse(workspaceId, request.warehouseId());
		ProductionOrder order = plan(workspaceId, null, request.productId(), request.quantity(), request.dueDate(),
				request.warehouseId(), Origin.manual(), callerId);
		return view(order);
	}

	@Transactional(readOnly = true)
	public PageResult<ProductionOrderView> orders(UUID workspaceId, UUID callerId, ProductionStatus status,
			UUID productId, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(this.orders.search(workspaceId, status, productId, query.toPageable(ORDER_SORT)),
				this::view);
	}

	/**
	 * How many of the workspace's production orders are in each status, every status
	 * present (zero when none): one grouped query. Members of the workspace.
	 */
	@Transactional(readOnly = true)
	public Map<ProductionStatus, Long> countByStatus(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		Map<ProductionStatus, Long> counts = new EnumMap<>(ProductionStatus.class);
		for (ProductionStatus status : ProductionStatus.values()) {
			counts.put(status, 0L);
		}
		this.orders.countByStatus(workspaceId).forEach(row -> counts.put((ProductionStatus) row[0], (Long) row[1]));
		return counts;
	}

	@Transactional(readOnly = true)
	public ProductionOrderView order(UUID workspaceId, UUID callerId, UUID orderId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return view(this.orders.findByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Production order", orderId)));
	}

	/**
	 * Releases a PLANNED order (MANAGER; 409 otherwise) and starts its production-run
	 * instance in the same transaction (business key = MO number, tenant = workspace).
	 */
	@Transactional
	public ProductionOrderView release(UUID workspaceId, UUID callerId, UUID orderId) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		ProductionOrder order = this.orders.lockByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Production order", orderId));
		release(order, callerId);
		return view(order);
	}

	/**
	 * Cancels an order in any status but DONE, SCRAPPED and CANCELLED (MANAGER; 409 for
	 * those; a reason is required). A running order's run gets {@code Msg_RunCancelled}:
	 * it stops where it is and gives back the reserved materials (issued ones stay
	 * consumed). Publishes {@link ProductionRunStopped} (outcome CANCELLED).
	 */
	@Transactional
	public ProductionOrderView cancel(UUID workspaceId, UUID callerId, UUID orderId, String reason) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		ProductionOrder order = this.orders.lockByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Production order", orderId));
		cancelOrder(order, reason);
		if (order.processInstanceId() != null) {
			this.runtime.createMessageCorrelation(ProductionRun.MSG_RUN_CANCELLED)
				.processInstanceBusinessKey(order.orderNumber())
				.tenantId(workspaceId.toString())
				.correlateAll();
		}
		else {
			this.inventory.release(workspaceId, order.id());
		}
		return view(order);
	}

	// ---- process-facing

	/**
	 * Explodes the bill of materials of the order's product (one level: a component that
	 * has a routing of its own is a sub-assembly, made by a child production order that
	 * explodes its own bill of materials, so every level is covered), reserves each
	 * component for the order (inventory reservation with orderId = production order id,
	 * orderLineId = the requirement's id), and for what is short: a sub-assembly gets a
	 * child production order (linked to this one, released at once, its own run started;
	 * one open child per requirement, also on retry), a purchased material a purchase
	 * requisition (one open requisition per requirement). A requisition rejected, or a
	 * child order cancelled, since the last check answers REJECTED. Moves the order to
	 * WAITING_MATERIALS when something is short. Locks the production order row (a
	 * finishing child run locks it too before waking this run, so no wake-up is lost).
	 */
	@Transactional
	public MaterialsCheck reserveMaterials(RunInstance run) {
		ProductionOrder order = bound(run);
		UUID workspaceId = order.workspaceId();
		List<String> requisitions = new ArrayList<>();
		boolean waitForChildren = false;
		String rejection = null;
		for (MaterialRequirement requirement : order.requirements()) {
			if (requirement.requisitionNumber() != null) {
				RequisitionStatus status = this.purchasing.requisitionStatus(workspaceId,
						requirement.requisitionNumber());
				if (status == RequisitionStatus.REJECTED || status == RequisitionStatus.CANCELLED) {
					rejection = "Purchase requisition " + requirement.requisitionNumber() + " for "
							+ productLabel(workspaceId, requirement.productId()) + " was "
							+ status.name().toLowerCase();
					requirement.coveredByRequisition(null);
				}
				else if (status == RequisitionStatus.RECEIVED) {
					requirement.coveredByRequisition(null);
				}
			}
			ReservationResult reserved = this.inventory.reserve(workspaceId, order.id(), requirement.id(),
					requirement.productId(), requirement.quantityRequired());
			requirement.reserved(reserved.reserved());
			if (reserved.complete()) {
				continue;
			}
			if (requirement.isSubassembly()) {
				ProductionOrder open = this.orders.findOpenChild(requirement.id()).orElse(null);
				if (open != null) {
					requirement.coveredByChild(open.id(), open.orderNumber());
					waitForChildren = true;
					continue;
				}
				ProductionOrder last = (requirement.childOrderId() != null)
						? this.orders.findById(requirement.childOrderId()).orElse(null) : null;
				if (last != null && last.status() == ProductionStatus.CANCELLED) {
					rejection = "Sub-assembly order " + last.orderNumber() + " was cancelled";
					requirement.coveredByChild(null, null);
					continue;
				}
				if (rejection == null) {
					ProductionOrder child = plan(workspaceId, null, requirement.productId(), reserved.shortfall(),
							order.dueDate(), order.warehouseId(),
							new Origin(ProductionSource.PARENT, null, null, null, order.id(), requirement.id()), null);
					release(child, order.releasedBy());
					requirement.coveredByChild(child.id(), child.orderNumber());
					waitForChildren = true;
				}
			}
			else if (rejection == null) {
				String number = (requirement.requisitionNumber() != null) ? requirement.requisitionNumber()
						: this.purchasing.requestForProduction(workspaceId, order.id(), requirement.id(),
								requirement.productId(), reserved.shortfall(), order.warehouseId(), order.releasedBy());
				requirement.coveredByRequisition(number);
				requisitions.add(number);
			}
		}
		MaterialsCheck check;
		if (rejection != null) {
			order.noteHoldReason(rejection);
			check = new MaterialsCheck(MaterialsState.REJECTED, List.of());
		}
		else if (!requisitions.isEmpty()) {
			check = new MaterialsCheck(MaterialsState.PURCHASE, List.copyOf(requisitions));
		}
		else if (waitForChildren) {
			check = new MaterialsCheck(MaterialsState.WAIT_SUBASSEMBLIES, List.of());
		}
		else {
			return new MaterialsCheck(MaterialsState.READY, List.of());
		}
		order.waitingForMaterials(this.clock.instant());
		return check;
	}

	/** Why the run is about to go on hold (the last materials check's finding). */
	@Transactional(readOnly = true)
	public String holdReason(RunInstance run) {
		ProductionOrder order = bound(run);
		return (order.holdReason() != null) ? order.holdReason() : "Materials could not be obtained";
	}

	/** A purchase was rejected: the order goes ON_HOLD with the reason. */
	@Transactional
	public void putOnHold(RunInstance run, String reason) {
		ProductionOrder order = bound(run);
		order.hold((reason != null) ? reason : order.holdReason(), this.clock.instant());
	}

	/**
	 * The planner chose to try again after a hold: the order goes back to RELEASED (the
	 * rejected requisitions stay rejected; the next materials check raises new ones).
	 */
	@Transactional
	public void resumeAfterHold(RunInstance run) {
		bound(run).resume(this.clock.instant());
	}

	/**
	 * Issues every reserved material to production (inventory ISSUE_TO_PRODUCTION at the
	 * moving average cost, recorded on the order as material cost), moves the order to
	 * IN_PROGRESS and answers the ids of its operations in routing order (the
	 * multi-instance collection). A retry issues nothing more and answers the same ids.
	 * Refused (a fault) while a requirement is not fully reserved.
	 */
	@Transactional
	public List<String> issueMaterials(RunInstance run) {
		ProductionOrder order = bound(run);
		for (MaterialRequirement requirement : order.requirements()) {
			if (requirement.quantityReserved()
				.add(requirement.quantityIssued())
				.compareTo(requirement.quantityRequired()) < 0) {
				throw new IllegalStateException(
						"Production order " + order.orderNumber() + " is short of a material; it cannot be issued");
			}
		}
		BigDecimal cost = BigDecimal.ZERO;
		for (IssuedMaterial issued : this.inventory.issueToProduction(order.workspaceId(), order.id())) {
			BigDecimal value = issued.quantity().multiply(issued.unitCost()).setScale(2, RoundingMode.HALF_UP);
			order.requirements().stream().filter(r -> r.id().equals(issued.orderLineId())).findFirst().ifPresent(r -> {
				r.issued(issued.quantity(), value);
				r.reserved(BigDecimal.ZERO);
			});
			cost = cost.add(value);
		}
		order.materialsIssued(cost, this.clock.instant());
		return order.operations().stream().map(o -> o.id().toString()).toList();
	}

	/**
	 * Starts (or restarts, in rework) the operation: records when, and answers what the
	 * process needs to route it: a MANUAL work center gets a Tasklist task, an EXTERNAL
	 * one an external task on {@code topic} ({@code production.<work-center-code>}).
	 */
	@Transactional
	public OperationStart startOperation(RunInstance run, String operationId) {
		ProductionOrder order = bound(run);
		ProductionOperation operation = order.startOperation(UUID.fromString(operationId), this.clock.instant());
		ProductView product = this.catalog.requireProduct(order.workspaceId(), order.productId());
		return new OperationStart(operation.workCenterKind().name(),
				(operation.workCenterKind() == WorkCenterKind.EXTERNAL)
						? WorkCenter.TOPIC_PREFIX + operation.workCenterCode() : null,
				operation.workCenterName(), operation.name(), operation.instructions(), order.lotFor(operation),
				product.code());
	}

	/** The planned minutes of the operation for its lot: setup + run time × lot. */
	@Transactional(readOnly = true)
	public BigDecimal plannedMinutes(RunInstance run, String operationId) {
		ProductionOrder order = bound(run);
		ProductionOperation operation = order.operation(UUID.fromString(operationId));
		return operation.plannedMinutes(order.lotFor(operation));
	}

	/**
	 * Records what an operator or a machine reported for the operation: good and scrapped
	 * quantities (not negative, good + scrap ≤ the operation's lot — the order's
	 * quantity, or what the previous operation made —, good > 0), the duration in minutes
	 * (null: the routing's planned setup + run time) and notes; the labour cost is
	 * duration × the work center's hourly rate. Refuses a bad report with a
	 * {@link kz.prometric.erp.shared.BusinessRuleViolation} naming the field before
	 * anything changes (the process turns it into {@code Err_OperationReportRefused} and
	 * asks again). Answers whether an inspection follows this operation (the routing says
	 * so, and the last operation is always inspected).
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public boolean recordOperation(RunInstance run, String operationId, OperationReport report) {
		ProductionOrder order = bound(run);
		ProductionOperation operation = order.operation(UUID.fromString(operationId));
		String by = (report.reportedBy() != null) ? report.reportedBy()
				: (operation.workCenterKind() == WorkCenterKind.EXTERNAL)
						? "machine at work center " + operation.workCenterCode() : "operator (not identified)";
		return order.report(operation.id(), new OperationReport(report.goodQuantity(), report.scrapQuantity(),
				report.durationMinutes(), report.notes(), by), this.clock.instant());
	}

	/**
	 * Plans the inspection of the operation's latest report with
	 * {@code dmn/quality-inspection.dmn} (inputs: the product's category and the lot size
	 * = the good quantity just reported), stores the plan on the inspection and moves the
	 * order to INSPECTION. A retry answers the stored plan.
	 */
	@Transactional
	public InspectionPlan planInspection(RunInstance run, String operationId) {
		ProductionOrder order = bound(run);
		ProductionOperation operation = order.operation(UUID.fromString(operationId));
		QualityInspection existing = order.latestInspection(operation.id())
			.filter(i -> i.forReport() == operation.reports())
			.orElse(null);
		if (existing != null) {
			return existing.plan();
		}
		ProductView product = this.catalog.requireProduct(order.workspaceId(), order.productId());
		InspectionPlan plan = inspectionPlan(order.workspaceId(), product.category().name(), operation.goodQuantity());
		return order.planInspection(operation.id(), plan, this.clock.instant()).plan();
	}

	/**
	 * Records the inspector's result against the stored plan: PASSED when the defects
	 * found in the sample do not exceed the acceptance number; otherwise REWORK (the
	 * order goes to REWORK and the operation is done again) while the reworks of this
	 * operation stay below the plan's limit, else SCRAP. Sampled must be a whole number ≥
	 * the plan's sample size (capped at the lot) and ≤ the lot, defects a whole number ≤
	 * sampled (else BusinessRuleViolation naming the field, before anything changes).
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public InspectionOutcome recordInspection(RunInstance run, String operationId, InspectionResult result) {
		ProductionOrder order = bound(run);
		return order.recordInspection(UUID.fromString(operationId), result, this.clock.instant());
	}

	/**
	 * Past the rework limit: the lot is written off (inventory SCRAP movement at its cost
	 * so far), the order becomes SCRAPPED, and a new production order is planned and
	 * released for the same product, quantity, source and parent (its number is
	 * answered); publishes {@link ProductionEvents.ProductionRunStopped}. A retry answers
	 * the same number.
	 */
	@Transactional
	public String scrapLot(RunInstance run) {
		ProductionOrder order = bound(run);
		if (order.status() == ProductionStatus.SCRAPPED) {
			return order.replannedAs();
		}
		Instant now = this.clock.instant();
		BigDecimal lot = order.quantity();
		BigDecimal unitCost = order.costSoFar().divide(lot, 4, RoundingMode.HALF_UP);
		String number = nextNumber(order.workspaceId());
		order.scrapped(number, now);
		this.inventory.recordScrap(order.workspaceId(), order.warehouseId(), order.productId(), lot, unitCost,
				order.id(), "Lot of " + order.orderNumber() + " scrapped after the rework limit");
		this.orders.saveAndFlush(order);
		ProductionOrder replanned = plan(order.workspaceId(), number, order.productId(), lot, order.dueDate(),
				order.warehouseId(), order.origin(), null);
		release(replanned, order.releasedBy());
		this.events.publishEvent(new ProductionRunStopped(order.workspaceId(), order.id(), order.orderNumber(),
				ProductionStatus.SCRAPPED.name(), number, order.sourceOrderId(), order.sourceOrderLineId(),
				order.parentId(), now));
		return number;
	}

	/**
	 * The quality gate and the output: refused (IllegalStateException, an incident — no
	 * user path reaches it otherwise) unless every inspected operation's latest report
	 * PASSED its inspection. Puts the good quantity into stock (PRODUCTION_OUTPUT) at the
	 * actual unit cost (materials + labour) / good quantity, the order becomes DONE with
	 * its variance against the standard cost; publishes
	 * {@link ProductionEvents.ProductionRunFinished}. A retry outputs nothing more.
	 */
	@Transactional
	public void recordOutput(RunInstance run) {
		ProductionOrder order = bound(run);
		if (order.status() == ProductionStatus.DONE) {
			return;
		}
		ProductView product = this.catalog.requireProduct(order.workspaceId(), order.productId());
		Instant now = this.clock.instant();
		BigDecimal unitCost = order.finish(product.cost(), now);
		this.inventory.recordProductionOutput(order.workspaceId(), order.warehouseId(), order.productId(),
				order.outputQuantity(), unitCost, order.id());
		this.events.publishEvent(new ProductionRunFinished(order.workspaceId(), order.id(), order.orderNumber(),
				order.productId(), order.outputQuantity(), order.sourceOrderId(), order.sourceOrderLineId(),
				order.parentId(), now));
	}

	/**
	 * The run was cancelled (REST cancel, or the planner ended a hold): releases the
	 * order's reservations, the order becomes CANCELLED (issued materials stay consumed);
	 * publishes {@link ProductionEvents.ProductionRunStopped} once. Idempotent.
	 */
	@Transactional
	public void runCancelled(RunInstance run) {
		ProductionOrder order = bound(run);
		if (order.status() != ProductionStatus.CANCELLED) {
			cancelOrder(order, "Cancelled by the planner while on hold: " + order.holdReason());
		}
		this.inventory.release(order.workspaceId(), order.id());
		order.requirements().forEach(r -> r.reserved(BigDecimal.ZERO));
	}

	/**
	 * A run finished: when it made a sub-assembly for a parent order whose run waits for
	 * it, that run gets {@code Msg_SubassemblyFinished} (under the parent's row lock, so
	 * a parent checking its materials at the same moment either sees the output or is
	 * woken afterwards). Nothing when the parent does not wait.
	 */
	@EventListener
	public void wakeParent(ProductionRunFinished finished) {
		wakeParent(finished.workspaceId(), finished.parentProductionOrderId());
	}

	/**
	 * A sub-assembly order was cancelled: its parent's run, when it waits for it, checks
	 * its materials again at once and goes on hold with the reason (a scrapped one is
	 * re-planned for the same parent, which keeps waiting).
	 */
	@EventListener
	public void wakeParent(ProductionRunStopped stopped) {
		if (ProductionStatus.CANCELLED.name().equals(stopped.outcome())) {
			wakeParent(stopped.workspaceId(), stopped.parentProductionOrderId());
		}
	}

	private void wakeParent(UUID workspaceId, UUID parentId) {
		if (parentId == null) {
			return;
		}
		ProductionOrder parent = this.orders.lockByIdAndWorkspaceId(parentId, workspaceId).orElse(null);
		if (parent == null || parent.processInstanceId() == null) {
			return;
		}
		boolean waits = this.runtime.createEventSubscriptionQuery()
			.processInstanceId(parent.processInstanceId())
			.eventType("message")
			.eventName(ProductionRun.MSG_SUBASSEMBLY_FINISHED)
			.count() > 0;
		if (waits) {
			this.runtime.createMessageCorrelation(ProductionRun.MSG_SUBASSEMBLY_FINISHED)
				.processInstanceBusinessKey(parent.orderNumber())
				.tenantId(workspaceId.toString())
				.correlateAll();
		}
	}

	// ---- sales-facing

	/**
	 * Sales asks for the shortfall of one of its order lines to be made or bought. A
	 * product with a routing is manufactured: a production order with the sales order
	 * line as source, into the workspace's first warehouse, released at once (its run
	 * started). Any other product is bought: a purchase requisition with the line as
	 * source (its purchase-requisition process started). Idempotent per order line while
	 * the answer is still open. No access check: the caller's process checked it.
	 */
	@Transactional
	public Replenishment replenish(UUID workspaceId, SalesShortfall shortfall) {
		if (this.workCenters.isManufactured(workspaceId, shortfall.productId())) {
			ProductionOrder open = this.orders.findOpenForSalesLine(workspaceId, shortfall.orderLineId()).orElse(null);
			if (open != null) {
				return new Replenishment("MANUFACTURE", open.orderNumber());
			}
			// into the warehouse where the line is already partly reserved: a reservation
			// is topped up from its own warehouse only
			UUID warehouseId = (shortfall.warehouseId() != null) ? shortfall.warehouseId()
					: this.inventory.defaultWarehouse(workspaceId)
						.orElseThrow(() -> new BusinessRuleViolation("warehouseId",
								"The workspace has no warehouse to put the output into"));
			ProductionOrder order = plan(workspaceId, null, shortfall.productId(), shortfall.quantity(), null,
					warehouseId, new Origin(ProductionSource.SALES_ORDER_LINE, shortfall.salesOrderId(),
							shortfall.salesOrderNumber(), shortfall.orderLineId(), null, null),
					null);
			release(order, null);
			return new Replenishment("MANUFACTURE", order.orderNumber());
		}
		return new Replenishment("PURCHASE", this.purchasing.requestForSalesOrder(workspaceId, shortfall.salesOrderId(),
				shortfall.orderLineId(), shortfall.productId(), shortfall.quantity(), shortfall.warehouseId()));
	}

	// ---- internals

	private ProductionOrder plan(UUID workspaceId, String number, UUID productId, BigDecimal quantity,
			LocalDate dueDate, UUID warehouseId, Origin origin, UUID createdBy) {
		this.catalog.requireProduct(workspaceId, productId);
		List<ProductionOperation> operations = this.workCenters.plannedOperations(workspaceId, productId);
		if (operations.isEmpty()) {
			throw new BusinessRuleViolation("productId", "The product has no routing: it is not manufactured");
		}
		if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 3) {
			throw new BusinessRuleViolation("quantity", "The quantity must be more than 0 with at most 3 decimals");
		}
		List<MaterialRequirement> requirements = new ArrayList<>();
		List<BomComponentView> components = this.catalog.billOfMaterials(workspaceId, productId).components();
		for (int i = 0; i < components.size(); i++) {
			BomComponentView component = components.get(i);
			requirements.add(new MaterialRequirement(i + 1, component.productId(),
					this.workCenters.isManufactured(workspaceId, component.productId()),
					component.quantity().multiply(quantity).setScale(3, RoundingMode.UP)));
		}
		Instant now = this.clock.instant();
		String orderNumber = (number != null) ? number : nextNumber(workspaceId);
		return this.orders.saveAndFlush(new ProductionOrder(workspaceId, orderNumber, productId, quantity, dueDate,
				warehouseId, origin, requirements, operations, createdBy, now));
	}

	private String nextNumber(UUID workspaceId) {
		return this.numbers.next(workspaceId, NUMBER_SERIES, this.clock.instant().atZone(BUSINESS_ZONE).getYear());
	}

	private void release(ProductionOrder order, UUID releasedBy) {
		order.release(releasedBy, this.clock.instant());
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProductionRun.VAR_WORKSPACE_ID, order.workspaceId().toString());
		variables.put(ProductionRun.VAR_ORDER_NUMBER, order.orderNumber());
		ProcessInstance process = this.definitions.startProcess(ProductionRun.KEY, order.workspaceId())
			.businessKey(order.orderNumber())
			.setVariables(variables)
			.execute();
		order.boundTo(process.getId());
	}

	private void cancelOrder(ProductionOrder order, String reason) {
		Instant now = this.clock.instant();
		order.cancel(reason, now);
		this.events.publishEvent(new ProductionRunStopped(order.workspaceId(), order.id(), order.orderNumber(),
				ProductionStatus.CANCELLED.name(), null, order.sourceOrderId(), order.sourceOrderLineId(),
				order.parentId(), now));
	}

	private InspectionPlan inspectionPlan(UUID workspaceId, String category, BigDecimal lotSize) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("productCategory", category);
		variables.put("lotSize", lotSize);
		DmnDecisionResultEntries row = this.definitions.evaluateDecision(DECISION_QUALITY_INSPECTION, workspaceId)
			.variables(variables)
			.evaluate()
			.getFirstResult();
		if (row == null) {
			throw new IllegalStateException(
					"The quality-inspection table has no row for category " + category + " and lot " + lotSize);
		}
		return new InspectionPlan(((Number) row.getEntry("sampleSize")).intValue(),
				((Number) row.getEntry("acceptanceNumber")).intValue(),
				((Number) row.getEntry("reworkLimit")).intValue());
	}

	private String productLabel(UUID workspaceId, UUID productId) {
		ProductView product = this.catalog.requireProduct(workspaceId, productId);
		return product.code() + " " + product.name();
	}

	/**
	 * The order the instance is bound to: by business key (MO number) and tenant, and
	 * only if the order names this very instance. Locked until the step's transaction
	 * ends. Anything else is a fault, not a business outcome.
	 */
	private ProductionOrder bound(RunInstance run) {
		ProductionOrder order = this.orders.lockByOrderNumberAndWorkspaceId(run.orderNumber(), run.workspaceId())
			.orElseThrow(() -> new IllegalStateException("No production order " + run.orderNumber()
					+ " in the workspace of process instance " + run.processInstanceId()));
		if (!order.isBoundTo(run.processInstanceId())) {
			throw new IllegalStateException("Production order " + run.orderNumber()
					+ " is not bound to process instance " + run.processInstanceId());
		}
		return order;
	}

	private ProductionOrderView view(ProductionOrder order) {
		String parentNumber = (order.parentId() == null) ? null
				: this.orders.findById(order.parentId()).map(ProductionOrder::orderNumber).orElse(null);
		return order.view(parentNumber, this.orders.childNumbers(order.id()));
	}

	/** What a production order entered by hand needs. */
	public record NewProductionOrder(UUID productId, BigDecimal quantity, LocalDate dueDate, UUID warehouseId) {
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
			BigDecimal quantity, UUID warehouseId) {

		/**
		 * A shortfall with no reservation yet: the output goes to the default warehouse.
		 */
		public SalesShortfall(UUID salesOrderId, String salesOrderNumber, UUID orderLineId, UUID productId,
				BigDecimal quantity) {
			this(salesOrderId, salesOrderNumber, orderLineId, productId, quantity, null);
		}

	}

	/**
	 * How a shortfall is being replenished: {@code kind} MANUFACTURE (documentNumber = MO
	 * number) or PURCHASE (documentNumber = PR number).
	 */
	public record Replenishment(String kind, String documentNumber) {
	}

}
