package kz.prometric.erp.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A request to reset a forgotten password (a {@link MailedLink}): whoever opens the link
 * in the mail sets a new password, which proves the address too.
 */
@Entity
@Table(name = "idn_password_reset")
class PasswordReset extends MailedLink {

	protected PasswordReset() {
	}

	PasswordReset(User user, Instant now, Instant expiresAt) {
		super(user, now, expiresAt);
	}

}
