package kz.prometric.erp.production;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrders extends JpaRepository<PurchaseOrder, UUID> {

	Optional<PurchaseOrder> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	Optional<PurchaseOrder> findByRequisitionId(UUID requisitionId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from PurchaseOrder o where o.requisitionId = :requisitionId")
	Optional<PurchaseOrder> lockByRequisitionId(UUID requisitionId);

	@Query("select o from PurchaseOrder o where o.workspaceId = :workspaceId "
			+ "and (:status is null or o.status = :status) and (:supplierId is null or o.supplierId = :supplierId) "
			+ "and (:productId is null or o.productId = :productId)")
	Page<PurchaseOrder> search(UUID workspaceId, PurchaseOrderStatus status, UUID supplierId, UUID productId,
			Pageable pageable);

}
