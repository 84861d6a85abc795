package kz.prometric.erp.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's receiver in the test: an HTTP server on 127.0.0.1 that records every
 * request and answers the status it is told to.
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private Receiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.server.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			this.requests
				.add(new Request(exchange.getRequestMethod(), headers, new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(this.status, -1);
			exchange.close();
		});
		this.server.start();
	}

	static Receiver start() {
		try {
			return new Receiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void answer(int status) {
		this.status = status;
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as received: method, headers (lower-case names) and body. */
	record Request(String method, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
