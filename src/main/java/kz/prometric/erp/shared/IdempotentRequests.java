package kz.prometric.erp.shared;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a write safe to retry: a request sent with an {@code Idempotency-Key} runs once
 * per workspace, caller and key, and a repeat (also a concurrent one) answers the first
 * one's result instead of running again.
 * <ul>
 * <li>The caller's access is checked first, on every request, before the key is looked
 * at: a replay needs the same membership and role as the write itself (a member removed
 * since, or one below the needed role, is refused like a first request).</li>
 * <li>Keys are scoped to the workspace and the caller: another caller's key (in this or
 * another workspace) is simply not found, so the request runs as a new one; nobody can
 * read another caller's stored answer or tell whether a key exists.</li>
 * <li>The answer is stored as the exact bytes of the first response body, so every replay
 * is byte-identical to the first answer.</li>
 * <li>The key is recorded in the same transaction as the write, so a failed request
 * leaves no key behind and may be retried. Reusing a key for a different request by the
 * same caller answers 422 (field {@code Idempotency-Key}).</li>
 * </ul>
 */
@Service
public class IdempotentRequests {

	public static final String HEADER = "Idempotency-Key";

	/**
	 * Response header telling whether the answer is the stored result of an earlier
	 * request with the same key.
	 */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final JdbcTemplate jdbc;

	private final ObjectMapper mapper;

	IdempotentRequests(JdbcTemplate jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/**
	 * Checks access with {@code authorize} (which throws when the caller may not make
	 * this request: not a member, role too low), then runs {@code action} unless this
	 * caller already sent this key in this workspace; then answers the stored result.
	 * Without a key the action simply runs. {@code request} identifies what was asked
	 * (e.g. the path and body), so a key cannot be replayed for another request.
	 */
	@Transactional
	public Result execute(UUID workspaceId, UUID callerId, String key, String request, Runnable authorize,
			Supplier<?> action) {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(callerId, "callerId");
		if (key != null && !VALID_KEY.matcher(key).matches()) {
			throw new InvalidInputException(HEADER, "must be 1-100 characters of letters, digits and . _ : -");
		}
		// access first: nothing about a key is looked at (or revealed) for a caller who
		// may not make this request
		authorize.run();
		if (key == null) {
			return Result.of(json(action.get()), false, this.mapper);
		}
		String hash = sha256(request);
		// a concurrent request with the same key waits here until the first one commits
		// or rolls back
		int inserted = this.jdbc
			.update("insert into shared_idempotency_key (workspace_id, caller_id, idem_key, request_hash, created_at) "
					+ "values (?, ?, ?, ?, now()) on conflict do nothing", workspaceId, callerId, key, hash);
		if (inserted == 1) {
			String body = json(action.get());
			this.jdbc.update(
					"update shared_idempotency_key set response_json = ? "
							+ "where workspace_id = ? and caller_id = ? and idem_key = ?",
					body, workspaceId, callerId, key);
			return Result.of(body, false, this.mapper);
		}
		Map<String, Object> stored = this.jdbc
			.queryForMap("select request_hash, response_json from shared_idempotency_key "
					+ "where workspace_id = ? and caller_id = ? and idem_key = ?", workspaceId, callerId, key);
		if (!hash.equals(stored.get("request_hash"))) {
			throw new BusinessRuleViolation(HEADER, "This key was already used for a different request");
		}
		return Result.of((String) stored.get("response_json"), true, this.mapper);
	}

	private String json(Object result) {
		try {
			return this.mapper.writeValueAsString(result);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot store the response of an idempotent request", ex);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The answer: the JSON body, byte for byte the same for the first request and every
	 * replay, and whether it was replayed; {@code json} is the body as a JSON tree (e.g.
	 * to read its id).
	 */
	public record Result(byte[] body, boolean replayed, JsonNode json) {

		static Result of(String body, boolean replayed, ObjectMapper mapper) {
			try {
				return new Result(body.getBytes(StandardCharsets.UTF_8), replayed, mapper.readTree(body));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Stored idempotent response is not JSON", ex);
			}
		}

		/**
		 * The HTTP answer: {@code status}, the body and the {@code Idempotent-Replayed}
		 * header.
		 */
		public ResponseEntity<Object> answer(HttpStatus status) {
			return answer(status, null);
		}

		/**
		 * Like {@link #answer(HttpStatus)}, with a {@code Location} of the created
		 * resource.
		 */
		public ResponseEntity<Object> answer(HttpStatus status, URI location) {
			ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
				.header(REPLAYED_HEADER, String.valueOf(this.replayed))
				.contentType(MediaType.APPLICATION_JSON);
			if (location != null) {
				response.location(location);
			}
			return response.body(this.body);
		}

	}

}
