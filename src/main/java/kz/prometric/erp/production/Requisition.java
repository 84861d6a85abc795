package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.production.PurchasingManagement.ApproverLevel;
import kz.prometric.erp.production.PurchasingManagement.RequisitionStatus;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ForbiddenException;

/**
 * A request to buy a quantity of one product for a production order's requirement or a
 * sales order line. Its moves are decided here: REQUESTED → APPROVED (by the table or an
 * approver) or REJECTED → ORDERED (a purchase order placed) → RECEIVED; an open one may
 * be CANCELLED. It is bound to one purchase-requisition instance, whose first step binds
 * it.
 */
@Entity
@Table(name = "prod_purchase_requisition")
class Requisition {

	static final String SOURCE_PRODUCTION_ORDER = "PRODUCTION_ORDER";

	static final String SOURCE_SALES_ORDER = "SALES_ORDER";

	@Id
	private UUID id;

	private UUID workspaceId;

	private String number;

	private UUID productId;

	private String productCode;

	private String productName;

	private String materialCategory;

	private BigDecimal quantity;

	private UUID warehouseId;

	private BigDecimal estimatedUnitPrice;

	private BigDecimal amount;

	private String priceSource;

	private UUID supplierId;

	private String sourceType;

	private UUID productionOrderId;

	private UUID requirementId;

	private UUID salesOrderId;

	private UUID salesOrderLineId;

	private UUID requestedBy;

	private String requesterRole;

	@Enumerated(EnumType.STRING)
	private ApproverLevel approverLevel;

	@Enumerated(EnumType.STRING)
	private RequisitionStatus status;

	private String decidedBy;

	private Instant decidedAt;

	private String decisionComment;

	private String rejectionReason;

	private UUID purchaseOrderId;

	private String processInstanceId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Requisition() {
	}

	Requisition(UUID workspaceId, String number, Item item, Estimate estimate, Source source, UUID requestedBy,
			String requesterRole, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.number = number;
		this.productId = item.productId();
		this.productCode = item.productCode();
		this.productName = item.productName();
		this.materialCategory = item.category();
		this.quantity = item.quantity().setScale(3, RoundingMode.HALF_UP);
		this.warehouseId = item.warehouseId();
		this.estimatedUnitPrice = estimate.unitPrice().setScale(2, RoundingMode.HALF_UP);
		this.amount = this.estimatedUnitPrice.multiply(this.quantity).setScale(2, RoundingMode.HALF_UP);
		this.priceSource = estimate.source();
		this.supplierId = estimate.supplierId();
		this.sourceType = source.type();
		this.productionOrderId = source.productionOrderId();
		this.requirementId = source.requirementId();
		this.salesOrderId = source.salesOrderId();
		this.salesOrderLineId = source.salesOrderLineId();
		this.requestedBy = requestedBy;
		this.requesterRole = requesterRole;
		this.status = RequisitionStatus.REQUESTED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Binds the requisition to the instance that works on it: the first step of that
	 * instance does it. A requisition bound to another instance refuses (a fault).
	 */
	void bindTo(String processInstanceId) {
		if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
			throw new IllegalStateException(
					"Requisition " + this.number + " is bound to another process instance than " + processInstanceId);
		}
		this.processInstanceId = processInstanceId;
	}

	boolean isBoundTo(String processInstanceId) {
		return this.processInstanceId != null && this.processInstanceId.equals(processInstanceId);
	}

	/**
	 * The approval table chose who approves: AUTO approves at once; MANAGER and OWNER
	 * leave it REQUESTED for their decision. Deciding again (a retried step) with the
	 * same level changes nothing.
	 */
	void approverChosen(ApproverLevel level, Instant now) {
		if (this.approverLevel != null) {
			return;
		}
		requireStatus(RequisitionStatus.REQUESTED);
		this.approverLevel = level;
		if (level == ApproverLevel.AUTO) {
			this.status = RequisitionStatus.APPROVED;
			this.decidedBy = "AUTO";
			this.decidedAt = now;
		}
		this.updatedAt = now;
	}

