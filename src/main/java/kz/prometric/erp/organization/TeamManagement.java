package kz.prometric.erp.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams inside a workspace, with members who are members of that workspace. A team is the
 * engine group {@code <workspaceId>:team:<code>}, so process tasks can go to the right
 * people. Members see a workspace's teams; admins and the owner change them. Only company
 * workspaces have teams. A member who leaves the workspace leaves its teams in the same
 * transaction ({@link MemberLeft}).
 */
@Service
public class TeamManagement {

	static final SortableFields TEAM_SORT = SortableFields.of("code", "code", "name", "name", "createdAt", "createdAt");

	static final SortableFields MEMBER_SORT = SortableFields.of("joinedAt", "addedAt");

	static final String CODE_INDEX = "uq_org_team_code";

	static final String MEMBER_INDEX = "uq_org_team_member";

	private final Teams teams;

	private final TeamMembers members;

	private final Workspaces workspaces;

	private final Memberships memberships;

	private final WorkspaceManagement access;

	private final IdentityManagement identity;

	private final ObjectProvider<TeamWork> work;

	private final Clock clock;

	TeamManagement(Teams teams, TeamMembers members, Workspaces workspaces, Memberships memberships,
			WorkspaceManagement access, IdentityManagement identity, ObjectProvider<TeamWork> work, Clock clock) {
		this.teams = teams;
		this.members = members;
		this.workspaces = workspaces;
		this.memberships = memberships;
		this.access = access;
		this.identity = identity;
		this.work = work;
		this.clock = clock;
	}

	/** The Camunda group of a team, as processes name their candidate groups. */
	public static String engineGroupId(UUID workspaceId, String code) {
		return workspaceId + ":team:" + code.toLowerCase(Locale.ROOT);
	}

