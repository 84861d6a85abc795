package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One login: the family of refresh tokens it rotates through and the access tokens issued
 * from them (claim {@code sid}). Revoking the session ends all of them at once: logout,
 * or a refresh token used twice.
 */
@Entity
@Table(name = "idn_session")
class Session {

	@Id
	private UUID id;

	private UUID userId;

	private Instant createdAt;

	private Instant revokedAt;

	private String revokeReason;

	protected Session() {
	}

	Session(UUID userId, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.createdAt = now;
	}

	void revoke(String reason, Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
			this.revokeReason = reason;
		}
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	UUID id() {
		return this.id;
	}

	UUID userId() {
		return this.userId;
	}

}
