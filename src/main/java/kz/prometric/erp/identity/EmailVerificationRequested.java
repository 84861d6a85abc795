package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's e-mail address is to be confirmed; published in the transaction that made the
 * request. The notification module mints the link with
 * {@link IdentityManagement#mintVerificationToken(UUID)} when it sends the mail, so the
 * token itself is never stored (not in the event publication log either).
 */
public record EmailVerificationRequested(UUID verificationId, UUID userId, String email, String firstName,
		Reason reason, Instant expiresAt, Instant occurredAt) {

	public enum Reason {

		/** A new account was registered with this address. */
		REGISTERED,

		/** The owner asked for another link. */
		RESENT,

		/**
		 * Someone registered again with this still unconfirmed address; confirming sets
		 * the password chosen in that registration.
		 */
		REGISTERED_AGAIN

	}

}