	/**
	 * Creates a team in a company workspace (admins and the owner). 409 when the code is
	 * taken in the workspace (also for a concurrent duplicate), 422 for a personal
	 * workspace.
	 */
	@Transactional
	public TeamView createTeam(UUID workspaceId, UUID callerId, String code, String name) {
		this.access.requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Workspace workspace = this.access.load(workspaceId);
		if (workspace.type() != WorkspaceType.COMPANY) {
			throw new BusinessRuleViolation("workspaceId", "Only company workspaces have teams");
		}
		Team team = new Team(workspaceId, code, name, this.clock.instant());
		if (this.teams.existsByWorkspaceIdAndCode(workspaceId, team.code())) {
			throw codeTaken(team.code());
		}
		try {
			this.teams.saveAndFlush(team);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraints.isUniqueViolation(ex, CODE_INDEX)) {
				throw codeTaken(team.code());
			}
			throw ex;
		}
		return team.view(0);
	}

	/** The workspace's teams, for any member; sort by code (default), name, createdAt. */
	@Transactional(readOnly = true)
	public PageResult<TeamView> teams(UUID workspaceId, UUID callerId, PageQuery query) {
		this.access.requireMember(workspaceId, callerId);
		Page<Team> page = this.teams.findByWorkspaceId(workspaceId, query.toPageable(TEAM_SORT));
		Map<UUID, Long> counts = counts(page.getContent().stream().map(Team::id).toList());
		return PageResult.of(page, t -> t.view(counts.getOrDefault(t.id(), 0L)));
	}

	@Transactional(readOnly = true)
	public TeamView team(UUID workspaceId, UUID callerId, UUID teamId) {
		this.access.requireMember(workspaceId, callerId);
		Team team = load(workspaceId, teamId);
		return team.view(this.members.countByTeamId(team.id()));
	}

	/** Renames a team (admins); its code, and so its engine group, stays. */
	@Transactional
	public TeamView renameTeam(UUID workspaceId, UUID callerId, UUID teamId, String name) {
		this.access.requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Team team = load(workspaceId, teamId);
		team.rename(name);
		return team.view(this.members.countByTeamId(team.id()));
	}

	/**
	 * Deletes a team and its memberships (admins). Refused with 409, naming the count,
	 * while open process tasks are offered to the team: they would go to nobody.
	 */
	@Transactional
	public void deleteTeam(UUID workspaceId, UUID callerId, UUID teamId) {
		this.access.requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Team team = this.teams.lockByIdAndWorkspaceId(teamId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Team", teamId));
		long open = openTasks(team);
		if (open > 0) {
			throw new ConflictException("teamId", "The team has " + open + " open task" + ((open == 1) ? "" : "s")
					+ "; finish or reassign " + ((open == 1) ? "it" : "them") + " before deleting the team");
		}
		this.members.deleteByTeam(team.id());
		this.teams.delete(team);
	}

	/**
	 * The team's members with their workspace role; {@code joinedAt} is when they joined
	 * the team (sort by joinedAt).
	 */
	@Transactional(readOnly = true)
	public PageResult<MemberView> teamMembers(UUID workspaceId, UUID callerId, UUID teamId, PageQuery query) {
		this.access.requireMember(workspaceId, callerId);
		Team team = load(workspaceId, teamId);
		Page<TeamMember> page = this.members.findByTeamId(team.id(), query.toPageable(MEMBER_SORT));
		List<UUID> userIds = page.getContent().stream().map(TeamMember::userId).toList();
		Map<UUID, UserAccount> users = this.identity.findAllById(userIds)
			.stream()
			.collect(Collectors.toMap(UserAccount::id, Function.identity()));
		Map<UUID, Membership> roles = this.memberships.findByWorkspaceId(workspaceId)
			.stream()
			.collect(Collectors.toMap(Membership::userId, Function.identity()));
		return PageResult.of(page, m -> {
			UserAccount user = users.get(m.userId());
			return new MemberView(m.userId(), (user != null) ? user.email() : null,
					(user != null) ? user.firstName() : null, (user != null) ? user.lastName() : null,
					(roles.get(m.userId()) != null) ? roles.get(m.userId()).role() : null, m.addedAt(),
					roles.get(m.userId()) != null && roles.get(m.userId()).processOwner());
		});
	}

	/**
	 * Adds a member of the workspace to the team (admins); 422 when the user is not a
	 * member of the workspace. Idempotent: adding a member twice (or concurrently) leaves
	 * one membership. From the commit on, the user is in the team's engine group.
	 */
	@Transactional
	public TeamView addTeamMember(UUID workspaceId, UUID callerId, UUID teamId, UUID userId) {
		this.access.requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Team team = this.teams.lockByIdAndWorkspaceId(teamId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Team", teamId));
		if (userId == null || this.members.lockWorkspaceMembership(workspaceId, userId).isEmpty()) {
			throw new BusinessRuleViolation("userId", "is not a member of this workspace");
		}
		if (!this.members.existsByTeamIdAndUserId(team.id(), userId)) {
			this.members.saveAndFlush(new TeamMember(team, userId, this.clock.instant()));
		}
		return team.view(this.members.countByTeamId(team.id()));
	}

	/**
	 * Removes a user from the team (admins); 404 when he is not in it. From the commit
	 * on, he is out of the team's engine group: its tasks are no longer his to see or
	 * claim (a task he has claimed stays assigned to him).
	 */
	@Transactional
	public void removeTeamMember(UUID workspaceId, UUID callerId, UUID teamId, UUID userId) {
		this.access.requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Team team = this.teams.lockByIdAndWorkspaceId(teamId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Team", teamId));
		TeamMember member = this.members.findByTeamIdAndUserId(team.id(), userId)
			.orElseThrow(() -> new NotFoundException("Team member", userId));
		this.members.delete(member);
	}

	/**
	 * The teams a user is in, across his workspaces (no access check: for the engine).
	 */
	@Transactional(readOnly = true)
	public List<TeamMembership> teamsOf(UUID userId) {
		return this.members.membershipsOf(userId);
	}

	/** A workspace's team by code (no access check: for processes choosing assignees). */
	@Transactional(readOnly = true)
	public Optional<TeamView> teamByCode(UUID workspaceId, String code) {
		if (code == null) {
			return Optional.empty();
		}
		return this.teams.findByWorkspaceIdAndCode(workspaceId, code.toLowerCase(Locale.ROOT))
			.map(t -> t.view(this.members.countByTeamId(t.id())));
	}

	/** The teams of the workspaces (no access check: for the engine's group lists). */
	@Transactional(readOnly = true)
	public List<TeamView> teamsIn(Collection<UUID> workspaceIds) {
		if (workspaceIds.isEmpty()) {
			return List.of();
		}
		List<Team> found = this.teams.findByWorkspaceIdIn(workspaceIds);
		Map<UUID, Long> counts = counts(found.stream().map(Team::id).toList());
		return found.stream().map(t -> t.view(counts.getOrDefault(t.id(), 0L))).toList();
	}

	/**
	 * The user ids of a team's members; empty for an unknown team (no access check: for
	 * the engine).
	 */
	@Transactional(readOnly = true)
	public List<UUID> memberIds(UUID workspaceId, String code) {
		return this.teams.findByWorkspaceIdAndCode(workspaceId, code)
			.map(t -> this.members.userIdsOf(t.id()))
			.orElseGet(List::of);
	}

	/** A member who leaves a workspace leaves its teams, in the same transaction. */
	@EventListener
	void on(MemberLeft left) {
		this.members.deleteByWorkspaceAndUser(left.workspaceId(), left.userId());
	}

	private Team load(UUID workspaceId, UUID teamId) {
		return this.teams.findByIdAndWorkspaceId(teamId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Team", teamId));
	}

	private long openTasks(Team team) {
		TeamWork teamWork = this.work.getIfAvailable();
		return (teamWork != null) ? teamWork.openTasks(team.workspaceId(), team.engineGroup()) : 0;
	}

	private Map<UUID, Long> counts(List<UUID> teamIds) {
		Map<UUID, Long> counts = new HashMap<>();
		if (!teamIds.isEmpty()) {
			for (Object[] row : this.members.countsByTeam(teamIds)) {
				counts.put((UUID) row[0], (Long) row[1]);
			}
		}
		return counts;
	}

	private static ConflictException codeTaken(String code) {
		return new ConflictException("code", "A team with code '" + code + "' already exists in this workspace");
	}

}
