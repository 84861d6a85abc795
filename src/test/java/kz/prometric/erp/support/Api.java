package kz.prometric.erp.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client against the running test application: what an integrator's client
 * sees, problem+json included. Bodies are Java objects (serialised as JSON) or raw
 * strings (sent as they are).
 */
public class Api {

	private final String baseUrl;

	private final ObjectMapper mapper;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	Api(String baseUrl, ObjectMapper mapper) {
		this.baseUrl = baseUrl;
		this.mapper = mapper;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	public Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	/**
	 * Any method, any headers (replacing the defaults); {@code token} may be null
	 * (unauthenticated).
	 */
	public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(Duration.ofSeconds(60));
			String json = (body == null) ? null
					: (body instanceof String raw) ? raw : this.mapper.writeValueAsString(body);
			request.method(method,
					(json == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			request.header("Accept", "application/json, application/problem+json");
			if (token != null) {
				request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
			}
			// given headers replace the defaults above (e.g. another Content-Type)
			headers.forEach(request::setHeader);
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body(), this.mapper);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its body parsed as JSON when it is JSON. */
	public record Response(int status, Map<String, List<String>> headers, String text, ObjectMapper mapper) {

		public JsonNode json() {
			try {
				return (this.text == null || this.text.isBlank()) ? MissingNode.getInstance()
						: this.mapper.readTree(this.text);
			}
			catch (IOException ex) {
				throw new AssertionError("Response is not JSON: " + this.text, ex);
			}
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		/** The {@code items} of a list answer, which must be 200. */
		public List<JsonNode> items() {
			if (this.status != 200) {
				throw new AssertionError("Expected a 200 list answer but got " + this);
			}
			List<JsonNode> items = new ArrayList<>();
			json().path("items").forEach(items::add);
			return items;
		}

		/** One text field of every item of a list answer. */
		public List<String> itemValues(String field) {
			return items().stream().map(n -> n.path(field).asText()).toList();
		}

		/** Field names in a problem's {@code errors}. */
		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
			return fields;
		}

		@Override
		public String toString() {
			return this.status + " " + this.text;
		}

	}

}
