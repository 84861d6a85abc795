package kz.prometric.erp.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamMembership;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.organization.WorkspaceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How role and team groups are named and read back. */
class EngineIdentityTests {

	private static final UUID WS = UUID.fromString("6f1c2a5e-1f0b-4c1e-9d55-0b8a6c1f2e3d");

	private static final UUID OTHER = UUID.fromString("0d4e8b1a-2c3f-4a5b-8c7d-9e0f1a2b3c4d");

	@Test
	void readsATeamGroupBackIntoItsWorkspaceAndCode() {
		String group = TeamManagement.engineGroupId(WS, "it");

		assertThat(group).isEqualTo(WS + ":team:it");
		assertThat(EngineIdentity.parseTeamGroup(group)).contains(new EngineIdentity.TeamGroup(WS, "it"));
		assertThat(EngineIdentity.parseGroup(group)).isEmpty();
		assertThat(EngineIdentity.workspaceOf(group)).contains(WS);
		assertThat(EngineIdentity.workspaceOf(WS + ":manager")).contains(WS);
	}

	@Test
	void readsNothingFromGroupsThatAreNoTeams() {
		for (String id : List.of("camunda-admin", "process-owners", WS + ":member", WS + ":team:", WS + ":team",
				"not-a-uuid:team:it", WS + ":team:it:extra", WS + ":squad:it", ":team:it")) {
			assertThat(EngineIdentity.parseTeamGroup(id)).as(id).isEmpty();
		}
		assertThat(EngineIdentity.workspaceOf("process-owners")).isEmpty();
		assertThat(EngineIdentity.parseTeamGroup(null)).isEmpty();
	}

	@Test
	void putsAUserInTheGroupsOfHisTeamsOfHisWorkspacesOnly() {
		UserAccount user = new UserAccount(UUID.randomUUID(), "dana@example.kz", "Dana", "Testova", "ACTIVE",
				"COMPLETED", true, false, Instant.EPOCH);
		List<WorkspaceMembership> memberships = List
			.of(new WorkspaceMembership(WS, "Acme", WorkspaceType.COMPANY, user.id(), WorkspaceRole.MEMBER));

		List<String> groups = EngineIdentity.groupsOf(user, memberships,
				List.of(new TeamMembership(WS, "it"), new TeamMembership(OTHER, "hr")));

		assertThat(groups).containsExactly(WS + ":member", WS + ":team:it");
	}

}
