package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.organization.WorkspaceType;
import kz.prometric.erp.workflow.EngineIdentity.TeamGroup;
import kz.prometric.erp.workflow.EngineIdentity.WorkspaceGroup;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import org.springframework.stereotype.Component;

/**
 * Answers the engine's user, group and tenant queries from the ERP's users and workspace
 * memberships (see {@link EngineIdentity} for the mapping). Each query starts from its
 * most selective criterion and filters the rest in memory.
 */
@Component
class EngineDirectory {

	static final String GROUP_TYPE_WORKSPACE = "WORKSPACE_ROLE";

	static final String GROUP_TYPE_TEAM = "WORKSPACE_TEAM";

	static final String GROUP_TYPE_SYSTEM = "SYSTEM";

	private final IdentityManagement identity;

	private final WorkspaceManagement workspaces;

	private final TeamManagement teams;

	EngineDirectory(IdentityManagement identity, WorkspaceManagement workspaces, TeamManagement teams) {
		this.identity = identity;
		this.workspaces = workspaces;
		this.teams = teams;
	}

	/** The system account that is the only direct member of {@code camunda-admin}. */
	static final UserAccount SYSTEM_ACCOUNT = new UserAccount(new UUID(0, 0), EngineIdentity.SYSTEM_ACCOUNT,
			"Process platform", "(system account, cannot log in)", "SYSTEM", "COMPLETED", false, false,
			java.time.Instant.EPOCH);

	boolean checkPassword(String userId, String password) {
		if (userId == null || password == null || isSystemAccount(userId)) {
			return false;
		}
		return this.identity.verifyCredentials(userId, password).isPresent();
	}

	Optional<EngineIdentity.Resolved> resolve(String userId) {
		return EngineIdentity.Resolved.ofEmail(userId, this.identity, this.workspaces, this.teams);
	}

	/** The same for an account already read (one query fewer). */
	Optional<EngineIdentity.Resolved> resolve(UserAccount user) {
		return Optional.of(user)
			.filter(EngineIdentity::isActive)
			.map(u -> EngineIdentity.Resolved.of(u, this.workspaces, this.teams));
	}

	// users

	List<User> users(UserQueryImpl query, Visibility visibility) {
		if (visibility.all()) {
			return users(query, () -> Stream.concat(Stream.of(SYSTEM_ACCOUNT), this.identity.allUsers().stream()));
		}
		List<UserAccount> visible = visibleAccounts(visibility);
		Set<String> emails = visible.stream().map(UserAccount::email).collect(Collectors.toSet());
		return users(query, visible::stream).stream().filter(u -> emails.contains(u.getId())).toList();
	}

	/** The caller and the members of the caller's workspaces. */
	private List<UserAccount> visibleAccounts(Visibility visibility) {
		Set<UUID> ids = visibleWorkspaceIds(visibility).stream()
			.flatMap(ws -> this.workspaces.membershipsIn(ws).stream())
			.map(WorkspaceMembership::userId)
			.collect(Collectors.toSet());
		List<UserAccount> accounts = new ArrayList<>(accounts(ids).toList());
		if (accounts.stream().noneMatch(u -> u.email().equalsIgnoreCase(visibility.userId()))) {
			this.identity.findByEmail(visibility.userId()).ifPresent(accounts::add);
		}
		return accounts;
	}

	private static List<UUID> visibleWorkspaceIds(Visibility visibility) {
		return visibility.tenantIds().stream().map(EngineDirectory::parseUuid).flatMap(Optional::stream).toList();
	}

	private List<User> users(UserQueryImpl query, Supplier<Stream<UserAccount>> everyone) {
		if (query.getId() != null) {
			Stream<UserAccount> found = isSystemAccount(query.getId()) ? Stream.of(SYSTEM_ACCOUNT)
					: this.identity.findByEmail(query.getId()).stream();
			return filterUsers(found, query, true, true);
		}
		if (query.getIds() != null) {
			Stream<UserAccount> system = Arrays.stream(query.getIds()).anyMatch(EngineDirectory::isSystemAccount)
					? Stream.of(SYSTEM_ACCOUNT) : Stream.empty();
			return filterUsers(
					Stream.concat(system, this.identity.findAllByEmail(Arrays.asList(query.getIds())).stream()), query,
					true, true);
		}
		if (query.getGroupId() != null) {
			return filterUsers(usersInGroup(query.getGroupId()), query, false, true);
		}
		if (query.getTenantId() != null) {
			return filterUsers(usersInWorkspace(query.getTenantId()), query, true, false);
		}
		return filterUsers(everyone.get(), query, true, true);
	}

