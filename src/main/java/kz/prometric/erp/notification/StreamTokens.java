package kz.prometric.erp.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Short-lived, single-use tokens that open a notification stream
 * ({@code GET /api/notifications/stream?token=}), for a browser's {@code EventSource},
 * which cannot send a bearer token. Only their SHA-256 is stored
 * ({@code ntf_stream_token}, so any node redeems them); a token works once, within
 * {@value #TTL_SECONDS} seconds, and the stream it opens lives as long as the ERP session
 * it was minted in.
 */
@Component
class StreamTokens {

	static final int TTL_SECONDS = 60;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	StreamTokens(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new token for the user's session; expired tokens are cleared on the way. */
	Minted mint(UUID userId, UUID sessionId) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plusSeconds(TTL_SECONDS);
		this.jdbc.update("delete from ntf_stream_token where expires_at < :before",
				Map.of("before", Timestamp.from(now.minus(Duration.ofHours(1)))));
		this.jdbc.update("""
				insert into ntf_stream_token (token_hash, user_id, session_id, expires_at)
				values (:hash, :user, :session, :expires)""", Map.of("hash", hash(token), "user", userId, "session",
				sessionId, "expires", Timestamp.from(expiresAt)));
		return new Minted(token, expiresAt);
	}

	/** The user and session of a valid, unused token, which is used up by this. */
	Optional<Holder> redeem(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc
			.query("""
					update ntf_stream_token set used_at = :now
					where token_hash = :hash and used_at is null and expires_at > :now
					returning user_id, session_id""",
					Map.of("now", Timestamp.from(this.clock.instant()), "hash", hash(token)),
					(row, i) -> new Holder(row.getObject(1, UUID.class), row.getObject(2, UUID.class)))
			.stream()
			.findFirst();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Minted(String token, Instant expiresAt) {
	}

	record Holder(UUID userId, UUID sessionId) {
	}

}
