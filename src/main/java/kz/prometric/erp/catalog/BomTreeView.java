package kz.prometric.erp.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The bill of materials of product {@code productId} exploded over its levels, depth
 * first in the order the components are listed: a component's own components follow it
 * directly. Empty when the product is not made of anything.
 */
public record BomTreeView(UUID productId, List<Line> lines) {

	/**
	 * One component at one place in the tree. {@code level} 1 is a direct component of
	 * the top product; {@code parentProductId} is the product it goes into;
	 * {@code quantityPerParent} how much goes into one unit of that parent;
	 * {@code quantity} how much goes into one unit of the top product (the product of the
	 * quantities on the way down); {@code hasComponents} whether it has a bill of
	 * materials of its own (also when the levels asked for stop above it).
	 */
	public record Line(int level, UUID parentProductId, UUID productId, String code, String name, String unit,
			ProductCategory category, BigDecimal quantityPerParent, BigDecimal quantity, boolean hasComponents) {
	}

}
