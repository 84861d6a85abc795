package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh token, stored only as its SHA-256 hash. Each may be used once; using it again
 * revokes its session.
 */
@Entity
@Table(name = "idn_refresh_token")
class RefreshToken {

	@Id
	private UUID id;

	private UUID sessionId;

	private String tokenHash;

	private Instant issuedAt;

	private Instant expiresAt;

	private Instant usedAt;

	protected RefreshToken() {
	}

	RefreshToken(UUID sessionId, String tokenHash, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.sessionId = sessionId;
		this.tokenHash = tokenHash;
		this.issuedAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isUsed() {
		return this.usedAt != null;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	void markUsed(Instant now) {
		this.usedAt = now;
	}

	UUID sessionId() {
		return this.sessionId;
	}

}
