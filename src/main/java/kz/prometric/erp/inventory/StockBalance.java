package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.BusinessRuleViolation;

/**
 * The stock of one product in one warehouse. On hand and reserved are never negative and
 * reserved never exceeds on hand; the database checks the same. Callers hold the row lock
 * ({@code select … for update}) while they change it, and write one movement per change.
 */
@Entity
@Table(name = "inv_stock")
class StockBalance {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID warehouseId;

	private UUID productId;

	@Column(name = "on_hand")
	private BigDecimal onHand;

	private BigDecimal reserved;

	private Instant updatedAt;

	@Version
	private long version;

	protected StockBalance() {
	}

	/** An empty balance; in the application rows are created by an insert-if-absent. */
	StockBalance(UUID workspaceId, UUID warehouseId, UUID productId, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.warehouseId = warehouseId;
		this.productId = productId;
		this.onHand = BigDecimal.ZERO.setScale(3);
		this.reserved = BigDecimal.ZERO.setScale(3);
		this.updatedAt = now;
	}

	BigDecimal available() {
		return this.onHand.subtract(this.reserved);
	}

	/** Adds received or produced stock. */
	void add(BigDecimal quantity, Instant now) {
		this.onHand = this.onHand.add(quantity);
		this.updatedAt = now;
	}

	/**
	 * Corrects on hand by {@code delta}; refused (422 naming {@code quantity}) when the
	 * result would fall below what is reserved.
	 */
	void adjust(BigDecimal delta, Instant now) {
		BigDecimal result = this.onHand.add(delta);
		if (result.compareTo(this.reserved) < 0) {
			throw new BusinessRuleViolation("quantity", "The adjustment would leave " + result.toPlainString()
					+ " on hand, below the reserved " + this.reserved.toPlainString());
		}
		this.onHand = result;
		this.updatedAt = now;
	}

	/** Reserves as much of {@code quantity} as is available; answers what it reserved. */
	BigDecimal reserveUpTo(BigDecimal quantity, Instant now) {
		BigDecimal taken = quantity.min(available()).max(BigDecimal.ZERO);
		this.reserved = this.reserved.add(taken);
		this.updatedAt = now;
		return taken;
	}

	/** Gives back reserved stock. */
	void release(BigDecimal quantity, Instant now) {
		requireReserved(quantity);
		this.reserved = this.reserved.subtract(quantity);
		this.updatedAt = now;
	}

	/** Ships reserved stock: it leaves on hand and reserved. */
	void issue(BigDecimal quantity, Instant now) {
		requireReserved(quantity);
		this.reserved = this.reserved.subtract(quantity);
		this.onHand = this.onHand.subtract(quantity);
		this.updatedAt = now;
	}

	/** The view, valued at {@code averageCost} per unit. */
	StockLevelView view(BigDecimal averageCost) {
		return new StockLevelView(this.warehouseId, this.productId, this.onHand, this.reserved, available(),
				this.updatedAt, averageCost, this.onHand.multiply(averageCost).setScale(2, RoundingMode.HALF_UP));
	}

	UUID productId() {
		return this.productId;
	}

	UUID warehouseId() {
		return this.warehouseId;
	}

	BigDecimal onHand() {
		return this.onHand;
	}

	private void requireReserved(BigDecimal quantity) {
		if (quantity.compareTo(this.reserved) > 0) {
			throw new IllegalStateException("Only " + this.reserved + " reserved, cannot take " + quantity);
		}
	}

}
