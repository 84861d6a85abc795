package kz.prometric.erp.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;

/** Multipart uploads and binary downloads of the documents API, for the tests. */
final class Uploads {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Uploads() {
	}

	/**
	 * A multipart body with the fields and, when {@code fileName} is not null, a file.
	 */
	static byte[] body(String boundary, Map<String, String> fields, String fileName, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		if (fileName != null) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(content);
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return out.toByteArray();
	}

	static Api.Response upload(Api api, String token, UUID workspaceId, Map<String, String> fields, String fileName,
			byte[] content) {
		String boundary = "----prometric" + UUID.randomUUID();
		return send(api, token, "/api/workspaces/" + workspaceId + "/documents",
				"multipart/form-data; boundary=" + boundary, body(boundary, fields, fileName, content));
	}

	static Api.Response send(Api api, String token, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", contentType)
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.headers().map(), response.body(),
					new ObjectMapper());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A download: status, headers and the bytes. */
	record Download(int status, Map<String, List<String>> headers, byte[] bytes) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map(e -> e.getValue().get(0))
				.orElse(null);
		}

	}

	static Download download(Api api, String token, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
