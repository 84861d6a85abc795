package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The moving average cost of one product in a workspace, over all its warehouses, and the
 * quantity on hand it values (the sum of the product's balances). Stock coming in at a
 * cost moves the average:
 * {@code new average = (quantity · average + q_in · cost_in) / (quantity + q_in)}, or
 * {@code cost_in} when nothing was on hand; stock going out leaves it as it is. Callers
 * hold the row lock while they change it.
 */
@Entity
@Table(name = "inv_valuation")
class Valuation {

	static final int COST_SCALE = 4;

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID productId;

	private BigDecimal quantity;

	/**
	 * {@code null} while nothing has been valued: the product's standard cost applies.
	 */
	private BigDecimal averageCost;

	private Instant updatedAt;

	@Version
	private long version;

	protected Valuation() {
	}

	/** An empty valuation; in the application rows are created by an insert-if-absent. */
	Valuation(UUID workspaceId, UUID productId, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.productId = productId;
		this.quantity = BigDecimal.ZERO.setScale(3);
		this.updatedAt = now;
	}

	/**
	 * Stock comes in at {@code unitCost}: the average moves (to {@code unitCost} when
	 * nothing was on hand).
	 */
	void receive(BigDecimal quantityIn, BigDecimal unitCost, Instant now) {
		BigDecimal cost = unitCost.setScale(COST_SCALE, RoundingMode.HALF_UP);
		if (this.quantity.signum() <= 0 || this.averageCost == null) {
			this.averageCost = cost;
		}
		else {
			BigDecimal total = this.quantity.multiply(this.averageCost).add(quantityIn.multiply(cost));
			this.averageCost = total.divide(this.quantity.add(quantityIn), COST_SCALE, RoundingMode.HALF_UP);
		}
		this.quantity = this.quantity.add(quantityIn);
		this.updatedAt = now;
	}

	/**
	 * Stock comes in or goes out at the current average ({@code standardCost} when
	 * nothing has been valued yet, which then becomes the average); answers that unit
	 * cost.
	 */
	BigDecimal moveAtAverage(BigDecimal delta, BigDecimal standardCost, Instant now) {
		if (this.averageCost == null) {
			this.averageCost = standardCost.setScale(COST_SCALE, RoundingMode.HALF_UP);
		}
		this.quantity = this.quantity.add(delta).max(BigDecimal.ZERO.setScale(3));
		this.updatedAt = now;
		return this.averageCost;
	}

	/** The average, or {@code standardCost} while nothing has been valued. */
	BigDecimal averageCost(BigDecimal standardCost) {
		return (this.averageCost != null) ? this.averageCost : standardCost.setScale(COST_SCALE, RoundingMode.HALF_UP);
	}

	BigDecimal quantity() {
		return this.quantity;
	}

	UUID productId() {
		return this.productId;
	}

}
