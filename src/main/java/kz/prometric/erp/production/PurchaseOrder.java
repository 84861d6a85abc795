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
import kz.prometric.erp.shared.ConflictException;

/**
 * An order placed with a supplier for one approved requisition (one line: product,
 * quantity, the supplier's unit price). ORDERED → RECEIVED once the goods are in stock;
 * CANCELLED when its requisition's process was cancelled before that.
 */
@Entity
@Table(name = "prod_purchase_order")
class PurchaseOrder {

	@Id
	private UUID id;

	private UUID workspaceId;

	private String number;

	private UUID requisitionId;

	private UUID supplierId;

	private String supplierName;

	private UUID productId;

	private String productCode;

	private String productName;

	private BigDecimal quantity;

	private BigDecimal unitPrice;

	private BigDecimal amount;

	private UUID warehouseId;

	@Enumerated(EnumType.STRING)
	private PurchaseOrderStatus status;

	private Instant orderedAt;

	private Instant expectedAt;

	private String deliveryNote;

	private String receivedBy;

	private Instant reportedAt;

	private Instant receivedAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected PurchaseOrder() {
	}

	PurchaseOrder(UUID workspaceId, String number, Requisition requisition, UUID supplierId, String supplierName,
			BigDecimal unitPrice, int leadTimeDays, UUID warehouseId, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.number = number;
		this.requisitionId = requisition.id();
		this.supplierId = supplierId;
		this.supplierName = supplierName;
		this.productId = requisition.productId();
		this.productCode = requisition.productCode();
		this.productName = requisition.productName();
		this.quantity = requisition.quantity();
		this.unitPrice = unitPrice.setScale(2, RoundingMode.HALF_UP);
		this.amount = this.unitPrice.multiply(this.quantity).setScale(2, RoundingMode.HALF_UP);
		this.warehouseId = warehouseId;
		this.status = PurchaseOrderStatus.ORDERED;
		this.orderedAt = now;
		this.expectedAt = now.plusSeconds(86_400L * leadTimeDays);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A person reported the goods arrived (the receive-goods task): who, with which
	 * delivery note. Reporting again before the receipt is booked replaces the report.
	 */
	void receiptReported(String receivedBy, String deliveryNote, Instant now) {
		if (this.status != PurchaseOrderStatus.ORDERED) {
			throw new ConflictException("Purchase order " + this.number + " is " + this.status);
		}
		this.receivedBy = receivedBy;
		this.deliveryNote = (deliveryNote == null || deliveryNote.isBlank()) ? null : deliveryNote.strip();
		this.reportedAt = now;
		this.updatedAt = now;
	}

	void received(Instant now) {
		if (this.status != PurchaseOrderStatus.ORDERED) {
			throw new ConflictException("Purchase order " + this.number + " is " + this.status);
		}
		this.status = PurchaseOrderStatus.RECEIVED;
		this.receivedAt = now;
		this.updatedAt = now;
	}

	boolean cancel(Instant now) {
		if (this.status != PurchaseOrderStatus.ORDERED) {
			return false;
		}
		this.status = PurchaseOrderStatus.CANCELLED;
		this.updatedAt = now;
		return true;
	}

	UUID id() {
		return this.id;
	}

	String number() {
		return this.number;
	}

	UUID requisitionId() {
		return this.requisitionId;
	}

	UUID productId() {
		return this.productId;
	}

	BigDecimal quantity() {
		return this.quantity;
	}

	BigDecimal unitPrice() {
		return this.unitPrice;
	}

	UUID warehouseId() {
		return this.warehouseId;
	}

	String supplierName() {
		return this.supplierName;
	}

	PurchaseOrderStatus status() {
		return this.status;
	}

	PurchaseOrderView view(String requisitionNumber) {
		return new PurchaseOrderView(this.id, this.workspaceId, this.number, this.status, this.requisitionId,
				requisitionNumber, this.supplierId, this.supplierName, this.productId, this.productCode,
				this.productName, this.quantity, this.unitPrice, this.amount, this.warehouseId, this.orderedAt,
				this.expectedAt, this.deliveryNote, this.receivedBy, this.receivedAt, this.createdAt, this.updatedAt);
	}

}