	/**
	 * An approver decided. {@code approverRole} is the approver's role in the workspace,
	 * which must reach the level the table chose (403 otherwise, nothing changes). A
	 * rejection needs no comment; its reason is the comment when there is one.
	 */
	void decide(boolean approved, String approver, boolean roleSuffices, String comment, Instant now) {
		requireStatus(RequisitionStatus.REQUESTED);
		if (this.approverLevel == null || this.approverLevel == ApproverLevel.AUTO) {
			throw new ConflictException("Requisition " + this.number + " needs no approver");
		}
		if (!roleSuffices) {
			throw new ForbiddenException("Requisition " + this.number + " is approved at level " + this.approverLevel
					+ "; your role in the workspace does not reach it");
		}
		this.decidedBy = approver;
		this.decidedAt = now;
		this.decisionComment = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (approved) {
			this.status = RequisitionStatus.APPROVED;
		}
		else {
			this.status = RequisitionStatus.REJECTED;
			this.rejectionReason = (this.decisionComment != null) ? this.decisionComment : "Rejected by " + approver;
		}
		this.updatedAt = now;
	}

	/** An approved requisition could not be ordered (e.g. no active supplier). */
	void refuse(String reason, Instant now) {
		requireStatus(RequisitionStatus.APPROVED);
		this.status = RequisitionStatus.REJECTED;
		this.rejectionReason = reason;
		this.updatedAt = now;
	}

	void ordered(UUID purchaseOrderId, UUID supplierId, Instant now) {
		requireStatus(RequisitionStatus.APPROVED);
		this.purchaseOrderId = purchaseOrderId;
		this.supplierId = supplierId;
		this.status = RequisitionStatus.ORDERED;
		this.updatedAt = now;
	}

	void received(Instant now) {
		requireStatus(RequisitionStatus.ORDERED);
		this.status = RequisitionStatus.RECEIVED;
		this.updatedAt = now;
	}

	/** An open requisition is given up (its process was cancelled). */
	boolean cancel(String reason, Instant now) {
		if (this.status != RequisitionStatus.REQUESTED && this.status != RequisitionStatus.APPROVED
				&& this.status != RequisitionStatus.ORDERED) {
			return false;
		}
		this.status = RequisitionStatus.CANCELLED;
		this.rejectionReason = reason;
		this.updatedAt = now;
		return true;
	}

	private void requireStatus(RequisitionStatus expected) {
		if (this.status != expected) {
			throw new ConflictException("Requisition " + this.number + " is " + this.status + ", not " + expected);
		}
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	String number() {
		return this.number;
	}

	UUID productId() {
		return this.productId;
	}

	String productCode() {
		return this.productCode;
	}

	String productName() {
		return this.productName;
	}

	String materialCategory() {
		return this.materialCategory;
	}

	BigDecimal quantity() {
		return this.quantity;
	}

	UUID warehouseId() {
		return this.warehouseId;
	}

	BigDecimal amount() {
		return this.amount;
	}

	BigDecimal estimatedUnitPrice() {
		return this.estimatedUnitPrice;
	}

	UUID supplierId() {
		return this.supplierId;
	}

	String requesterRole() {
		return this.requesterRole;
	}

	UUID requestedBy() {
		return this.requestedBy;
	}

	ApproverLevel approverLevel() {
		return this.approverLevel;
	}

	RequisitionStatus status() {
		return this.status;
	}

	String rejectionReason() {
		return this.rejectionReason;
	}

	UUID purchaseOrderId() {
		return this.purchaseOrderId;
	}

	UUID salesOrderId() {
		return this.salesOrderId;
	}

	UUID productionOrderId() {
		return this.productionOrderId;
	}

	RequisitionView view(String supplierName, String purchaseOrderNumber, String requestedByEmail) {
		return new RequisitionView(this.id, this.workspaceId, this.number, this.status, this.productId,
				this.productCode, this.productName, this.materialCategory, this.quantity, this.warehouseId,
				this.estimatedUnitPrice, this.amount, this.priceSource, this.supplierId, supplierName,
				new RequisitionView.Source(this.sourceType, this.productionOrderId, this.requirementId,
						this.salesOrderId, this.salesOrderLineId),
				this.requestedBy, requestedByEmail, this.requesterRole, this.approverLevel, this.decidedBy,
				this.decidedAt, this.decisionComment, this.rejectionReason, this.purchaseOrderId, purchaseOrderNumber,
				this.processInstanceId, this.createdAt, this.updatedAt);
	}

	/**
	 * What is bought, and where it goes ({@code warehouseId} may be null: chosen at
	 * receipt).
	 */
	record Item(UUID productId, String productCode, String productName, String category, BigDecimal quantity,
			UUID warehouseId) {
	}

	/**
	 * The estimated unit price and where it came from (SUPPLIER_PRICE, STANDARD_COST).
	 */
	record Estimate(BigDecimal unitPrice, String source, UUID supplierId) {
	}

	/** Who needs the goods: a production order's requirement, or a sales order line. */
	record Source(String type, UUID productionOrderId, UUID requirementId, UUID salesOrderId, UUID salesOrderLineId) {
	}

}