	private List<User> filterUsers(Stream<UserAccount> candidates, UserQueryImpl query, boolean checkGroup,
			boolean checkTenant) {
		return candidates.filter(u -> query.getId() == null || u.email().equalsIgnoreCase(query.getId()))
			.filter(u -> query.getIds() == null
					|| Arrays.stream(query.getIds()).anyMatch(id -> id.equalsIgnoreCase(u.email())))
			.filter(matches(query.getFirstName(), query.getFirstNameLike(), UserAccount::firstName))
			.filter(matches(query.getLastName(), query.getLastNameLike(), UserAccount::lastName))
			.filter(matches(query.getEmail(), query.getEmailLike(), UserAccount::email))
			.filter(u -> !checkGroup || query.getGroupId() == null || groupIdsOf(u).contains(query.getGroupId()))
			.filter(u -> !checkTenant || query.getTenantId() == null || tenantIdsOf(u).contains(query.getTenantId()))
			.map(EngineDirectory::toUser)
			.sorted((a, b) -> a.getId().compareTo(b.getId()))
			.toList();
	}

	/**
	 * The ERP users in an engine group (a workspace role, a team, a system group), for
	 * telling them of a task offered to it; the system account is none of them.
	 */
	Set<UUID> userIdsInGroup(String groupId) {
		return usersInGroup(groupId).filter(u -> u != SYSTEM_ACCOUNT).map(UserAccount::id).collect(Collectors.toSet());
	}

	private Stream<UserAccount> usersInGroup(String groupId) {
		if (EngineIdentity.ADMIN_GROUP.equals(groupId)) {
			return Stream.of(SYSTEM_ACCOUNT);
		}
		if (EngineIdentity.PLATFORM_ADMINS_GROUP.equals(groupId)) {
			return this.identity.platformAdmins().stream();
		}
		if (EngineIdentity.PROCESS_OWNERS_GROUP.equals(groupId)) {
			return accounts(this.workspaces
				.membershipsWithRoles(WorkspaceType.COMPANY, Set.of(WorkspaceRole.OWNER, WorkspaceRole.ADMIN))
				.stream()
				.map(WorkspaceMembership::userId)
				.collect(Collectors.toSet()));
		}
		Optional<TeamGroup> team = EngineIdentity.parseTeamGroup(groupId);
		if (team.isPresent()) {
			// the team's members who are members of its workspace (a leaver leaves the
			// workspace's teams in the same transaction; this keeps the rule here too)
			Set<UUID> inWorkspace = this.workspaces.membershipsIn(team.get().workspaceId())
				.stream()
				.map(WorkspaceMembership::userId)
				.collect(Collectors.toSet());
			return accounts(this.teams.memberIds(team.get().workspaceId(), team.get().code())
				.stream()
				.filter(inWorkspace::contains)
				.collect(Collectors.toSet()));
		}
		return EngineIdentity.parseGroup(groupId)
			.map(group -> accounts(this.workspaces.membershipsIn(group.workspaceId())
				.stream()
				.filter(m -> m.role().includes(group.role()))
				.map(WorkspaceMembership::userId)
				.collect(Collectors.toSet())))
			.orElseGet(Stream::empty);
	}

	private Stream<UserAccount> usersInWorkspace(String tenantId) {
		return parseUuid(tenantId)
			.map(id -> accounts(this.workspaces.membershipsIn(id)
				.stream()
				.map(WorkspaceMembership::userId)
				.collect(Collectors.toSet())))
			.orElseGet(Stream::empty);
	}

	private Stream<UserAccount> accounts(Collection<UUID> ids) {
		return ids.isEmpty() ? Stream.empty() : this.identity.findAllById(ids).stream();
	}

