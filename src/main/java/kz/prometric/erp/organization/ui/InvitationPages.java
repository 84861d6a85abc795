package kz.prometric.erp.organization.ui;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.identity.ErpPrincipal;
import kz.prometric.erp.organization.InvitationLink;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of the invitation link ({@code /invitations/{token}}, in the invitation mail):
 * what it invites to, and the way in. Not logged in: registration with the invited
 * address (confirmed at once: the link proves it) or, when the address has an account,
 * login, which comes back here. Logged in with the invited address: accept, and land in
 * the workspace. Logged in with another address: told so. Opening the page changes
 * nothing; only its forms do.
 */
@Controller
class InvitationPages {

	/** Where Spring Security's login success handler looks for the page to return to. */
	private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	private final WorkspaceManagement workspaces;

	InvitationPages(WorkspaceManagement workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping("/invitations/{token}")
	String invitation(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return page(token, model, request, response);
	}

	@PostMapping("/invitations/{token}/accept")
	String accept(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		ErpPrincipal user = loggedIn();
		if (user == null) {
			return "redirect:/invitations/" + token;
		}
		try {
			WorkspaceView workspace = this.workspaces.acceptInvitationLink(token, user.userId());
			return "redirect:/app/" + workspace.id();
		}
		catch (ForbiddenException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return page(token, model, request, response);
		}
		catch (InvalidInputException ex) {
			return invalid(model, response);
		}
	}

	@PostMapping("/invitations/{token}/register")
	String register(@PathVariable String token, @RequestParam(defaultValue = "") String firstName,
			@RequestParam(defaultValue = "") String lastName, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("firstName", firstName.strip());
		model.addAttribute("lastName", lastName.strip());
		String problem = registrationProblem(firstName, lastName, password, confirmation);
		if (problem != null) {
			model.addAttribute("registerError", problem);
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(token, model, request, response);
		}
		InvitationLink link;
		WorkspaceView workspace;
		try {
			link = this.workspaces.invitationLink(token);
			workspace = this.workspaces.registerByInvitationLink(token, password, firstName.strip(), lastName.strip());
		}
		catch (ConflictException ex) {
			model.addAttribute("registerError", "organization.invitation.accountExists");
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(token, model, request, response);
		}
		catch (InvalidInputException ex) {
			return invalid(model, response);
		}
		// after the login, straight into the workspace
		request.getSession()
			.setAttribute(SAVED_REQUEST, new SimpleSavedRequest(request.getContextPath() + "/app/" + workspace.id()));
		model.addAttribute("link", link);
		model.addAttribute("registered", true);
		return "organization/invitation";
	}

	private String page(String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		InvitationLink link;
		try {
			link = this.workspaces.invitationLink(token);
		}
		catch (InvalidInputException ex) {
			return invalid(model, response);
		}
		ErpPrincipal user = loggedIn();
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		model.addAttribute("user", user);
		if (user == null) {
			// logging in from this page comes back to it
			request.getSession()
				.setAttribute(SAVED_REQUEST,
						new SimpleSavedRequest(request.getContextPath() + "/invitations/" + token));
		}
		else if (!user.email().equals(link.email())) {
			model.addAttribute("otherAddress", true);
		}
		return "organization/invitation";
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("invalid", true);
		return "organization/invitation";
	}

	private static String registrationProblem(String firstName, String lastName, String password, String confirmation) {
		if (firstName.isBlank() || lastName.isBlank() || firstName.length() > 100 || lastName.length() > 100) {
			return "organization.invitation.namesRequired";
		}
		if (password.length() < 8) {
			return "organization.invitation.passwordTooShort";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			return "organization.invitation.passwordTooLong";
		}
		if (!password.equals(confirmation)) {
			return "organization.invitation.passwordMismatch";
		}
		return null;
	}

	private static ErpPrincipal loggedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof ErpPrincipal principal) ? principal
				: null;
	}

}
