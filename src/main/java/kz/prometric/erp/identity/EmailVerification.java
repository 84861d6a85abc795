package kz.prometric.erp.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A request to confirm that a user owns an e-mail address (a {@link MailedLink}). A
 * request made by a second registration of a still unconfirmed address carries that
 * registration's password hash and names: confirming it gives the account to whoever
 * reads that mailbox (the first registrant never proved the address).
 */
@Entity
@Table(name = "idn_email_verification")
class EmailVerification extends MailedLink {

	private String passwordHash;

	private String firstName;

	private String lastName;

	protected EmailVerification() {
	}

	private EmailVerification(User user, String passwordHash, String firstName, String lastName, Instant now,
			Instant expiresAt) {
		super(user, now, expiresAt);
		this.passwordHash = passwordHash;
		this.firstName = firstName;
		this.lastName = lastName;
	}

	static EmailVerification of(User user, Instant now, Instant expiresAt) {
		return new EmailVerification(user, null, null, null, now, expiresAt);
	}

	/** A request that, once confirmed, also sets the password and names it carries. */
	static EmailVerification claim(User user, String passwordHash, String firstName, String lastName, Instant now,
			Instant expiresAt) {
		return new EmailVerification(user, passwordHash, firstName.strip(), lastName.strip(), now, expiresAt);
	}

	boolean claimsAccount() {
		return this.passwordHash != null;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	String firstName() {
		return this.firstName;
	}

	String lastName() {
		return this.lastName;
	}

}
