package kz.prometric.erp.production;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkCenters extends JpaRepository<WorkCenter, UUID> {

	Optional<WorkCenter> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	List<WorkCenter> findByWorkspaceIdAndIdIn(UUID workspaceId, Collection<UUID> ids);

	boolean existsByWorkspaceIdAndCodeIgnoreCase(UUID workspaceId, String code);

	boolean existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(UUID workspaceId, String code, UUID id);

	@Query("select w from WorkCenter w where w.workspaceId = :workspaceId "
			+ "and (:kind is null or w.kind = :kind) and (:active is null or w.active = :active)")
	Page<WorkCenter> search(UUID workspaceId, WorkCenterKind kind, Boolean active, Pageable pageable);

}
