package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Stock of one warehouse held for one order line. An order line has at most one ACTIVE
 * reservation (a unique index says so); it may grow until the line is fully reserved,
 * then it is released or issued, both final.
 */
@Entity
@Table(name = "inv_reservation")
class Reservation {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID orderId;

	private UUID orderLineId;

	private UUID productId;

	private UUID warehouseId;

	private BigDecimal quantity;

	@Enumerated(EnumType.STRING)
	private ReservationStatus status;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Reservation() {
	}

	Reservation(UUID workspaceId, UUID orderId, UUID orderLineId, UUID productId, UUID warehouseId, BigDecimal quantity,
			Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.orderId = orderId;
		this.orderLineId = orderLineId;
		this.productId = productId;
		this.warehouseId = warehouseId;
		this.quantity = quantity;
		this.status = ReservationStatus.ACTIVE;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void add(BigDecimal more, Instant now) {
		requireActive();
		this.quantity = this.quantity.add(more);
		this.updatedAt = now;
	}

	void released(Instant now) {
		requireActive();
		this.status = ReservationStatus.RELEASED;
		this.updatedAt = now;
	}

	void issued(Instant now) {
		requireActive();
		this.status = ReservationStatus.ISSUED;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID orderId() {
		return this.orderId;
	}

	UUID orderLineId() {
		return this.orderLineId;
	}

	UUID productId() {
		return this.productId;
	}

	UUID warehouseId() {
		return this.warehouseId;
	}

	BigDecimal quantity() {
		return this.quantity;
	}

	ReservationView view() {
		return new ReservationView(this.id, this.orderId, this.orderLineId, this.productId, this.warehouseId,
				this.quantity, this.status, this.createdAt, this.updatedAt);
	}

	private void requireActive() {
		if (this.status != ReservationStatus.ACTIVE) {
			throw new IllegalStateException("Reservation " + this.id + " is " + this.status);
		}
	}

}
