package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase order as the API shows it: one line at the supplier's unit price (KZT
 * without VAT); {@code receivedBy} is the e-mail of the person who reported the goods
 * received, {@code receivedAt} when they were booked into stock.
 */
public record PurchaseOrderView(UUID id, UUID workspaceId, String number, PurchaseOrderStatus status,
		UUID requisitionId, String requisitionNumber, UUID supplierId, String supplierName, UUID productId,
		String productCode, String productName, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
		UUID warehouseId, Instant orderedAt, Instant expectedAt, String deliveryNote, String receivedBy,
		Instant receivedAt, Instant createdAt, Instant updatedAt) {
}
