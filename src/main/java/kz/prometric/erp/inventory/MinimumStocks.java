package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The minimum quantities (reorder points) per product and warehouse, in
 * {@code inv_minimum_stock}, and the stock below them.
 */
@Repository
class MinimumStocks {

	private static final String BELOW = """
			from inv_minimum_stock m
			join inv_warehouse w on w.id = m.warehouse_id
			left join inv_stock s on s.warehouse_id = m.warehouse_id and s.product_id = m.product_id
			where m.workspace_id = ? and coalesce(s.on_hand, 0) < m.minimum_quantity
			""";

	private final JdbcTemplate jdbc;

	MinimumStocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the minimum, creating the row when missing. */
	MinimumStockView set(UUID workspaceId, UUID warehouseId, UUID productId, BigDecimal minimum, UUID by, Instant now) {
		this.jdbc.update("""
				insert into inv_minimum_stock (id, workspace_id, warehouse_id, product_id, minimum_quantity, updated_by,
				                               updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (warehouse_id, product_id)
				do update set minimum_quantity = excluded.minimum_quantity, updated_by = excluded.updated_by,
				              updated_at = excluded.updated_at
				""", UUID.randomUUID(), workspaceId, warehouseId, productId, minimum, by, Timestamp.from(now));
		return new MinimumStockView(warehouseId, productId, minimum, now);
	}

	/** The minimums of the workspace, of one product or one warehouse when given. */
	List<MinimumStockView> of(UUID workspaceId, UUID productId, UUID warehouseId) {
		return this.jdbc.query("""
				select warehouse_id, product_id, minimum_quantity, updated_at from inv_minimum_stock
				where workspace_id = ? and (cast(? as uuid) is null or product_id = ?)
				  and (cast(? as uuid) is null or warehouse_id = ?)
				order by warehouse_id, product_id
				""", MinimumStocks::view, workspaceId, productId, productId, warehouseId, warehouseId);
	}

	/** The minimum of a product in a warehouse, when one is set. */
	java.util.Optional<BigDecimal> minimumOf(UUID warehouseId, UUID productId) {
		return this.jdbc
			.query("select minimum_quantity from inv_minimum_stock where warehouse_id = ? and product_id = ?",
					(rs, row) -> rs.getBigDecimal(1), warehouseId, productId)
			.stream()
			.findFirst();
	}

	long countBelow(UUID workspaceId) {
		Long count = this.jdbc.queryForObject("select count(*) " + BELOW, Long.class, workspaceId);
		return (count != null) ? count : 0;
	}

	/**
	 * A page of (product, warehouse, on hand, minimum) below their minimum; the
	 * pageable's sort names columns of the query (whitelisted by the caller).
	 */
	List<Row> below(UUID workspaceId, Pageable pageable) {
		String order = pageable.getSort()
			.stream()
			.map(o -> ("id".equals(o.getProperty()) ? "m.id" : o.getProperty())
					+ (o.getDirection() == Sort.Direction.DESC ? " desc" : " asc"))
			.collect(Collectors.joining(", "));
		return this.jdbc.query("""
				select m.product_id, m.warehouse_id, w.code as warehouse_code, w.name as warehouse_name,
				       coalesce(s.on_hand, 0) as on_hand, m.minimum_quantity,
				       m.minimum_quantity - coalesce(s.on_hand, 0) as shortfall, m.id
				""" + BELOW + " order by " + order + " limit ? offset ?",
				(rs, row) -> new Row(rs.getObject("product_id", UUID.class), rs.getObject("warehouse_id", UUID.class),
						rs.getString("warehouse_code"), rs.getString("warehouse_name"), rs.getBigDecimal("on_hand"),
						rs.getBigDecimal("minimum_quantity"), rs.getBigDecimal("shortfall")),
				workspaceId, pageable.getPageSize(), pageable.getOffset());
	}

	private static MinimumStockView view(ResultSet rs, int row) throws SQLException {
		return new MinimumStockView(rs.getObject("warehouse_id", UUID.class), rs.getObject("product_id", UUID.class),
				rs.getBigDecimal("minimum_quantity"), rs.getTimestamp("updated_at").toInstant());
	}

	record Row(UUID productId, UUID warehouseId, String warehouseCode, String warehouseName, BigDecimal onHand,
			BigDecimal minimum, BigDecimal shortfall) {
	}

}