	private List<String> groupIdsOf(UserAccount user) {
		if (user == SYSTEM_ACCOUNT) {
			return List.of(EngineIdentity.ADMIN_GROUP);
		}
		return EngineIdentity.groupsOf(user, this.workspaces.membershipsOf(user.id()), this.teams.teamsOf(user.id()));
	}

	private List<String> tenantIdsOf(UserAccount user) {
		return EngineIdentity.tenantsOf(this.workspaces.membershipsOf(user.id()));
	}

	// groups

	List<Group> groups(GroupQueryImpl query, Visibility visibility) {
		return groups(query, visibility.all() ? this::allGroups : () -> visibleGroups(visibility)).stream()
			.filter(g -> visibility.all() || visibility.groupIds().contains(g.getId())
					|| EngineIdentity.workspaceOf(g.getId())
						.map(ws -> visibility.tenantIds().contains(ws.toString()))
						.orElse(false))
			.toList();
	}

	private List<Group> groups(GroupQueryImpl query, Supplier<Map<String, Group>> everyGroup) {
		Map<String, Group> candidates;
		if (query.getUserId() != null) {
			candidates = groupsOfUser(query.getUserId());
		}
		else if (query.getTenantId() != null) {
			candidates = parseUuid(query.getTenantId())
				.map(id -> workspaceGroups(this.workspaces.workspaceNames(List.of(id))))
				.orElseGet(Map::of);
		}
		else if (query.getId() != null) {
			candidates = findGroup(query.getId()).map(g -> Map.of(g.getId(), g)).orElseGet(Map::of);
		}
		else {
			candidates = everyGroup.get();
		}
		return candidates.values()
			.stream()
			.filter(g -> query.getId() == null || query.getId().equals(g.getId()))
			.filter(g -> query.getIds() == null || Arrays.asList(query.getIds()).contains(g.getId()))
			.filter(matches(query.getName(), query.getNameLike(), Group::getName))
			.filter(g -> query.getType() == null || query.getType().equals(g.getType()))
			.filter(g -> query.getTenantId() == null || EngineIdentity.workspaceOf(g.getId())
				.map(ws -> ws.toString().equals(query.getTenantId()))
				.orElse(false))
			.sorted((a, b) -> a.getId().compareTo(b.getId()))
			.toList();
	}

	Optional<Group> findGroup(String groupId) {
		if (EngineIdentity.ADMIN_GROUP.equals(groupId) || EngineIdentity.PROCESS_OWNERS_GROUP.equals(groupId)
				|| EngineIdentity.PLATFORM_ADMINS_GROUP.equals(groupId)) {
			return Optional.of(systemGroup(groupId));
		}
		Optional<TeamGroup> team = EngineIdentity.parseTeamGroup(groupId);
		if (team.isPresent()) {
			UUID workspaceId = team.get().workspaceId();
			return this.teams.teamByCode(workspaceId, team.get().code())
				.filter(t -> t.engineGroup().equals(groupId))
				.flatMap(t -> Optional.ofNullable(this.workspaces.workspaceNames(List.of(workspaceId)).get(workspaceId))
					.map(name -> teamGroup(t, name)));
		}
		return EngineIdentity.parseGroup(groupId).flatMap(group -> {
			String name = this.workspaces.workspaceNames(List.of(group.workspaceId())).get(group.workspaceId());
			return Optional.ofNullable(name).map(n -> workspaceGroup(group, n));
		});
	}

