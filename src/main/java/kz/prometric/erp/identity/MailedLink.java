package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A request answered by a link mailed to a user's address (confirm the address, reset the
 * password). Its token is minted when the mail goes out ({@link #mint}); only the token's
 * hash is stored, a newer mint replaces it, it works once and expires.
 */
@MappedSuperclass
abstract class MailedLink {

	@Id
	private UUID id;

	private UUID userId;

	private String email;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	protected MailedLink() {
	}

	protected MailedLink(User user, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.userId = user.id();
		this.email = user.email();
		this.createdAt = now;
		this.expiresAt = expiresAt;
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

	UUID id() {
		return this.id;
	}

	UUID userId() {
		return this.userId;
	}

	String email() {
		return this.email;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

}
