package kz.prometric.erp.organization.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.InvitationView;
import kz.prometric.erp.organization.MemberView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces")
@Tag(name = "Workspaces")
class WorkspaceController {

	private final WorkspaceManagement workspaces;

	WorkspaceController(WorkspaceManagement workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping
	@Operation(summary = "Your workspaces with your role in each; sort by name, createdAt or type")
	PageResult<WorkspaceView> list(PageQuery page) {
		return this.workspaces.workspacesOf(CurrentUser.id(), page);
	}

	@GetMapping("/{workspaceId}")
	WorkspaceView get(@PathVariable UUID workspaceId) {
		return this.workspaces.workspace(workspaceId, CurrentUser.id());
	}

	@GetMapping("/{workspaceId}/members")
	@Operation(summary = "Members and their roles; sort by joinedAt or role")
	PageResult<MemberView> members(@PathVariable UUID workspaceId, PageQuery page) {
		return this.workspaces.members(workspaceId, CurrentUser.id(), page);
	}

	@PatchMapping("/{workspaceId}/members/{userId}")
	@Operation(summary = "Change a member's role (admins; only the owner manages admins)")
	MemberView changeRole(@PathVariable UUID workspaceId, @PathVariable UUID userId,
			@Valid @RequestBody ChangeRoleRequest request) {
		return this.workspaces.changeRole(workspaceId, CurrentUser.id(), userId, request.role());
	}

	@PutMapping("/{workspaceId}/members/{userId}/process-owner")
	@Operation(summary = "Grant or revoke a member's process owner right (owners and admins)")
	MemberView setProcessOwner(@PathVariable UUID workspaceId, @PathVariable UUID userId,
			@Valid @RequestBody ProcessOwnerRequest request) {
		return this.workspaces.setProcessOwner(workspaceId, CurrentUser.id(), userId, request.processOwner());
	}

	@DeleteMapping("/{workspaceId}/members/{userId}")
	@Operation(summary = "Remove a member, or leave the workspace yourself")
	ResponseEntity<Void> removeMember(@PathVariable UUID workspaceId, @PathVariable UUID userId) {
		this.workspaces.removeMember(workspaceId, CurrentUser.id(), userId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{workspaceId}/invitations")
	@Operation(summary = "Invite an e-mail address into a company workspace")
	ResponseEntity<InvitationView> invite(@PathVariable UUID workspaceId, @Valid @RequestBody InviteRequest request) {
		InvitationView invitation = this.workspaces.invite(workspaceId, CurrentUser.id(), request.email(),
				request.role());
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/invitations/" + invitation.id()))
			.body(invitation);
	}

	@GetMapping("/{workspaceId}/invitations")
	PageResult<InvitationView> invitations(@PathVariable UUID workspaceId, PageQuery page) {
		return this.workspaces.invitations(workspaceId, CurrentUser.id(), page);
	}

	@DeleteMapping("/{workspaceId}/invitations/{invitationId}")
	ResponseEntity<Void> revoke(@PathVariable UUID workspaceId, @PathVariable UUID invitationId) {
		this.workspaces.revokeInvitation(workspaceId, CurrentUser.id(), invitationId);
		return ResponseEntity.noContent().build();
	}

	record ChangeRoleRequest(@NotNull WorkspaceRole role) {
	}

	record ProcessOwnerRequest(@NotNull Boolean processOwner) {
	}

	record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull WorkspaceRole role) {
	}

}
