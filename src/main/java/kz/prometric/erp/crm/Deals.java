package kz.prometric.erp.crm;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Deals extends JpaRepository<Deal, UUID>, CustomerReferences {

	Optional<Deal> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByCustomerId(UUID customerId);

	@Override
	default boolean hasDeals(UUID customerId) {
		return existsByCustomerId(customerId);
	}

	@Query("select d from Deal d where d.workspaceId = :workspaceId "
			+ "and (:stage is null or d.stage = :stage) and (:customerId is null or d.customerId = :customerId) "
			+ "and (:assignedTo is null or d.assignedTo = :assignedTo) "
			+ "and (:search is null or lower(d.title) like :search escape '\\')")
	Page<Deal> search(UUID workspaceId, DealStage stage, UUID customerId, UUID assignedTo, String search,
			Pageable pageable);

	@Query("select d.stage, count(d), coalesce(sum(d.value), 0), coalesce(sum(d.value * d.probability), 0) "
			+ "from Deal d where d.workspaceId = :workspaceId "
			+ "and (:customerId is null or d.customerId = :customerId) "
			+ "and (:assignedTo is null or d.assignedTo = :assignedTo) "
			+ "and (:search is null or lower(d.title) like :search escape '\\') group by d.stage")
	java.util.List<Object[]> totalsByStage(UUID workspaceId, UUID customerId, UUID assignedTo, String search);

}
