package kz.prometric.erp.sales;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Orders extends JpaRepository<SalesOrder, UUID> {

	Optional<SalesOrder> findByDealId(UUID dealId);

	Optional<SalesOrder> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	@Query("select o from SalesOrder o where o.workspaceId = :workspaceId "
			+ "and (:status is null or o.status = :status) and (:customerId is null or o.customerId = :customerId) "
			+ "and (:search is null or lower(o.orderNumber) like :search escape '\\')")
	Page<SalesOrder> search(UUID workspaceId, OrderStatus status, UUID customerId, String search, Pageable pageable);

}
