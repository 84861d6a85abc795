package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API and other modules see it. {@code replenishments}: what the
 * order-fulfilment process asked production to make or buy for lines short of stock (per
 * line and document, with its status). {@code warehouseId}: the warehouse a hand-entered
 * order is served from ({@code null}: the one with the most stock); {@code createdBy}:
 * who entered it by hand ({@code null} for an order of a won deal).
 * {@code deliveryAddress}: where the goods go, the order's own (given when it was
 * entered, else the customer's address when it was placed; changeable until shipped);
 * {@code null} only while nothing is known.
 */
public record OrderView(UUID id, UUID workspaceId, String orderNumber, UUID customerId, UUID dealId, OrderStatus status,
		String currency, BigDecimal totalAmount, List<OrderLine> lines, String cancelReason, String carrier,
		String trackingNumber, Instant shippedAt, UUID invoiceId, String invoiceNumber, Instant createdAt,
		Instant updatedAt, long version, List<LineReplenishment> replenishments, UUID warehouseId, UUID createdBy,
		String deliveryAddress) {
}
