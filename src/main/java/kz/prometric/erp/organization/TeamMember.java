package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's place in a team; the user is a member of the team's workspace. */
@Entity
@Table(name = "org_team_member")
class TeamMember {

	@Id
	private UUID id;

	private UUID teamId;

	private UUID workspaceId;

	private UUID userId;

	private Instant addedAt;

	protected TeamMember() {
	}

	TeamMember(Team team, UUID userId, Instant now) {
		this.id = UUID.randomUUID();
		this.teamId = team.id();
		this.workspaceId = team.workspaceId();
		this.userId = userId;
		this.addedAt = now;
	}

	UUID userId() {
		return this.userId;
	}

	Instant addedAt() {
		return this.addedAt;
	}

}
