package kz.prometric.erp.organization.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.MemberView;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/teams")
@Tag(name = "Teams")
class TeamController {

	private final TeamManagement teams;

	TeamController(TeamManagement teams) {
		this.teams = teams;
	}

	@PostMapping
	@Operation(summary = "Create a team (admins; company workspaces): its tasks go to engine group <ws>:team:<code>")
	ResponseEntity<TeamView> create(@PathVariable UUID workspaceId, @Valid @RequestBody CreateTeamRequest request) {
		TeamView created = this.teams.createTeam(workspaceId, CurrentUser.id(), request.code(), request.name());
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/teams/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "The workspace's teams; sort by code, name or createdAt")
	PageResult<TeamView> list(@PathVariable UUID workspaceId, PageQuery page) {
		return this.teams.teams(workspaceId, CurrentUser.id(), page);
	}

	@GetMapping("/{teamId}")
	TeamView get(@PathVariable UUID workspaceId, @PathVariable UUID teamId) {
		return this.teams.team(workspaceId, CurrentUser.id(), teamId);
	}

	@PatchMapping("/{teamId}")
	@Operation(summary = "Rename a team (admins); the code stays")
	TeamView rename(@PathVariable UUID workspaceId, @PathVariable UUID teamId,
			@Valid @RequestBody RenameTeamRequest request) {
		return this.teams.renameTeam(workspaceId, CurrentUser.id(), teamId, request.name());
	}

	@DeleteMapping("/{teamId}")
	@Operation(summary = "Delete a team (admins); 409 while open tasks are offered to it")
	ResponseEntity<Void> delete(@PathVariable UUID workspaceId, @PathVariable UUID teamId) {
		this.teams.deleteTeam(workspaceId, CurrentUser.id(), teamId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{teamId}/members")
	@Operation(summary = "The team's members with their workspace role; sort by joinedAt")
	PageResult<MemberView> members(@PathVariable UUID workspaceId, @PathVariable UUID teamId, PageQuery page) {
		return this.teams.teamMembers(workspaceId, CurrentUser.id(), teamId, page);
	}

	@PostMapping("/{teamId}/members")
	@Operation(summary = "Add a member of the workspace to the team (admins; idempotent)")
	TeamView addMember(@PathVariable UUID workspaceId, @PathVariable UUID teamId,
			@Valid @RequestBody AddTeamMemberRequest request) {
		return this.teams.addTeamMember(workspaceId, CurrentUser.id(), teamId, request.userId());
	}

	@DeleteMapping("/{teamId}/members/{userId}")
	@Operation(summary = "Remove a user from the team (admins)")
	ResponseEntity<Void> removeMember(@PathVariable UUID workspaceId, @PathVariable UUID teamId,
			@PathVariable UUID userId) {
		this.teams.removeTeamMember(workspaceId, CurrentUser.id(), teamId, userId);
		return ResponseEntity.noContent().build();
	}

	record CreateTeamRequest(
			@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,29}",
					message = "must be 2-30 lowercase letters, digits or dashes, starting with a letter") String code,
			@NotBlank @Size(max = 100) String name) {
	}

	record RenameTeamRequest(@NotBlank @Size(max = 100) String name) {
	}

	record AddTeamMemberRequest(@NotNull UUID userId) {
	}

}
