package kz.prometric.erp.identity.web;

import io.swagger.v3.oas.annotations.Hidden;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.shared.InvalidInputException;
import org.springframework.web.util.HtmlUtils;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page the confirmation mail links to. Opening the link changes nothing (mail
 * scanners open links too); the page's button posts the token, which confirms the
 * address. Integrators post {@code {"token"}} as JSON instead ({@link AuthController}).
 */
@RestController
@RequestMapping("/api/auth/verify-email")
@Hidden
class EmailVerificationPage {

	private final IdentityManagement identity;

	EmailVerificationPage(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	String confirm(@RequestParam(defaultValue = "") String token) {
		return page("Confirm your e-mail address", """
				<form method="post" action="verify-email">
				  <input type="hidden" name="token" value="%s">
				  <button type="submit">Confirm my e-mail address</button>
				</form>""".formatted(HtmlUtils.htmlEscape(token)));
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirmed(@RequestParam(defaultValue = "") String token) {
		try {
			if (token.isBlank() || token.length() > 200) {
				throw new InvalidInputException("token", "The confirmation link is incomplete");
			}
			String email = this.identity.verifyEmail(token).email();
			return ResponseEntity.ok(page("E-mail address confirmed",
					"<p>" + HtmlUtils.htmlEscape(email) + " is confirmed. You can close this page.</p>"));
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.contentType(MediaType.TEXT_HTML)
				.body(page("Link not valid", "<p>" + HtmlUtils.htmlEscape(ex.getMessage()) + "</p>"));
		}
	}

	private static String page(String title, String body) {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s - Prometric ERP</title></head>
				<body><h1>%s</h1>
				%s
				</body></html>
				""".formatted(title, title, body);
	}

}
