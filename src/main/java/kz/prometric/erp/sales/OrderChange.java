package kz.prometric.erp.sales;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One thing that happened to an order: created, a status change, cancelled, its delivery
 * address changed; by whom ({@code null}: the order-fulfilment process by itself) and
 * when. Written in the transaction that changes the order, never changed afterwards.
 */
@Entity
@Table(name = "sales_order_change")
class OrderChange {

	/** What happened. */
	enum Action {

		CREATED, STATUS_CHANGED, CANCELLED, DELIVERY_ADDRESS_CHANGED

	}

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID orderId;

	private Instant changedAt;

	private UUID changedBy;

	@Enumerated(EnumType.STRING)
	private Action action;

	@Enumerated(EnumType.STRING)
	private OrderStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private OrderStatus toStatus;

	private String detail;

	protected OrderChange() {
	}

	OrderChange(UUID workspaceId, UUID orderId, Instant changedAt, UUID changedBy, Action action,
			OrderStatus fromStatus, OrderStatus toStatus, String detail) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.orderId = orderId;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
		this.action = action;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.detail = (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail;
	}

	UUID changedBy() {
		return this.changedBy;
	}

	OrderChangeView view(String changedByName) {
		return new OrderChangeView(this.id, this.orderId, this.changedAt, this.changedBy, changedByName,
				this.action.name(), this.fromStatus, this.toStatus, this.detail);
	}

}
