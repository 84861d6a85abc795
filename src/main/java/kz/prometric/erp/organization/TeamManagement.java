package kz.prometric.erp.organization;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.stereotype.Service;

/**
 * Teams inside a workspace, with members who are members of that workspace. A team is the
 * engine group {@code <workspaceId>:team:<code>}, so process tasks can go to the right
 * people. Members see a workspace's teams; admins and the owner change them.
 */
@Service
public class TeamManagement {

	/** The Camunda group of a team, as processes name their candidate groups. */
	public static String engineGroupId(UUID workspaceId, String code) {
		return workspaceId + ":team:" + code.toLowerCase(Locale.ROOT);
	}

	public TeamView createTeam(UUID workspaceId, UUID callerId, String code, String name) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public PageResult<TeamView> teams(UUID workspaceId, UUID callerId, PageQuery query) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public TeamView team(UUID workspaceId, UUID callerId, UUID teamId) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public TeamView renameTeam(UUID workspaceId, UUID callerId, UUID teamId, String name) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public void deleteTeam(UUID workspaceId, UUID callerId, UUID teamId) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public PageResult<MemberView> teamMembers(UUID workspaceId, UUID callerId, UUID teamId, PageQuery query) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public TeamView addTeamMember(UUID workspaceId, UUID callerId, UUID teamId, UUID userId) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	public void removeTeamMember(UUID workspaceId, UUID callerId, UUID teamId, UUID userId) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	/**
	 * The teams a user is in, across his workspaces (no access check: for the engine).
	 */
	public List<TeamMembership> teamsOf(UUID userId) {
		throw new UnsupportedOperationException("teams: in progress");
	}

	/** A workspace's team by code (no access check: for processes choosing assignees). */
	public Optional<TeamView> teamByCode(UUID workspaceId, String code) {
		throw new UnsupportedOperationException("teams: in progress");
	}

}
