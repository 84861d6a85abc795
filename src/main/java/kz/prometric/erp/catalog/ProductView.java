package kz.prometric.erp.catalog;

import kz.prometric.erp.shared.VatCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product as the API shows it. {@code price} and {@code cost} are in KZT with 2
 * decimals; {@code priceIncludesVat} says whether {@code price} is gross or net;
 * {@code category} says what kind of thing it is.
 */
public record ProductView(UUID id, UUID workspaceId, String code, String name, String description, String unit,
		BigDecimal price, BigDecimal cost, ProductStatus status, VatCategory vatCategory, boolean priceIncludesVat,
		Instant createdAt, Instant updatedAt, ProductCategory category) {
}
