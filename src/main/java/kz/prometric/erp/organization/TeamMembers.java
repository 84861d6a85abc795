package kz.prometric.erp.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TeamMembers extends JpaRepository<TeamMember, UUID> {

	Page<TeamMember> findByTeamId(UUID teamId, Pageable pageable);

	Optional<TeamMember> findByTeamIdAndUserId(UUID teamId, UUID userId);

	boolean existsByTeamIdAndUserId(UUID teamId, UUID userId);

	long countByTeamId(UUID teamId);

	@Query("select m.userId from TeamMember m where m.teamId = :teamId")
	List<UUID> userIdsOf(UUID teamId);

	/** Pairs of team id and member count, for the teams that have members. */
	@Query("select m.teamId, count(m) from TeamMember m where m.teamId in :teamIds group by m.teamId")
	List<Object[]> countsByTeam(Collection<UUID> teamIds);

	@Query("select new kz.prometric.erp.organization.TeamMembership(t.workspaceId, t.code) "
			+ "from TeamMember m, Team t where t.id = m.teamId and m.userId = :userId order by t.code")
	List<TeamMembership> membershipsOf(UUID userId);

	/**
	 * The user's membership of the workspace, locked against removal until the end of the
	 * transaction (so a member who is leaving is not added to a team meanwhile).
	 */
	@Query(value = "select m.id from org_membership m where m.workspace_id = :workspaceId and m.user_id = :userId "
			+ "for share", nativeQuery = true)
	List<UUID> lockWorkspaceMembership(UUID workspaceId, UUID userId);

	@Modifying(flushAutomatically = true)
	@Query("delete from TeamMember m where m.teamId = :teamId")
	int deleteByTeam(UUID teamId);

	@Modifying(flushAutomatically = true)
	@Query("delete from TeamMember m where m.workspaceId = :workspaceId and m.userId = :userId")
	int deleteByWorkspaceAndUser(UUID workspaceId, UUID userId);

}
