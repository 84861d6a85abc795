package kz.prometric.erp.organization.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.InvitationView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invitations")
@Tag(name = "Workspaces")
class InvitationController {

	private final WorkspaceManagement workspaces;

	InvitationController(WorkspaceManagement workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping
	@Operation(summary = "Open invitations addressed to your e-mail")
	PageResult<InvitationView> mine(PageQuery page) {
		return this.workspaces.invitationsFor(CurrentUser.id(), page);
	}

	@PostMapping("/{invitationId}/accept")
	@Operation(summary = "Accept an invitation: you join the workspace with the invited role")
	WorkspaceView accept(@PathVariable UUID invitationId) {
		return this.workspaces.acceptInvitation(invitationId, CurrentUser.id());
	}

	@PostMapping("/{invitationId}/decline")
	ResponseEntity<Void> decline(@PathVariable UUID invitationId) {
		this.workspaces.declineInvitation(invitationId, CurrentUser.id());
		return ResponseEntity.noContent().build();
	}

}
