package kz.prometric.erp.shared;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a write safe to retry: a request sent with an {@code Idempotency-Key} runs once
 * per workspace and key, and a repeat (also a concurrent one) answers the first one's
 * result instead of running again. The key is recorded in the same transaction as the
 * write, so a failed request leaves no key behind and may be retried. Reusing a key for a
 * different request answers 422.
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
	 * Runs {@code action} unless this key already ran in this workspace; then answers the
	 * stored result (as JSON). Without a key the action simply runs. {@code request}
	 * identifies what was asked (e.g. the path and body), so a key cannot be replayed for
	 * another request.
	 */
	@Transactional
	public Result execute(UUID workspaceId, String key, String request, Supplier<?> action) {
		if (key == null) {
			Object result = action.get();
			return new Result(result, false, this.mapper.valueToTree(result));
		}
		if (!VALID_KEY.matcher(key).matches()) {
			throw new InvalidInputException(HEADER, "must be 1-100 characters of letters, digits and . _ : -");
		}
		String hash = sha256(request);
		// a concurrent request with the same key waits here until the first one commits
		// or rolls back
		int inserted = this.jdbc.update("insert into shared_idempotency_key (workspace_id, idem_key, request_hash, "
				+ "created_at) values (?, ?, ?, now()) on conflict do nothing", workspaceId, key, hash);
		if (inserted == 1) {
			Object result = action.get();
			this.jdbc.update(
					"update shared_idempotency_key set response_json = ? where workspace_id = ? and idem_key = ?",
					json(result), workspaceId, key);
			return new Result(result, false, this.mapper.valueToTree(result));
		}
		Map<String, Object> stored = this.jdbc.queryForMap(
				"select request_hash, response_json from shared_idempotency_key where workspace_id = ? and idem_key = ?",
				workspaceId, key);
		if (!hash.equals(stored.get("request_hash"))) {
			throw new BusinessRuleViolation(HEADER, "This key was already used for a different request");
		}
		try {
			JsonNode replayed = this.mapper.readTree((String) stored.get("response_json"));
			return new Result(replayed, true, replayed);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored idempotent response is not JSON", ex);
		}
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
	 * The answer: the action's result, or the stored JSON of the first request's result
	 * when replayed; {@code json} is the body as a JSON tree either way (e.g. to read its
	 * id).
	 */
	public record Result(Object body, boolean replayed, JsonNode json) {

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
				.header(REPLAYED_HEADER, String.valueOf(this.replayed));
			if (location != null) {
				response.location(location);
			}
			return response.body(this.body);
		}

	}

}
