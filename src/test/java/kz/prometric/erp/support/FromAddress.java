package kz.prometric.erp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests that reach the application as coming from a client address of the test's
 * choice: sent from 127.0.0.2, the test profile's trusted proxy, with
 * {@code X-Forwarded-For}. Tests of per-address throttles use a fresh address each, so
 * they neither trip each other nor the rest of the suite (which calls from 127.0.0.1).
 */
public final class FromAddress {

	private static final String PROXY = "127.0.0.2";

	private FromAddress() {
	}

	/** An address from the documentation ranges, different for every call. */
	public static String random() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
	}

	/** POSTs a JSON body as if from {@code client}. */
	public static Raw post(Api api, String client, String path, String json) {
		URI base = URI.create(api.baseUrl());
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), base.getPort(),
				InetAddress.getByName(PROXY), 0)) {
			socket.setSoTimeout(30_000);
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + base.getPort()
					+ "\r\nAccept: application/json, application/problem+json\r\nConnection: close\r\n"
					+ "X-Forwarded-For: " + client + "\r\nContent-Type: application/json\r\nContent-Length: "
					+ body.length + "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return Raw.parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A raw HTTP/1.1 answer. */
	public record Raw(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		static Raw parse(InputStream in) throws IOException {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			String payload = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				payload = unchunk(payload);
			}
			return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, payload);
		}

		private static String unchunk(String chunked) {
			StringBuilder out = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
			return out.toString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
