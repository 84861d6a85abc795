package kz.prometric.erp.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface Memberships extends JpaRepository<Membership, UUID> {

	/**
	 * Read on every workspace request: one statement, in the caller's transaction if any.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Optional<Membership> findByWorkspaceIdAndUserId(UUID workspaceId, UUID userId);

	List<Membership> findByUserId(UUID userId);

	List<Membership> findByWorkspaceId(UUID workspaceId);

	Page<Membership> findByWorkspaceId(UUID workspaceId, Pageable pageable);

	boolean existsByWorkspaceIdAndUserId(UUID workspaceId, UUID userId);

	String MEMBERSHIP_RECORD = "select new kz.prometric.erp.organization.WorkspaceMembership("
			+ "w.id, w.name, w.type, m.userId, m.role) from Membership m, Workspace w where w.id = m.workspaceId ";

	@Query(MEMBERSHIP_RECORD + "and m.userId = :userId")
	List<WorkspaceMembership> recordsOfUser(UUID userId);

	@Query(MEMBERSHIP_RECORD + "and m.workspaceId = :workspaceId")
	List<WorkspaceMembership> recordsInWorkspace(UUID workspaceId);

	@Query(MEMBERSHIP_RECORD + "and w.type = :type and m.role in :roles")
	List<WorkspaceMembership> recordsWithRoles(WorkspaceType type, Collection<WorkspaceRole> roles);

}
