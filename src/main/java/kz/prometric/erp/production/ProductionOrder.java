package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.production.ProductionManagement.InspectionOutcome;
import kz.prometric.erp.production.ProductionManagement.InspectionPlan;
import kz.prometric.erp.production.ProductionManagement.InspectionResult;
import kz.prometric.erp.production.ProductionManagement.OperationReport;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;

/**
 * A production order ({@code MO-2026-000001}): make {@code quantity} of a product into a
 * warehouse. Every change of its status goes through {@link #moveTo}, the one place that
 * knows the allowed transitions, and the quality gate: nothing reaches DONE or puts
 * output into stock without a PASSED inspection of the last report of every inspected
 * operation (the last one always is).
 */
@Entity
@Table(name = "prod_order")
class ProductionOrder {

	private static final Map<ProductionStatus, Set<ProductionStatus>> TRANSITIONS = Map.of(ProductionStatus.PLANNED,
			EnumSet.of(ProductionStatus.RELEASED, ProductionStatus.CANCELLED), ProductionStatus.RELEASED,
			EnumSet.of(ProductionStatus.WAITING_MATERIALS, ProductionStatus.IN_PROGRESS, ProductionStatus.ON_HOLD,
					ProductionStatus.CANCELLED),
			ProductionStatus.WAITING_MATERIALS,
			EnumSet.of(ProductionStatus.IN_PROGRESS, ProductionStatus.ON_HOLD, ProductionStatus.CANCELLED),
			ProductionStatus.ON_HOLD, EnumSet.of(ProductionStatus.RELEASED, ProductionStatus.CANCELLED),
			ProductionStatus.IN_PROGRESS, EnumSet.of(ProductionStatus.INSPECTION, ProductionStatus.CANCELLED),
			ProductionStatus.INSPECTION,
			EnumSet.of(ProductionStatus.IN_PROGRESS, ProductionStatus.REWORK, ProductionStatus.SCRAPPED,
					ProductionStatus.DONE, ProductionStatus.CANCELLED),
			ProductionStatus.REWORK, EnumSet.of(ProductionStatus.IN_PROGRESS, ProductionStatus.CANCELLED),
			ProductionStatus.DONE, EnumSet.noneOf(ProductionStatus.class), ProductionStatus.SCRAPPED,
			EnumSet.noneOf(ProductionStatus.class), ProductionStatus.CANCELLED, EnumSet.noneOf(ProductionStatus.class));

	@Id
	private UUID id;

	private UUID workspaceId;

	private String orderNumber;

	private UUID productId;

	private BigDecimal quantity;

	private LocalDate dueDate;

	private UUID warehouseId;

	@Enumerated(EnumType.STRING)
	private ProductionStatus status;

	@Enumerated(EnumType.STRING)
	private ProductionSource sourceType;

	private UUID sourceOrderId;

	private UUID sourceOrderLineId;

	private String sourceOrderNumber;

	private UUID parentId;

	private UUID parentRequirementId;

	private String holdReason;

	private String cancelReason;

	private String replannedAs;

	private BigDecimal materialCost;

	private BigDecimal labourCost;

	private BigDecimal goodQuantity;

	private BigDecimal scrapQuantity;

	private BigDecimal actualUnitCost;

	private BigDecimal standardUnitCost;

	private BigDecimal variance;

	private String processInstanceId;

	private UUID releasedBy;

	private Instant releasedAt;

	private Instant finishedAt;

