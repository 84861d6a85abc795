package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamMembership;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.organization.WorkspaceType;

import org.springframework.stereotype.Component;

/**
 * How an ERP user appears to the process engine.
 * <ul>
 * <li>user id: the e-mail address (what people type into the Tasklist login);</li>
 * <li>tenants: the ids of the user's workspaces;</li>
 * <li>groups: one per workspace and role, {@code <workspaceId>:<role>}, cumulative (an
 * owner is also in the admin, manager and member groups of that workspace), so a BPMN
 * task for {@code ${workspaceId}:manager} reaches exactly the managers, admins and owner
 * of that workspace; one per team the user is in, {@code <workspaceId>:team:<code>} (see
 * {@link TeamManagement#engineGroupId}), so a task for a team reaches its members only;
 * {@code process-owners} for owners and admins of company workspaces (Cockpit);
 * {@code platform-admins} for platform administrators, who open Camunda Admin by an
 * explicit authorization and, like everyone, see only their own workspaces' tasks and
 * instances.</li>
 * <li>{@code camunda-admin}, whose members bypass every tenant check, has one direct
 * member: the system account {@value #SYSTEM_ACCOUNT}, which is no ERP user and cannot
 * log in anywhere. It exists so that the Admin webapp's first-run setup never opens (it
 * opens while {@code camunda-admin} has no direct member).</li>
 * </ul>
 */
public final class EngineIdentity {

	public static final String ADMIN_GROUP = "camunda-admin";

	/** Platform administrators: Camunda Admin by authorization, no tenant bypass. */
	public static final String PLATFORM_ADMINS_GROUP = "platform-admins";

	/**
	 * The only member of {@code camunda-admin}; not an e-mail address, so no ERP account
	 * can ever have it, and no password is ever accepted for it.
	 */
	public static final String SYSTEM_ACCOUNT = "prometric-system";

	public static final String PROCESS_OWNERS_GROUP = "process-owners";

	private static final String TEAM = "team";

	private EngineIdentity() {
	}

	/** The candidate group of a role in a workspace, as BPMN files should name it. */
	public static String group(UUID workspaceId, WorkspaceRole role) {
		return workspaceId + ":" + role.name().toLowerCase(Locale.ROOT);
	}

	static Optional<WorkspaceGroup> parseGroup(String groupId) {
		int colon = (groupId != null) ? groupId.indexOf(':') : -1;
		if (colon < 0) {
			return Optional.empty();
		}
		try {
			UUID workspaceId = UUID.fromString(groupId.substring(0, colon));
			WorkspaceRole role = WorkspaceRole.valueOf(groupId.substring(colon + 1).toUpperCase(Locale.ROOT));
			return Optional.of(new WorkspaceGroup(workspaceId, role));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A team's group ({@code <workspaceId>:team:<code>}), or empty. */
	static Optional<TeamGroup> parseTeamGroup(String groupId) {
		String[] parts = (groupId != null) ? groupId.split(":", -1) : new String[0];
		if (parts.length != 3 || !TEAM.equals(parts[1]) || parts[2].isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new TeamGroup(UUID.fromString(parts[0]), parts[2]));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The workspace of a role or team group, or empty for the system groups. */
	static Optional<UUID> workspaceOf(String groupId) {
		return parseGroup(groupId).map(WorkspaceGroup::workspaceId)
			.or(() -> parseTeamGroup(groupId).map(TeamGroup::workspaceId));
	}

	static boolean isProcessOwner(WorkspaceMembership membership) {
		return membership.workspaceType() == WorkspaceType.COMPANY && membership.role().includes(WorkspaceRole.ADMIN);
	}

	/**
	 * Group ids of a user, from their memberships, the teams they are in (of those
	 * workspaces) and platform role.
	 */
	static List<String> groupsOf(UserAccount user, List<WorkspaceMembership> memberships, List<TeamMembership> teams) {
		Set<String> groups = new LinkedHashSet<>();
		if (user.platformAdmin()) {
			groups.add(PLATFORM_ADMINS_GROUP);
		}
		for (WorkspaceMembership membership : memberships) {
			if (isProcessOwner(membership)) {
				groups.add(PROCESS_OWNERS_GROUP);
			}
			for (WorkspaceRole role : WorkspaceRole.values()) {
				if (membership.role().includes(role)) {
					groups.add(group(membership.workspaceId(), role));
				}
			}
		}
		Set<UUID> workspaceIds = new LinkedHashSet<>();
		memberships.forEach(m -> workspaceIds.add(m.workspaceId()));
		for (TeamMembership team : teams) {
			if (workspaceIds.contains(team.workspaceId())) {
				groups.add(TeamManagement.engineGroupId(team.workspaceId(), team.code()));
			}
		}
		return new ArrayList<>(groups);
	}

	static boolean isActive(UserAccount user) {
		return "ACTIVE".equals(user.status());
	}

	static List<String> tenantsOf(List<WorkspaceMembership> memberships) {
		return memberships.stream().map(m -> m.workspaceId().toString()).distinct().toList();
	}

	/** The engine identity of one ERP user, computed in one pass. */
	record Resolved(String userId, List<String> groupIds, List<String> tenantIds) {

		static Resolved of(UserAccount user, WorkspaceManagement workspaces, TeamManagement teams) {
			List<WorkspaceMembership> memberships = workspaces.membershipsOf(user.id());
			return new Resolved(user.email(), groupsOf(user, memberships, teams.teamsOf(user.id())),
					tenantsOf(memberships));
		}

		static Optional<Resolved> ofEmail(String email, IdentityManagement identity, WorkspaceManagement workspaces,
				TeamManagement teams) {
			// a blocked account is nobody to the engine
			return identity.findByEmail(email)
				.filter(EngineIdentity::isActive)
				.map(user -> of(user, workspaces, teams));
		}

	}

	record WorkspaceGroup(UUID workspaceId, WorkspaceRole role) {
	}

	record TeamGroup(UUID workspaceId, String code) {
	}

}
