package kz.prometric.erp.inventory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where goods bought for a workspace are received when the buyer named no warehouse (a
 * purchase for a sales order line): the warehouse already holding the most available
 * stock of the product, else the workspace's first warehouse by code. For processes; no
 * caller check.
 */
@Service
public class ReceivingWarehouses {

	private final Warehouses warehouses;

	private final StockBalances balances;

	ReceivingWarehouses(Warehouses warehouses, StockBalances balances) {
		this.warehouses = warehouses;
		this.balances = balances;
	}

	/**
	 * The warehouse to receive the product into, or empty when the workspace has none.
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> forProduct(UUID workspaceId, UUID productId) {
		Optional<UUID> holding = this.balances.warehousesWithAvailable(workspaceId, productId).stream().findFirst();
		if (holding.isPresent()) {
			return holding;
		}
		return this.warehouses.findByWorkspaceId(workspaceId, PageRequest.of(0, 1, Sort.by("code", "id")))
			.stream()
			.findFirst()
			.map(Warehouse::id);
	}

	/** Whether {@code warehouseId} is a warehouse of the workspace. */
	@Transactional(readOnly = true)
	public boolean exists(UUID workspaceId, UUID warehouseId) {
		return warehouseId != null && this.warehouses.existsByIdAndWorkspaceId(warehouseId, workspaceId);
	}

}
