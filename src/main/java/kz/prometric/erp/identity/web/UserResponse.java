package kz.prometric.erp.identity.web;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;

/**
 * A user as the API shows him; {@code locale} is the language he chose for the web UI
 * ({@code ru}, {@code kk}, {@code en}), null when he follows the browser's.
 */
record UserResponse(UUID id, String email, String firstName, String lastName, String status, String registrationStatus,
		boolean emailVerified, String locale, Instant createdAt) {

	static UserResponse of(UserAccount user, IdentityManagement identity) {
		return new UserResponse(user.id(), user.email(), user.firstName(), user.lastName(), user.status(),
				user.registrationStatus(), user.emailVerified(),
				identity.preferredLocale(user.id()).map(Locale::toLanguageTag).orElse(null), user.createdAt());
	}

}
