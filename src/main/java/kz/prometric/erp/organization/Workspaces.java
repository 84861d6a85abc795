package kz.prometric.erp.organization;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Workspaces extends JpaRepository<Workspace, UUID> {

	Optional<Workspace> findByOrganizationIdAndType(UUID organizationId, WorkspaceType type);

	Optional<Workspace> findByOwnerIdAndType(UUID ownerId, WorkspaceType type);

	@Query(value = "select w from Workspace w where w.active = true and exists "
			+ "(select m from Membership m where m.workspaceId = w.id and m.userId = :userId)",
			countQuery = "select count(w) from Workspace w where w.active = true and exists "
					+ "(select m from Membership m where m.workspaceId = w.id and m.userId = :userId)")
	Page<Workspace> findVisibleTo(UUID userId, Pageable pageable);

}
