package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Read model of a user, as other modules and the API see it. Never carries the password
 * hash.
 */
public record UserAccount(UUID id, String email, String firstName, String lastName, String status,
		String registrationStatus, boolean emailVerified, boolean platformAdmin, Instant createdAt) {

	public String displayName() {
		return this.firstName + " " + this.lastName;
	}

}
