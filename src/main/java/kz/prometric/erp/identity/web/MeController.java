package kz.prometric.erp.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.shared.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class MeController {

	private final IdentityManagement identity;

	MeController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/api/me")
	@Operation(summary = "The authenticated user")
	UserResponse me() {
		return this.identity.findById(CurrentUser.id())
			.map(u -> UserResponse.of(u, this.identity))
			.orElseThrow(() -> new NotFoundException("User", CurrentUser.id()));
	}

	/**
	 * Changes the caller's own settings: today the language of the web UI. A null
	 * {@code locale} goes back to the browser's language.
	 */
	@PatchMapping("/api/me")
	@Operation(summary = "Choose your language for the web UI: locale ru, kk or en (null: the browser's)")
	UserResponse update(@Valid @RequestBody MeUpdate update) {
		this.identity.chooseLocale(CurrentUser.id(), update.locale());
		return me();
	}

	record MeUpdate(@Pattern(regexp = "ru|kk|en", message = "must be one of ru, kk, en") String locale) {
	}

}
