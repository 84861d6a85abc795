package kz.prometric.erp.production;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import kz.prometric.erp.production.PurchasingManagement.RequisitionStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Requisitions extends JpaRepository<Requisition, UUID> {

	Optional<Requisition> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	Optional<Requisition> findByNumberAndWorkspaceId(String number, UUID workspaceId);

	/** The requisition an instance is bound to (business key and tenant), locked. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Requisition r where r.number = :number and r.workspaceId = :workspaceId")
	Optional<Requisition> lockByNumberAndWorkspaceId(String number, UUID workspaceId);

	@Query("select r from Requisition r where r.workspaceId = :workspaceId and r.requirementId = :requirementId "
			+ "and r.status in (kz.prometric.erp.production.PurchasingManagement.RequisitionStatus.REQUESTED, "
			+ "kz.prometric.erp.production.PurchasingManagement.RequisitionStatus.APPROVED, "
			+ "kz.prometric.erp.production.PurchasingManagement.RequisitionStatus.ORDERED)")
	Optional<Requisition> openForRequirement(UUID workspaceId, UUID requirementId);

	@Query("select r from Requisition r where r.workspaceId = :workspaceId and r.salesOrderLineId = :lineId "
			+ "and r.status in (kz.prometric.erp.production.PurchasingManagement.RequisitionStatus.REQUESTED, "
			+ "kz.prometric.erp.production.PurchasingManagement.RequisitionStatus.APPROVED, "
			+ "kz.prometric.erp.production.PurchasingManagement.RequisitionStatus.ORDERED)")
	Optional<Requisition> openForSalesOrderLine(UUID workspaceId, UUID lineId);

	@Query("select r from Requisition r where r.workspaceId = :workspaceId "
			+ "and (:status is null or r.status = :status) and (:productId is null or r.productId = :productId) "
			+ "and (:productionOrderId is null or r.productionOrderId = :productionOrderId) "
			+ "and (:salesOrderId is null or r.salesOrderId = :salesOrderId)")
	Page<Requisition> search(UUID workspaceId, RequisitionStatus status, UUID productId, UUID productionOrderId,
			UUID salesOrderId, Pageable pageable);

	/** The requisitions with these numbers in the workspace (the task API's subjects). */
	List<Requisition> findByWorkspaceIdAndNumberIn(UUID workspaceId, Collection<String> numbers);

}
