package kz.prometric.erp.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StockBalances extends JpaRepository<StockBalance, UUID> {

	/** Creates the empty balance row unless it exists; safe under concurrency. */
	@Modifying
	@Query(value = "insert into inv_stock (id, workspace_id, warehouse_id, product_id, on_hand, reserved, updated_at, "
			+ "version) values (gen_random_uuid(), :workspaceId, :warehouseId, :productId, 0, 0, now(), 0) "
			+ "on conflict (warehouse_id, product_id) do nothing", nativeQuery = true)
	void createIfAbsent(UUID workspaceId, UUID warehouseId, UUID productId);

	/** The balance row, locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from StockBalance s where s.workspaceId = :workspaceId and s.warehouseId = :warehouseId "
			+ "and s.productId = :productId")
	Optional<StockBalance> lock(UUID workspaceId, UUID warehouseId, UUID productId);

	/** Warehouses holding available stock of the product, most available first. */
	@Query("select s.warehouseId from StockBalance s where s.workspaceId = :workspaceId and s.productId = :productId "
			+ "and s.onHand > s.reserved order by (s.onHand - s.reserved) desc, s.warehouseId")
	List<UUID> warehousesWithAvailable(UUID workspaceId, UUID productId);

	@Query("select s from StockBalance s where s.workspaceId = :workspaceId "
			+ "and (:productId is null or s.productId = :productId) "
			+ "and (:warehouseId is null or s.warehouseId = :warehouseId)")
	Page<StockBalance> search(UUID workspaceId, UUID productId, UUID warehouseId, Pageable pageable);

}
