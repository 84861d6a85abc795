package kz.prometric.erp.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One component of a bill of materials: how much of product {@code productId} goes into
 * one unit of the parent product.
 */
public record BomComponentView(UUID productId, String code, String name, String unit, BigDecimal quantity) {
}