	private Map<String, Group> groupsOfUser(String userId) {
		if (isSystemAccount(userId)) {
			return Map.of(EngineIdentity.ADMIN_GROUP, systemGroup(EngineIdentity.ADMIN_GROUP));
		}
		Optional<UserAccount> user = this.identity.findByEmail(userId);
		if (user.isEmpty()) {
			return Map.of();
		}
		List<WorkspaceMembership> memberships = this.workspaces.membershipsOf(user.get().id());
		Map<UUID, String> names = memberships.stream()
			.collect(Collectors.toMap(WorkspaceMembership::workspaceId, WorkspaceMembership::workspaceName,
					(a, b) -> a));
		Map<String, TeamView> teamsByGroup = this.teams.teamsIn(names.keySet())
			.stream()
			.collect(Collectors.toMap(TeamView::engineGroup, t -> t, (a, b) -> a));
		Map<String, Group> groups = new LinkedHashMap<>();
		for (String id : EngineIdentity.groupsOf(user.get(), memberships, this.teams.teamsOf(user.get().id()))) {
			Optional<WorkspaceGroup> role = EngineIdentity.parseGroup(id);
			if (role.isPresent()) {
				groups.put(id, workspaceGroup(role.get(), names.get(role.get().workspaceId())));
			}
			else if (teamsByGroup.containsKey(id)) {
				TeamView team = teamsByGroup.get(id);
				groups.put(id, teamGroup(team, names.get(team.workspaceId())));
			}
			else {
				groups.put(id, systemGroup(id));
			}
		}
		return groups;
	}

	private Map<String, Group> visibleGroups(Visibility visibility) {
		Map<String, Group> groups = new LinkedHashMap<>();
		visibility.groupIds()
			.stream()
			.filter(id -> EngineIdentity.parseGroup(id).isEmpty())
			.forEach(id -> groups.put(id, systemGroup(id)));
		groups.putAll(workspaceGroups(this.workspaces.workspaceNames(visibleWorkspaceIds(visibility))));
		return groups;
	}

	private Map<String, Group> allGroups() {
		Map<String, Group> groups = new LinkedHashMap<>();
		groups.put(EngineIdentity.ADMIN_GROUP, systemGroup(EngineIdentity.ADMIN_GROUP));
		groups.put(EngineIdentity.PLATFORM_ADMINS_GROUP, systemGroup(EngineIdentity.PLATFORM_ADMINS_GROUP));
		groups.put(EngineIdentity.PROCESS_OWNERS_GROUP, systemGroup(EngineIdentity.PROCESS_OWNERS_GROUP));
		groups.putAll(workspaceGroups(this.workspaces.allWorkspaceNames()));
		return groups;
	}

	/** The role groups and team groups of the workspaces. */
	private Map<String, Group> workspaceGroups(Map<UUID, String> workspaceNames) {
		Map<String, Group> groups = new LinkedHashMap<>();
		workspaceNames.forEach((id, name) -> {
			for (WorkspaceRole role : WorkspaceRole.values()) {
				WorkspaceGroup group = new WorkspaceGroup(id, role);
				groups.put(EngineIdentity.group(id, role), workspaceGroup(group, name));
			}
		});
		if (!workspaceNames.isEmpty()) {
			for (TeamView team : this.teams.teamsIn(workspaceNames.keySet())) {
				groups.put(team.engineGroup(), teamGroup(team, workspaceNames.get(team.workspaceId())));
			}
		}
		return groups;
	}

	private static Group teamGroup(TeamView team, String workspaceName) {
		GroupEntity entity = new GroupEntity(team.engineGroup());
		entity.setName(
				Objects.requireNonNullElse(workspaceName, team.workspaceId().toString()) + " - Team " + team.name());
		entity.setType(GROUP_TYPE_TEAM);
		return entity;
	}

	private static Group workspaceGroup(WorkspaceGroup group, String workspaceName) {
		GroupEntity entity = new GroupEntity(EngineIdentity.group(group.workspaceId(), group.role()));
		String role = group.role().name().charAt(0) + group.role().name().substring(1).toLowerCase(Locale.ROOT);
		entity.setName(Objects.requireNonNullElse(workspaceName, group.workspaceId().toString()) + " - " + role);
		entity.setType(GROUP_TYPE_WORKSPACE);
		return entity;
	}

	private static Group systemGroup(String id) {
		GroupEntity entity = new GroupEntity(id);
		entity.setName(switch (id) {
			case EngineIdentity.ADMIN_GROUP -> "Engine administrators (system account only)";
			case EngineIdentity.PLATFORM_ADMINS_GROUP -> "Platform administrators";
			default -> "Process owners";
		});
		entity.setType(GROUP_TYPE_SYSTEM);
		return entity;
	}

	// tenants

