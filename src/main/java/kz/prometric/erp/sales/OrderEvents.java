package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Events of orders ({@code order.created}, {@code order.cancelled}), published in the
 * changing transaction.
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	public record OrderCreated(UUID orderId, UUID workspaceId, String orderNumber, UUID dealId, BigDecimal totalAmount,
			Instant occurredAt) {
	}

	public record OrderCancelled(UUID orderId, UUID workspaceId, String reason, Instant occurredAt) {
	}

}
