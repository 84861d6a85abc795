package kz.prometric.erp.identity.ui;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FormErrors;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.TooManyRequestsException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The user's own account: change the password (every other session ends, this one stays)
 * and choose the language of the pages.
 */
@ErpPages
class AccountPages {

	private final IdentityManagement identity;

	AccountPages(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/app/account")
	String account(Model model) {
		return page(model);
	}

	@PostMapping("/app/account/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmation,
			Model model, HttpServletResponse response) {
		String problem = Passwords.problem(newPassword, confirmation);
		if (problem != null) {
			return refused(model, response, HttpStatus.UNPROCESSABLE_ENTITY, "newPasswordError", problem);
		}
		if (currentPassword.isEmpty() || currentPassword.length() > 72) {
			return refused(model, response, HttpStatus.UNPROCESSABLE_ENTITY, "currentPasswordError",
					"identity.account.currentWrong");
		}
		try {
			this.identity.changePassword(CurrentUser.id(), this.identity.currentSessionId(), currentPassword,
					newPassword);
		}
		catch (BusinessRuleViolation | InvalidInputException ex) {
			boolean current = (ex instanceof BusinessRuleViolation) && FormErrors.names(ex, "currentPassword");
			return current
					? refused(model, response, HttpStatus.UNPROCESSABLE_ENTITY, "currentPasswordError",
							"identity.account.currentWrong")
					: refused(model, response, HttpStatus.UNPROCESSABLE_ENTITY, "newPasswordError",
							(ex instanceof InvalidInputException) ? "identity.password.tooLong"
									: "identity.account.samePassword");
		}
		catch (TooManyRequestsException ex) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
			return refused(model, response, HttpStatus.TOO_MANY_REQUESTS, "currentPasswordError",
					"identity.account.tooMany");
		}
		return "redirect:/app/account?passwordChanged";
	}

	@PostMapping("/app/account/language")
	String chooseLanguage(@RequestParam(defaultValue = "") String locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String chosen = locale.isBlank() ? null : locale;
		if (chosen != null && !IdentityManagement.LOCALES.contains(chosen)) {
			return refused(model, response, HttpStatus.UNPROCESSABLE_ENTITY, "localeError",
					"identity.account.localeUnknown");
		}
		this.identity.chooseLocale(CurrentUser.id(), chosen);
		if (chosen != null) {
			LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
			if (resolver != null) {
				resolver.setLocale(request, response, Locale.forLanguageTag(chosen));
			}
		}
		return "redirect:/app/account?languageSaved";
	}

	private String refused(Model model, HttpServletResponse response, HttpStatus status, String field, String key) {
		response.setStatus(status.value());
		model.addAttribute(field, key);
		return page(model);
	}

	private String page(Model model) {
		UUID userId = CurrentUser.id();
		model.addAttribute("account",
				this.identity.findById(userId).orElseThrow(() -> new NotFoundException("User", userId)));
		model.addAttribute("chosenLocale", this.identity.preferredLocale(userId).map(Locale::toLanguageTag).orElse(""));
		return "identity/account";
	}

}
