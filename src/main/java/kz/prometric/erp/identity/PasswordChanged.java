package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's password was changed; the notification module tells the owner of the address
 * after commit, so a change he did not make does not go unnoticed.
 */
public record PasswordChanged(UUID userId, String email, String firstName, How how, Instant occurredAt) {

	public enum How {

		/** The user changed it, giving the current password. */
		CHANGED,

		/** Someone used a reset link mailed to the address. */
		RESET

	}

}
