package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One component a production order needs (its bill of materials times the order's
 * quantity): how much is required, reserved and issued, and how a shortfall is being
 * covered (a child production order for a sub-assembly, a purchase requisition for a
 * bought material).
 */
@Entity
@Table(name = "prod_requirement")
class MaterialRequirement {

	static final String MATERIAL = "MATERIAL";

	static final String SUBASSEMBLY = "SUBASSEMBLY";

	@Id
	private UUID id;

	private int seq;

	private UUID productId;

	private String kind;

	private BigDecimal quantityRequired;

	private BigDecimal quantityReserved;

	private BigDecimal quantityIssued;

	private BigDecimal issuedCost;

	private UUID childOrderId;

	private String childOrderNumber;

	private String requisitionNumber;

	protected MaterialRequirement() {
	}

	MaterialRequirement(int seq, UUID productId, boolean subassembly, BigDecimal quantityRequired) {
		this.id = UUID.randomUUID();
		this.seq = seq;
		this.productId = productId;
		this.kind = subassembly ? SUBASSEMBLY : MATERIAL;
		this.quantityRequired = quantityRequired;
		this.quantityReserved = BigDecimal.ZERO;
		this.quantityIssued = BigDecimal.ZERO;
		this.issuedCost = BigDecimal.ZERO;
	}

	UUID id() {
		return this.id;
	}

	UUID productId() {
		return this.productId;
	}

	boolean isSubassembly() {
		return SUBASSEMBLY.equals(this.kind);
	}

	BigDecimal quantityRequired() {
		return this.quantityRequired;
	}

	BigDecimal quantityReserved() {
		return this.quantityReserved;
	}

	BigDecimal quantityIssued() {
		return this.quantityIssued;
	}

	BigDecimal issuedCost() {
		return this.issuedCost;
	}

	UUID childOrderId() {
		return this.childOrderId;
	}

	String childOrderNumber() {
		return this.childOrderNumber;
	}

	String requisitionNumber() {
		return this.requisitionNumber;
	}

	void reserved(BigDecimal quantity) {
		this.quantityReserved = quantity;
	}

	void issued(BigDecimal quantity, BigDecimal cost) {
		this.quantityIssued = this.quantityIssued.add(quantity);
		this.issuedCost = this.issuedCost.add(cost);
	}

	void coveredByChild(UUID childOrderId, String childOrderNumber) {
		this.childOrderId = childOrderId;
		this.childOrderNumber = childOrderNumber;
	}

	void coveredByRequisition(String requisitionNumber) {
		this.requisitionNumber = requisitionNumber;
	}

	ProductionOrderView.Requirement view() {
		return new ProductionOrderView.Requirement(this.id, this.productId, this.kind, this.quantityRequired,
				this.quantityReserved, this.quantityIssued, this.issuedCost, this.childOrderNumber,
				this.requisitionNumber);
	}

}
