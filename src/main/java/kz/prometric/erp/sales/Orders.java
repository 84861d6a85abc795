package kz.prometric.erp.sales;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import kz.prometric.erp.shared.WorkspaceRepository;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Orders extends WorkspaceRepository<SalesOrder> {

	Optional<SalesOrder> findByDealId(UUID dealId);

	/** The order row locked until the transaction ends (cancel against process steps). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from SalesOrder o where o.id = :id and o.workspaceId = :workspaceId")
	Optional<SalesOrder> lockByIdAndWorkspaceId(UUID id, UUID workspaceId);

	/** The order a fulfilment instance is bound to (business key and tenant), locked. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from SalesOrder o where o.orderNumber = :orderNumber and o.workspaceId = :workspaceId")
	Optional<SalesOrder> lockByOrderNumberAndWorkspaceId(String orderNumber, UUID workspaceId);

	/**
	 * How many orders the workspace has in each status (statuses with none are absent).
	 */
	@Query("select o.status, count(o) from SalesOrder o where o.workspaceId = :workspaceId group by o.status")
	List<Object[]> countByStatus(UUID workspaceId);

	/** The orders with these numbers in the workspace (the task API's subjects). */
	List<SalesOrder> findByWorkspaceIdAndOrderNumberIn(UUID workspaceId, Collection<String> orderNumbers);

}
