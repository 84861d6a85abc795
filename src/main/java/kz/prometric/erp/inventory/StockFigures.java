package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.ProductView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The value of the stock, for the analytics reports. No access check: the caller (the
 * analytics module) has checked that the caller belongs to the workspace.
 * <p>
 * A product's stock in a warehouse is its quantity on hand (reserved stock included: it
 * is still the workspace's until issued) valued at the product's moving average cost over
 * all warehouses ({@link ValuationView}), or its standard cost while nothing has been
 * valued; a row's value is quantity × unit cost rounded half up to the tiyn, and totals
 * add the rounded rows.
 */
@Service
public class StockFigures {

	private final JdbcTemplate jdbc;

	private final CatalogManagement catalog;

	StockFigures(JdbcTemplate jdbc, CatalogManagement catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * Every warehouse and product with stock on hand (not 0), by warehouse code and
	 * product code.
	 */
	@Transactional(readOnly = true)
	public List<StockValue> valuation(UUID workspaceId) {
		List<Row> rows = this.jdbc.query("""
				select s.warehouse_id, w.code, w.name, s.product_id, s.on_hand, v.average_cost
				  from inv_stock s
				  join inv_warehouse w on w.id = s.warehouse_id and w.workspace_id = s.workspace_id
				  left join inv_valuation v on v.workspace_id = s.workspace_id and v.product_id = s.product_id
				 where s.workspace_id = ? and s.on_hand <> 0
				""",
				(rs, i) -> new Row(rs.getObject("warehouse_id", UUID.class), rs.getString("code"), rs.getString("name"),
						rs.getObject("product_id", UUID.class), rs.getBigDecimal("on_hand"),
						rs.getBigDecimal("average_cost")),
				workspaceId);
		Set<UUID> productIds = new HashSet<>();
		rows.forEach(r -> productIds.add(r.productId()));
		Map<UUID, ProductView> products = this.catalog.productsById(workspaceId, productIds);
		return rows.stream().map(r -> {
			ProductView product = products.get(r.productId());
			BigDecimal unitCost = ((r.averageCost() != null) ? r.averageCost()
					: (product != null) ? product.cost() : BigDecimal.ZERO)
				.setScale(Valuation.COST_SCALE, RoundingMode.HALF_UP);
			return new StockValue(r.warehouseId(), r.warehouseCode(), r.warehouseName(), r.productId(),
					(product != null) ? product.code() : null, (product != null) ? product.name() : null,
					r.quantity().setScale(3, RoundingMode.HALF_UP), unitCost,
					r.quantity().multiply(unitCost).setScale(2, RoundingMode.HALF_UP));
		}).sorted((a, b) -> {
			int byWarehouse = a.warehouseCode().compareToIgnoreCase(b.warehouseCode());
			return (byWarehouse != 0) ? byWarehouse
					: String.valueOf(a.productCode()).compareToIgnoreCase(String.valueOf(b.productCode()));
		}).toList();
	}

	private record Row(UUID warehouseId, String warehouseCode, String warehouseName, UUID productId,
			BigDecimal quantity, BigDecimal averageCost) {
	}

	/**
	 * One product in one warehouse: quantity on hand, unit cost (KZT, 4 decimals) and
	 * value (KZT, 2 decimals).
	 */
	public record StockValue(UUID warehouseId, String warehouseCode, String warehouseName, UUID productId,
			String productCode, String productName, BigDecimal quantity, BigDecimal unitCost, BigDecimal value) {
	}

}
