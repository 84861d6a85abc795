package kz.prometric.erp.identity.ui;

import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.shared.FormErrors;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.TooManyRequestsException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A forgotten password, without logging in: ask for a reset link by e-mail (the answer is
 * the same for every address), and choose a new password from the link. Opening the link
 * changes nothing (mail scanners open links too); the form's post does.
 */
@Controller
class PasswordPages {

	private final IdentityManagement identity;

	PasswordPages(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "identity/forgot";
	}

	@PostMapping("/password/forgot")
	String requestLink(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
		String address = email.strip();
		model.addAttribute("email", address);
		if (address.isEmpty() || address.length() > 254 || !address.contains("@")) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("emailError", "identity.forgot.emailInvalid");
			return "identity/forgot";
		}
		try {
			this.identity.requestPasswordReset(address);
		}
		catch (TooManyRequestsException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
			model.addAttribute("error", "identity.forgot.tooMany");
			return "identity/forgot";
		}
		return "identity/forgot-sent";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "identity/reset";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
		model.addAttribute("token", token);
		String problem = Passwords.problem(newPassword, confirmation);
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("passwordError", problem);
			return "identity/reset";
		}
		try {
			if (token.isBlank() || token.length() > 200) {
				throw new InvalidInputException("token", "The reset link is incomplete");
			}
			model.addAttribute("email", this.identity.resetPassword(token, newPassword).email());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (FormErrors.names(ex, "newPassword")) {
				model.addAttribute("passwordError", "identity.password.tooLong");
			}
			else {
				model.addAttribute("linkInvalid", true);
			}
			return "identity/reset";
		}
		return "identity/reset-done";
	}

}
