package kz.prometric.erp.workflow;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the engine's names of people and groups in a {@link TaskEvents} event are: the
 * members of the task's workspace among the users of its candidate groups (as the
 * engine's identity provider answers them) and its candidate or assigned users.
 */
@Component
public class TaskCandidates {

	private final EngineDirectory directory;

	private final IdentityManagement identity;

	private final WorkspaceManagement workspaces;

	TaskCandidates(EngineDirectory directory, IdentityManagement identity, WorkspaceManagement workspaces) {
		this.directory = directory;
		this.identity = identity;
		this.workspaces = workspaces;
	}

	/** The ids of the workspace's members among the groups' users and the users named. */
	@Transactional(readOnly = true)
	public Set<UUID> memberIds(UUID workspaceId, Collection<String> groupIds, Collection<String> engineUserIds) {
		Set<UUID> candidates = new LinkedHashSet<>();
		for (String group : groupIds) {
			candidates.addAll(this.directory.userIdsInGroup(group));
		}
		if (!engineUserIds.isEmpty()) {
			this.identity.findAllByEmail(engineUserIds).stream().map(UserAccount::id).forEach(candidates::add);
		}
		Set<UUID> members = new LinkedHashSet<>();
		this.workspaces.membershipsIn(workspaceId).stream().map(WorkspaceMembership::userId).forEach(members::add);
		candidates.retainAll(members);
		return candidates;
	}

}
