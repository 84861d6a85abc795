package kz.prometric.erp.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an order's history: {@code action} {@code CREATED},
 * {@code STATUS_CHANGED}, {@code CANCELLED} or {@code DELIVERY_ADDRESS_CHANGED} (the
 * status stays as it was); {@code changedBy} and {@code changedByName} are null when the
 * order-fulfilment process did it by itself; {@code detail} says more (the deal it came
 * from, the carrier, the invoice number, the reason of a cancellation, the old and new
 * delivery address).
 */
public record OrderChangeView(UUID id, UUID orderId, Instant changedAt, UUID changedBy, String changedByName,
		String action, OrderStatus fromStatus, OrderStatus toStatus, String detail) {
}