	List<Tenant> tenants(TenantQueryImpl query, Visibility visibility) {
		return tenants(query,
				visibility.all() ? this.workspaces::allWorkspaceNames
						: () -> this.workspaces.workspaceNames(visibleWorkspaceIds(visibility)))
			.stream()
			.filter(t -> visibility.all() || visibility.tenantIds().contains(t.getId()))
			.toList();
	}

	private List<Tenant> tenants(TenantQueryImpl query, Supplier<Map<UUID, String>> everyTenant) {
		Map<UUID, String> candidates;
		if (query.getUserId() != null) {
			candidates = this.identity.findByEmail(query.getUserId())
				.map(u -> this.workspaces.membershipsOf(u.id())
					.stream()
					.collect(Collectors.toMap(WorkspaceMembership::workspaceId, WorkspaceMembership::workspaceName,
							(a, b) -> a)))
				.orElseGet(Map::of);
		}
		else if (query.getGroupId() != null) {
			candidates = EngineIdentity.workspaceOf(query.getGroupId())
				.map(ws -> this.workspaces.workspaceNames(List.of(ws)))
				.orElseGet(Map::of);
		}
		else if (query.getId() != null || query.getIds() != null) {
			List<UUID> ids = new ArrayList<>();
			Stream
				.concat(Stream.ofNullable(query.getId()),
						(query.getIds() != null) ? Arrays.stream(query.getIds()) : Stream.empty())
				.map(EngineDirectory::parseUuid)
				.flatMap(Optional::stream)
				.forEach(ids::add);
			candidates = this.workspaces.workspaceNames(ids);
		}
		else {
			candidates = everyTenant.get();
		}
		return candidates.entrySet()
			.stream()
			.map(e -> toTenant(e.getKey(), e.getValue()))
			.filter(t -> query.getId() == null || query.getId().equals(t.getId()))
			.filter(t -> query.getIds() == null || Arrays.asList(query.getIds()).contains(t.getId()))
			.filter(matches(query.getName(), query.getNameLike(), Tenant::getName))
			.sorted((a, b) -> a.getId().compareTo(b.getId()))
			.toList();
	}

	Optional<Tenant> findTenant(String tenantId) {
		return parseUuid(tenantId)
			.flatMap(id -> Optional.ofNullable(this.workspaces.workspaceNames(List.of(id)).get(id))
				.map(name -> toTenant(id, name)));
	}

	/**
	 * The part of the directory an engine user may list; {@link #ALL} for administrators
	 * and internal calls.
	 */
	record Visibility(boolean all, String userId, Set<String> groupIds, Set<String> tenantIds) {

		static final Visibility ALL = new Visibility(true, null, Set.of(), Set.of());

		static Visibility of(String userId, List<String> groupIds, List<String> tenantIds) {
			return new Visibility(false, userId, Set.copyOf(groupIds == null ? List.of() : groupIds),
					Set.copyOf(tenantIds == null ? List.of() : tenantIds));
		}

	}

	// helpers

	private static Tenant toTenant(UUID id, String name) {
		TenantEntity tenant = new TenantEntity(id.toString());
		tenant.setName(name);
		return tenant;
	}

	private static User toUser(UserAccount account) {
		UserEntity user = new UserEntity(account.email());
		user.setFirstName(account.firstName());
		user.setLastName(account.lastName());
		user.setEmail(account.email());
		return user;
	}

	private static <T> Predicate<T> matches(String exact, String like, java.util.function.Function<T, String> field) {
		Pattern pattern = (like != null) ? likePattern(like) : null;
		return item -> {
			String value = field.apply(item);
			if (exact != null && !exact.equalsIgnoreCase(value)) {
				return false;
			}
			return pattern == null || (value != null && pattern.matcher(value).matches());
		};
	}

	/**
	 * SQL LIKE ({@code %} any run, {@code _} one character) as a case-insensitive regular
	 * expression.
	 */
	static Pattern likePattern(String like) {
		StringBuilder regex = new StringBuilder();
		for (char c : like.toCharArray()) {
			switch (c) {
				case '%' -> regex.append(".*");
				case '_' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	static boolean isSystemAccount(String userId) {
		return EngineIdentity.SYSTEM_ACCOUNT.equalsIgnoreCase(userId);
	}

	private static Optional<UUID> parseUuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

}
