package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One entry of the append-only stock ledger (the database refuses updates and deletes).
 * The balances equal the sum of their movements, see {@link MovementType}.
 */
@Entity
@Immutable
@Table(name = "inv_movement")
class Movement {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID warehouseId;

	private UUID productId;

	@Enumerated(EnumType.STRING)
	private MovementType type;

	private BigDecimal quantity;

	private String referenceType;

	private UUID referenceId;

	private String note;

	/**
	 * The value of one unit at the time of the movement; null for reservations and
	 * releases.
	 */
	private BigDecimal unitCost;

	/** The reservation an ISSUE_TO_PRODUCTION took its stock from. */
	private UUID reservationId;

	private UUID createdBy;

	private Instant createdAt;

	protected Movement() {
	}

	Movement(UUID workspaceId, UUID warehouseId, UUID productId, MovementType type, BigDecimal quantity,
			String referenceType, UUID referenceId, String note, UUID createdBy, Instant now) {
		this(workspaceId, warehouseId, productId, type, quantity, null, null, referenceType, referenceId, note,
				createdBy, now);
	}

	Movement(UUID workspaceId, UUID warehouseId, UUID productId, MovementType type, BigDecimal quantity,
			BigDecimal unitCost, UUID reservationId, String referenceType, UUID referenceId, String note,
			UUID createdBy, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.warehouseId = warehouseId;
		this.productId = productId;
		this.type = type;
		this.quantity = quantity;
		this.unitCost = unitCost;
		this.reservationId = reservationId;
		this.referenceType = referenceType;
		this.referenceId = referenceId;
		this.note = (note == null || note.isBlank()) ? null : note.strip();
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	UUID warehouseId() {
		return this.warehouseId;
	}

	UUID productId() {
		return this.productId;
	}

	UUID reservationId() {
		return this.reservationId;
	}

	BigDecimal quantity() {
		return this.quantity;
	}

	BigDecimal unitCost() {
		return this.unitCost;
	}

	StockMovementView view() {
		return new StockMovementView(this.id, this.warehouseId, this.productId, this.type, this.quantity,
				this.referenceType, this.referenceId, this.note, this.createdBy, this.createdAt, this.unitCost);
	}

}
