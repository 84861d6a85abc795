package kz.prometric.erp.catalog;

import java.util.List;
import java.util.UUID;

/**
 * What one unit of product {@code productId} is made of; empty when it is not produced.
 */
public record BillOfMaterialsView(UUID productId, List<BomComponentView> components) {
}
