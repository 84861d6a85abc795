package kz.prometric.erp.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import kz.prometric.erp.notification.NotificationStreamTests.Event;
import kz.prometric.erp.notification.NotificationStreamTests.Sse;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, as in production: this test's application (node
 * 1) and a second JVM running the application's main class against the same embedded
 * PostgreSQL (node 2; a second JVM, since the engine REST API finds engines in a static
 * registry). A deal won through node 1 reaches a stream opened on node 2 with a token
 * minted on node 1: the notification travels only through the database ({@code pg_notify}
 * on commit, {@code LISTEN} on node 2).
 */
@ErpIntegrationTest
class TwoNodeNotificationTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectMapper mapper;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void aDealWonOnOneNodeReachesAStreamOnTheOther() throws Exception {
		TestData.User owner = this.data.user("Nodira");
		TestData.Org org = this.data.organization(owner, "Nodira Two Nodes");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Far Away LLP");
		String dealId = this.data
			.deal(owner, org.workspaceId(), customer, "Across nodes", Map.of("products", List
				.of(Map.of("productName", "Cable", "quantity", "10", "unitPrice", "1000.00", "discountPercent", "0"))))
			.path("id")
			.asText();
		int port = freePort();
		Path log = Path.of("target", "two-node", "node-2-" + port + ".log");
		Process node2 = start(port, log);
		try {
			awaitHealthy(node2, port, log);
			Api.Response token = this.api.post("/api/notifications/stream-token", owner.token(), null);
			assertThat(token.status()).as(token.toString()).isEqualTo(200);

			HttpResponse<java.util.stream.Stream<String>> response = this.client.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/stream?workspaceId="
						+ org.workspaceId() + "&token=" + token.json().path("token").asText()))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
			try (Sse stream = new Sse(response)) {
				assertThat(stream.status()).isEqualTo(200);
				Api.Response won = this.api.post("/api/workspaces/" + org.workspaceId() + "/deals/" + dealId + "/stage",
						owner.token(), Map.of("stage", "WON"));
				assertThat(won.status()).as(won.toString()).isEqualTo(200);

				Event event = stream.next();
				JsonNode notification = this.mapper.readTree(event.data());
				assertThat(notification.path("kind").asText()).isEqualTo("deal.won");
				assertThat(notification.path("link").asText())
					.isEqualTo("/app/" + org.workspaceId() + "/deals/" + dealId);
			}
		}
		finally {
			node2.destroy();
			if (!node2.waitFor(60, TimeUnit.SECONDS)) {
				node2.destroyForcibly();
			}
		}
	}

	private Process start(int port, Path log) throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m", "-cp",
				System.getProperty("java.class.path"), "kz.prometric.erp.ErpApplication", "--server.port=" + port,
				// the test profile (its JWT secret, processes and settings) on this
				// test's
				// database
				"--spring.profiles.active=test", "--spring.datasource.url=" + pool.getJdbcUrl(),
				"--spring.datasource.username=" + pool.getUsername(),
				"--spring.datasource.password=" + ((pool.getPassword() != null) ? pool.getPassword() : ""),
				"--spring.datasource.hikari.maximum-pool-size=5", "--camunda.bpm.job-execution.enabled=false",
				// this node serves the stream only; failed publications stay node 1's
				"--prometric.events.retry-interval=PT1H", "--management.server.port=-1"));
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return process;
	}

	private void awaitHealthy(Process node, int port, Path log) throws Exception {
		long deadline = System.currentTimeMillis() + 300_000;
		while (true) {
			assertThat(node.isAlive()).as("node 2 stopped while starting; see " + log).isTrue();
			try {
				HttpResponse<String> health = this.client
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			assertThat(System.currentTimeMillis()).as("node 2 did not start in time; see " + log).isLessThan(deadline);
			Thread.sleep(1000);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
