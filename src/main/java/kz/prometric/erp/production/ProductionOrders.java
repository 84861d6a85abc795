package kz.prometric.erp.production;

import java.util.List;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProductionOrders extends JpaRepository<ProductionOrder, UUID> {

	/** How many production orders the workspace has in each status (none: absent). */
	@Query("select o.status, count(o) from ProductionOrder o where o.workspaceId = :workspaceId group by o.status")
	List<Object[]> countByStatus(UUID workspaceId);

	Optional<ProductionOrder> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	Optional<ProductionOrder> findByOrderNumberAndWorkspaceId(String orderNumber, UUID workspaceId);

	/** The order row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from ProductionOrder o where o.id = :id and o.workspaceId = :workspaceId")
	Optional<ProductionOrder> lockByIdAndWorkspaceId(UUID id, UUID workspaceId);

	/**
	 * The order a production-run instance is bound to (business key and tenant), locked.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from ProductionOrder o where o.orderNumber = :orderNumber and o.workspaceId = :workspaceId")
	Optional<ProductionOrder> lockByOrderNumberAndWorkspaceId(String orderNumber, UUID workspaceId);

	@Query("select o.orderNumber from ProductionOrder o where o.parentId = :parentId order by o.createdAt")
	List<String> childNumbers(UUID parentId);

	@Query("select o from ProductionOrder o where o.workspaceId = :workspaceId and o.sourceOrderLineId = :lineId "
			+ "and o.status not in (kz.prometric.erp.production.ProductionStatus.DONE, "
			+ "kz.prometric.erp.production.ProductionStatus.SCRAPPED, "
			+ "kz.prometric.erp.production.ProductionStatus.CANCELLED)")
	Optional<ProductionOrder> findOpenForSalesLine(UUID workspaceId, UUID lineId);

	@Query("select o from ProductionOrder o where o.parentRequirementId = :requirementId "
			+ "and o.status not in (kz.prometric.erp.production.ProductionStatus.DONE, "
			+ "kz.prometric.erp.production.ProductionStatus.SCRAPPED, "
			+ "kz.prometric.erp.production.ProductionStatus.CANCELLED)")
	Optional<ProductionOrder> findOpenChild(UUID requirementId);

	@Query("select o from ProductionOrder o where o.workspaceId = :workspaceId "
			+ "and (:status is null or o.status = :status) and (:productId is null or o.productId = :productId)")
	Page<ProductionOrder> search(UUID workspaceId, ProductionStatus status, UUID productId, Pageable pageable);

	/** The orders with these numbers in the workspace (the task API's subjects). */
	List<ProductionOrder> findByWorkspaceIdAndOrderNumberIn(UUID workspaceId, Collection<String> orderNumbers);

}
