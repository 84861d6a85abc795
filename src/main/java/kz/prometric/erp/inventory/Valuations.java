package kz.prometric.erp.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Valuations extends JpaRepository<Valuation, UUID> {

	/** Creates the empty valuation row unless it exists; safe under concurrency. */
	@Modifying
	@Query(value = "insert into inv_valuation (id, workspace_id, product_id, quantity, average_cost, updated_at, "
			+ "version) values (gen_random_uuid(), :workspaceId, :productId, 0, null, now(), 0) "
			+ "on conflict (workspace_id, product_id) do nothing", nativeQuery = true)
	void createIfAbsent(UUID workspaceId, UUID productId);

	/** The valuation row, locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from Valuation v where v.workspaceId = :workspaceId and v.productId = :productId")
	Optional<Valuation> lock(UUID workspaceId, UUID productId);

	Optional<Valuation> findByWorkspaceIdAndProductId(UUID workspaceId, UUID productId);

	List<Valuation> findByWorkspaceIdAndProductIdIn(UUID workspaceId, Collection<UUID> productIds);

}
