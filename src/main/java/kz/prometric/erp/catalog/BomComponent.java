package kz.prometric.erp.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A line of a product's bill of materials.
 */
@Embeddable
record BomComponent(@Column(name = "component_id") UUID componentId, @Column(name = "quantity") BigDecimal quantity) {
}