	private UUID createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "production_order_id", nullable = false)
	@OrderBy("seq")
	private List<MaterialRequirement> requirements = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "production_order_id", nullable = false)
	@OrderBy("seq")
	private List<ProductionOperation> operations = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "production_order_id", nullable = false)
	@OrderBy("plannedAt")
	private List<QualityInspection> inspections = new ArrayList<>();

	@Version
	private long version;

	protected ProductionOrder() {
	}

	ProductionOrder(UUID workspaceId, String orderNumber, UUID productId, BigDecimal quantity, LocalDate dueDate,
			UUID warehouseId, Origin origin, List<MaterialRequirement> requirements,
			List<ProductionOperation> operations, UUID createdBy, Instant now) {
		if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 3) {
			throw new BusinessRuleViolation("quantity", "The quantity must be more than 0 with at most 3 decimals");
		}
		if (operations.isEmpty()) {
			throw new BusinessRuleViolation("productId", "The product has no routing: it is not manufactured");
		}
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.orderNumber = orderNumber;
		this.productId = productId;
		this.quantity = quantity.setScale(3, RoundingMode.UNNECESSARY);
		this.dueDate = dueDate;
		this.warehouseId = warehouseId;
		this.status = ProductionStatus.PLANNED;
		this.sourceType = origin.type();
		this.sourceOrderId = origin.salesOrderId();
		this.sourceOrderLineId = origin.salesOrderLineId();
		this.sourceOrderNumber = origin.salesOrderNumber();
		this.parentId = origin.parentId();
		this.parentRequirementId = origin.parentRequirementId();
		this.requirements = new ArrayList<>(requirements);
		this.operations = new ArrayList<>(operations);
		this.materialCost = BigDecimal.ZERO.setScale(2);
		this.labourCost = BigDecimal.ZERO.setScale(2);
		this.scrapQuantity = BigDecimal.ZERO.setScale(3);
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Why an order exists: by hand, for a sales order line, or for a parent's
	 * requirement.
	 */
	record Origin(ProductionSource type, UUID salesOrderId, String salesOrderNumber, UUID salesOrderLineId,
			UUID parentId, UUID parentRequirementId) {

		static Origin manual() {
			return new Origin(ProductionSource.MANUAL, null, null, null, null, null);
		}

	}

	// ---- the one place that moves the status

	private void moveTo(ProductionStatus next, Instant now) {
		if (this.status == next) {
			return;
		}
		if (!TRANSITIONS.get(this.status).contains(next)) {
			throw new ConflictException("status",
					"Production order " + this.orderNumber + " cannot go from " + this.status + " to " + next);
		}
		if (next == ProductionStatus.DONE && !qualityGatePassed()) {
			throw new IllegalStateException("Production order " + this.orderNumber
					+ " has no passed inspection of its last report: it cannot be done");
		}
		this.status = next;
		this.updatedAt = now;
	}

	/**
	 * The quality gate: every inspected operation (the last one always is) has an
	 * inspection of its latest report, and that inspection PASSED.
	 */
	boolean qualityGatePassed() {
		if (this.operations.isEmpty()) {
			return false;
		}
		for (ProductionOperation operation : this.operations) {
			if (operation.reports() == 0 || !ProductionOperation.DONE.equals(operation.status())) {
				return false;
			}
			if (operation.inspectionAfter()) {
				Optional<QualityInspection> latest = latestInspection(operation.id());
				if (latest.isEmpty() || latest.get().forReport() != operation.reports() || !latest.get().passed()) {
					return false;
				}
			}
		}
		return true;
	}

	// ---- planning and release

	void release(UUID releasedBy, Instant now) {
		if (this.status != ProductionStatus.PLANNED) {
			throw new ConflictException("status",
					"Only a planned production order is released; this one is " + this.status);
		}
		moveTo(ProductionStatus.RELEASED, now);
		this.releasedBy = releasedBy;
		this.releasedAt = now;
	}

	/** The production-run instance this order is bound to, set once when it starts. */
	void boundTo(String processInstanceId) {
		if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
			throw new IllegalStateException("Production order " + this.orderNumber + " is bound to another instance");
		}
		this.processInstanceId = processInstanceId;
	}

	boolean isBoundTo(String processInstanceId) {
		return this.processInstanceId != null && this.processInstanceId.equals(processInstanceId);
	}

	// ---- materials

	/** A materials check found something short: the order waits for materials. */
	void waitingForMaterials(Instant now) {
		ensureRunning();
		if (this.status == ProductionStatus.RELEASED || this.status == ProductionStatus.WAITING_MATERIALS) {
			moveTo(ProductionStatus.WAITING_MATERIALS, now);
		}
	}

	void hold(String reason, Instant now) {
		ensureRunning();
		moveTo(ProductionStatus.ON_HOLD, now);
		this.holdReason = reason;
	}

	void resume(Instant now) {
		ensureRunning();
		if (this.status == ProductionStatus.ON_HOLD) {
			moveTo(ProductionStatus.RELEASED, now);
			this.holdReason = null;
		}
	}

	/** What the last materials check found that puts the run on hold. */
	void noteHoldReason(String reason) {
		this.holdReason = reason;
	}

	/** Materials were issued (their value added to the material cost): work starts. */
	void materialsIssued(BigDecimal cost, Instant now) {
		ensureRunning();
		this.materialCost = this.materialCost.add(cost).setScale(2, RoundingMode.HALF_UP);
		if (this.status == ProductionStatus.RELEASED || this.status == ProductionStatus.WAITING_MATERIALS) {
			moveTo(ProductionStatus.IN_PROGRESS, now);
		}
	}

	// ---- operations

	/**
	 * What the operation works on: the order's quantity, or what the previous one made.
	 */
	BigDecimal lotFor(ProductionOperation operation) {
		BigDecimal lot = this.quantity;
		for (ProductionOperation earlier : this.operations) {
			if (earlier.seq() >= operation.seq()) {
				break;
			}
			if (earlier.goodQuantity() != null) {
				lot = earlier.goodQuantity();
			}
		}
		return lot;
	}

	ProductionOperation startOperation(UUID operationId, Instant now) {
		ensureRunning();
		ProductionOperation operation = operation(operationId);
		if (ProductionOperation.DONE.equals(operation.status())) {
			throw new IllegalStateException("Operation " + operation.name() + " is already done");
		}
		for (ProductionOperation earlier : this.operations) {
			if (earlier.seq() < operation.seq() && !ProductionOperation.DONE.equals(earlier.status())) {
				throw new IllegalStateException("Operation " + operation.name() + " starts before an earlier one");
			}
		}
		if (this.status == ProductionStatus.INSPECTION || this.status == ProductionStatus.REWORK) {
			moveTo(ProductionStatus.IN_PROGRESS, now);
		}
		if (this.status != ProductionStatus.IN_PROGRESS) {
			throw new ConflictException("status", "Production order " + this.orderNumber + " is " + this.status);
		}
		operation.start(now);
		return operation;
	}

	/** Records a report; answers whether an inspection follows. */
	boolean report(UUID operationId, OperationReport report, Instant now) {
		ensureRunning();
		ProductionOperation operation = operation(operationId);
		if (this.status != ProductionStatus.IN_PROGRESS) {
			throw new ConflictException("status", "Production order " + this.orderNumber + " is " + this.status);
		}
		BigDecimal labour = operation.report(lotFor(operation), report.goodQuantity(), report.scrapQuantity(),
				report.durationMinutes(), report.notes(), report.reportedBy(), now);
		this.labourCost = this.labourCost.add(labour);
		this.updatedAt = now;
		return operation.inspectionAfter();
	}

	/** Plans the inspection of the operation's latest report (once per report). */
	QualityInspection planInspection(UUID operationId, InspectionPlan plan, Instant now) {
		ensureRunning();
		ProductionOperation operation = operation(operationId);
		if (operation.reports() == 0 || !operation.inspectionAfter()) {
			throw new IllegalStateException("Operation " + operation.name() + " has nothing to inspect");
		}
		Optional<QualityInspection> latest = latestInspection(operationId);
		if (latest.isPresent() && latest.get().forReport() == operation.reports()) {
			return latest.get();
		}
		moveTo(ProductionStatus.INSPECTION, now);
		QualityInspection inspection = new QualityInspection(operationId, operation.reports(), operation.goodQuantity(),
				plan, now);
		this.inspections.add(inspection);
		return inspection;
	}

	InspectionOutcome recordInspection(UUID operationId, InspectionResult result, Instant now) {
		ensureRunning();
		ProductionOperation operation = operation(operationId);
		QualityInspection inspection = latestInspection(operationId)
			.filter(i -> i.forReport() == operation.reports() && i.isOpen())
			.orElseThrow(() -> new IllegalStateException("No open inspection of operation " + operation.name()));
		InspectionOutcome outcome = inspection.record(result.sampled(), result.defects(), result.notes(),
				result.inspectedBy(), operation.reworks(), now);
		switch (outcome) {
			case PASSED -> operation.passed(now);
			case REWORK -> {
				operation.reworked();
				moveTo(ProductionStatus.REWORK, now);
			}
			case SCRAP -> {
				// the run takes its scrap path
			}
		}
		this.updatedAt = now;
		return outcome;
	}

	Optional<QualityInspection> latestInspection(UUID operationId) {
		return this.inspections.stream()
			.filter(i -> i.operationId().equals(operationId))
			.reduce((first, second) -> (second.forReport() >= first.forReport()) ? second : first);
	}

	// ---- endings

	/** The lot is written off; {@code replannedAs} makes the shortfall. */
	void scrapped(String replannedAs, Instant now) {
		boolean inspectedAsScrap = this.operations.stream()
			.anyMatch(
					o -> latestInspection(o.id()).filter(i -> i.forReport() == o.reports() && i.isScrap()).isPresent());
		if (!inspectedAsScrap) {
			throw new IllegalStateException("Production order " + this.orderNumber
					+ " has no inspection that scrapped its lot: it cannot be scrapped");
		}
		moveTo(ProductionStatus.SCRAPPED, now);
		this.replannedAs = replannedAs;
		this.finishedAt = now;
	}

	/** What the lot is worth so far: materials and labour. */
	BigDecimal costSoFar() {
		return this.materialCost.add(this.labourCost);
	}

	/** The good quantity the last operation made (null before its first report). */
	BigDecimal outputQuantity() {
		return this.operations.get(this.operations.size() - 1).goodQuantity();
	}

	/**
	 * The gate and the output: DONE (refused without a passed inspection), actual unit
	 * cost = (materials + labour) / good quantity, variance against the standard cost.
	 * Answers the actual unit cost (scale 4).
	 */
	BigDecimal finish(BigDecimal standardUnitCost, Instant now) {
		if (!qualityGatePassed()) {
			throw new IllegalStateException("Production order " + this.orderNumber
					+ " has no passed inspection of its last report: nothing goes into stock");
		}
		BigDecimal good = outputQuantity();
		BigDecimal unit = costSoFar().divide(good, 4, RoundingMode.HALF_UP);
		moveTo(ProductionStatus.DONE, now);
		this.goodQuantity = good;
		this.scrapQuantity = this.operations.stream()
			.map(ProductionOperation::scrapQuantity)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(3, RoundingMode.HALF_UP);
		this.actualUnitCost = unit;
		this.standardUnitCost = (standardUnitCost == null) ? BigDecimal.ZERO.setScale(2) : standardUnitCost;
		this.variance = unit.subtract(this.standardUnitCost).multiply(good).setScale(2, RoundingMode.HALF_UP);
		this.finishedAt = now;
		return unit;
	}

	/**
	 * Cancels the order in any non-final status (409 once DONE, SCRAPPED or CANCELLED);
	 * needs a reason.
	 */
	void cancel(String reason, Instant now) {
		if (this.status.isFinal()) {
			throw new ConflictException("status",
					"Production order " + this.orderNumber + " is already " + this.status);
		}
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleViolation("reason", "Cancelling a production order needs a reason");
		}
		moveTo(ProductionStatus.CANCELLED, now);
		this.cancelReason = reason.strip();
		this.finishedAt = now;
	}

	private void ensureRunning() {
		if (this.status.isFinal() || this.status == ProductionStatus.PLANNED) {
			throw new IllegalStateException("Production order " + this.orderNumber + " is " + this.status);
		}
	}

	ProductionOperation operation(UUID operationId) {
		return this.operations.stream()
			.filter(o -> o.id().equals(operationId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Operation " + operationId + " is not an operation of " + this.orderNumber));
	}

	// ---- reading

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	String orderNumber() {
		return this.orderNumber;
	}

	UUID productId() {
		return this.productId;
	}

	BigDecimal quantity() {
		return this.quantity;
	}

	UUID warehouseId() {
		return this.warehouseId;
	}

	LocalDate dueDate() {
		return this.dueDate;
	}

	ProductionStatus status() {
		return this.status;
	}

	String holdReason() {
		return this.holdReason;
	}

	String replannedAs() {
		return this.replannedAs;
	}

	UUID releasedBy() {
		return this.releasedBy;
	}

	UUID parentId() {
		return this.parentId;
	}

	UUID parentRequirementId() {
		return this.parentRequirementId;
	}

	UUID sourceOrderId() {
		return this.sourceOrderId;
	}

	UUID sourceOrderLineId() {
		return this.sourceOrderLineId;
	}

	Origin origin() {
		return new Origin(this.sourceType, this.sourceOrderId, this.sourceOrderNumber, this.sourceOrderLineId,
				this.parentId, this.parentRequirementId);
	}

	String processInstanceId() {
		return this.processInstanceId;
	}

	List<MaterialRequirement> requirements() {
		return this.requirements;
	}

	List<ProductionOperation> operations() {
		return this.operations;
	}

	ProductionOrderView view(String parentOrderNumber, List<String> childOrderNumbers) {
		BigDecimal total = costSoFar();
		BigDecimal variancePercent = null;
		if (this.actualUnitCost != null && this.standardUnitCost != null && this.standardUnitCost.signum() > 0) {
			variancePercent = this.actualUnitCost.subtract(this.standardUnitCost)
				.multiply(BigDecimal.valueOf(100))
				.divide(this.standardUnitCost, 2, RoundingMode.HALF_UP);
		}
		return new ProductionOrderView(this.id, this.workspaceId, this.orderNumber, this.productId, this.quantity,
				this.dueDate, this.warehouseId, this.status,
				new ProductionOrderView.Source(this.sourceType, this.sourceOrderId, this.sourceOrderNumber,
						this.sourceOrderLineId, this.parentId),
				parentOrderNumber, childOrderNumbers, this.holdReason, this.cancelReason, this.replannedAs,
				this.requirements.stream().map(MaterialRequirement::view).toList(),
				this.operations.stream().map(ProductionOperation::view).toList(),
				this.inspections.stream().map(QualityInspection::view).toList(),
				new ProductionOrderView.Cost(this.materialCost, this.labourCost, total, this.goodQuantity,
						this.scrapQuantity, this.actualUnitCost, this.standardUnitCost, this.variance, variancePercent),
				this.processInstanceId, this.releasedBy, this.releasedAt, this.finishedAt, this.createdAt,
				this.updatedAt, this.version);
	}

}
