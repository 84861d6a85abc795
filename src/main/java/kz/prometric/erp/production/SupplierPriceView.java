package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a supplier charges for one unit of a product (KZT, without VAT) and how many days
 * it takes to deliver.
 */
public record SupplierPriceView(UUID supplierId, UUID productId, String productCode, String productName,
		BigDecimal unitPrice, int leadTimeDays, Instant updatedAt) {
}
