package kz.prometric.erp.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.AuthTokens;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.organization.InvitationLink;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitation link's API ({@code /invitations/{token}} in the mail): what it invites
 * to, registering from it, and accepting it. The first two need no login (the token was
 * mailed only to the invited address), so they live under {@code /api/auth}.
 */
@RestController
@Tag(name = "Workspaces")
class InvitationLinkController {

	private final WorkspaceManagement workspaces;

	private final IdentityManagement identity;

	InvitationLinkController(WorkspaceManagement workspaces, IdentityManagement identity) {
		this.workspaces = workspaces;
		this.identity = identity;
	}

	@PostMapping("/api/auth/invitation")
	@Operation(summary = "What an invitation link invites to: workspace, role, inviter, and whether the invited "
			+ "address has an account (log in) or not (register). 400 naming token when the link is unknown, "
			+ "answered or expired")
	InvitationLink invitation(@Valid @RequestBody TokenRequest request) {
		return this.workspaces.invitationLink(request.token());
	}

	@PostMapping("/api/auth/register-invited")
	@Operation(summary = "Register the invited address from an invitation link: the account is confirmed at once, "
			+ "joins the workspace with the invited role and is logged in (answers the tokens). 409 naming email "
			+ "when the address has an account: log in and accept instead")
	ResponseEntity<InvitedRegistration> register(@Valid @RequestBody RegisterInvitedRequest request) {
		String email = this.workspaces.invitationLink(request.token()).email();
		WorkspaceView workspace = this.workspaces.registerByInvitationLink(request.token(), request.password(),
				request.firstName(), request.lastName());
		AuthTokens tokens = this.identity.login(email, request.password());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new InvitedRegistration(workspace, tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
					"Bearer"));
	}

	@PostMapping("/api/invitations/accept")
	@Operation(summary = "Accept the invitation of a link as the logged-in invited user: you join its workspace "
			+ "with the invited role (403 when you are logged in with another address)")
	WorkspaceView accept(@Valid @RequestBody TokenRequest request) {
		return this.workspaces.acceptInvitationLink(request.token(), CurrentUser.id());
	}

	record TokenRequest(@NotBlank @Size(max = 200) String token) {
	}

	record RegisterInvitedRequest(@NotBlank @Size(max = 200) String token,
			@NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
			@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName) {
	}

	record InvitedRegistration(WorkspaceView workspace, String accessToken, String refreshToken, long expiresIn,
			String tokenType) {
	}

}
