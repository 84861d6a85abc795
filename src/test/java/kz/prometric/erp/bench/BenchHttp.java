package kz.prometric.erp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small JSON-over-HTTP client for the harnesses: every call is timed into a
 * {@link Latencies} under the given request type.
 */
final class BenchHttp {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final String baseUrl;

	String baseUrl() {
		return this.baseUrl;
	}

	private final Latencies latencies;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	volatile String token;

	BenchHttp(String baseUrl, Latencies latencies) {
		this.baseUrl = baseUrl;
		this.latencies = latencies;
	}

	Reply get(String type, String path) {
		return send(type, "GET", path, null, Map.of());
	}

	Reply post(String type, String path, Object body) {
		return send(type, "POST", path, body, Map.of());
	}

	Reply post(String type, String path, Object body, String idempotencyKey) {
		return send(type, "POST", path, body, Map.of("Idempotency-Key", idempotencyKey));
	}

	Reply send(String type, String method, String path, Object body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(Duration.ofSeconds(60));
			String json = (body == null) ? null : MAPPER.writeValueAsString(body);
			request.method(method,
					(json == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			request.header("Accept", "application/json, application/problem+json");
			if (this.token != null) {
				request.header("Authorization", "Bearer " + this.token);
			}
			headers.forEach(request::header);
			long start = System.nanoTime();
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (type != null && this.latencies != null) {
				this.latencies.record(type, System.nanoTime() - start);
			}
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, String text) {

		JsonNode json() {
			try {
				return (this.text == null || this.text.isBlank()) ? MissingNode.getInstance()
						: MAPPER.readTree(this.text);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + this.text, ex);
			}
		}

		Reply expect(int... statuses) {
			for (int s : statuses) {
				if (s == this.status) {
					return this;
				}
			}
			throw new IllegalStateException("Unexpected answer " + this.status + ": " + this.text);
		}

	}

}
