package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A request to confirm that a user owns an e-mail address. Its token is minted when the
 * mail goes out ({@link #mint}); only the token's hash is stored, it works once and
 * expires. A request made by a second registration of a still unconfirmed address carries
 * that registration's password hash and names: confirming it gives the account to whoever
 * reads that mailbox (the first registrant never proved the address).
 */
@Entity
@Table(name = "idn_email_verification")
class EmailVerification {

	@Id
	private UUID id;

	private UUID userId;

	private String email;

	private String tokenHash;

	private String passwordHash;

	private String firstName;

	private String lastName;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	protected EmailVerification() {
	}

	private EmailVerification(UUID userId, String email, String passwordHash, String firstName, String lastName,
			Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.email = email;
		this.passwordHash = passwordHash;
		this.firstName = firstName;
		this.lastName = lastName;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	static EmailVerification of(User user, Instant now, Instant expiresAt) {
		return new EmailVerification(user.id(), user.email(), null, null, null, now, expiresAt);
	}

	/** A request that, once confirmed, also sets the password and names it carries. */
	static EmailVerification claim(User user, String passwordHash, String firstName, String lastName, Instant now,
			Instant expiresAt) {
		return new EmailVerification(user.id(), user.email(), passwordHash, firstName.strip(), lastName.strip(), now,
				expiresAt);
	}

	boolean isOpen(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	/** Stores the hash of a newly minted token; an earlier token of this request dies. */
	void mint(String tokenHash) {
		this.tokenHash = tokenHash;
	}

	void use(Instant now) {
		this.usedAt = now;
	}

	boolean claimsAccount() {
		return this.passwordHash != null;
	}

	UUID id() {
		return this.id;
	}

	UUID userId() {
		return this.userId;
	}

	String email() {
		return this.email;
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

	Instant expiresAt() {
		return this.expiresAt;
	}

}
