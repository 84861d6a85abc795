package kz.prometric.erp.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.PageSession;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream as a browser's {@code EventSource} uses it, read line by line over
 * HTTP: opened with a stream token (once, within 60 s) or the pages' login, fed through
 * PostgreSQL's {@code LISTEN/NOTIFY} (whichever connection inserted the notification),
 * replaying what a reconnecting client missed, and ended when its user's access ends.
 */
@ErpIntegrationTest
class NotificationStreamTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	NoticeDeliveries deliveries;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Autowired
	Inbox inbox;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	ObjectMapper mapper;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void streamsANewNotificationToAClientThatOpenedItWithAStreamToken() throws Exception {
		TestData.User user = this.data.user("Arman");
		TestData.Org org = this.data.organization(user, "Arman Live");
		notify(user, org.workspaceId(), "Before the stream");

		try (Sse stream = open("/api/notifications/stream?token=" + streamToken(user), Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
			notify(user, org.workspaceId(), "Run finished");

			Event event = stream.next();
			assertThat(event.name()).isEqualTo("notification");
			JsonNode data = this.mapper.readTree(event.data());
			assertThat(data.path("title").asText()).as("only what came after opening").isEqualTo("Run finished");
			assertThat(data.path("kind").asText()).isEqualTo("production.finished");
			assertThat(data.path("link").asText()).startsWith("/app/" + org.workspaceId() + "/production/");
			assertThat(event.id()).isEqualTo(data.path("seq").asText());
		}
	}

	@Test
	void aReconnectingClientGetsWhatItMissedInOrderFromItsLastEventId() throws Exception {
		TestData.User user = this.data.user("Bakhyt");
		TestData.Org org = this.data.organization(user, "Bakhyt Live");
		String lastId;
		try (Sse stream = open("/api/notifications/stream?token=" + streamToken(user), Map.of())) {
			notify(user, org.workspaceId(), "First");
			lastId = stream.next().id();
		}
		notify(user, org.workspaceId(), "Second");
		notify(user, org.workspaceId(), "Third");

		// as EventSource reconnects: the header; a client opening a new URL: the
		// parameter
		try (Sse byHeader = open("/api/notifications/stream?token=" + streamToken(user),
				Map.of("Last-Event-ID", lastId));
				Sse byParameter = open(
						"/api/notifications/stream?token=" + streamToken(user) + "&lastEventId=" + lastId, Map.of())) {
			for (Sse stream : List.of(byHeader, byParameter)) {
				assertThat(title(stream.next())).isEqualTo("Second");
				assertThat(title(stream.next())).isEqualTo("Third");
				notify(user, org.workspaceId(), "Fourth " + stream.hashCode());
				assertThat(title(stream.next())).startsWith("Fourth");
			}
		}
	}

	@Test
	void aClientFarBehindGetsTheNewestThousandReplayed() throws Exception {
		TestData.User user = this.data.user("Farida");
		TestData.Org org = this.data.organization(user, "Farida Many");
		int count = NotificationStreams.REPLAY_LIMIT + 5;
		this.transaction.executeWithoutResult(status -> {
			for (int i = 1; i <= count; i++) {
				this.inbox.insert(user.id(), new Notice(NotificationKind.PRODUCTION_FINISHED, org.workspaceId(),
						"production.finished:" + UUID.randomUUID(), "N " + i, "", null), Instant.now());
			}
		});

		try (Sse stream = open("/api/notifications/stream?lastEventId=0&token=" + streamToken(user), Map.of())) {
			List<String> titles = new ArrayList<>();
			for (int i = 0; i < NotificationStreams.REPLAY_LIMIT; i++) {
				titles.add(title(stream.next()));
			}
			assertThat(titles.get(0)).isEqualTo("N 6");
			assertThat(titles.get(titles.size() - 1)).isEqualTo("N " + count);
			assertThat(stream.poll(Duration.ofMillis(1000))).isNull();
		}
	}

	@Test
	void refusesAUsedExpiredForgedOrMissingTokenWith401() throws Exception {
		TestData.User user = this.data.user("Gani");
		String token = streamToken(user);
		try (Sse first = open("/api/notifications/stream?token=" + token, Map.of())) {
			assertThat(first.status()).isEqualTo(200);
		}
		String expiring = streamToken(user);

		assertUnauthorized(open("/api/notifications/stream?token=" + token, Map.of()));
		assertUnauthorized(open("/api/notifications/stream?token=forged", Map.of()));
		assertUnauthorized(open("/api/notifications/stream", Map.of()));
		// a bearer token opens no stream: the stream token is what an EventSource can
		// send
		assertUnauthorized(open("/api/notifications/stream", Map.of("Authorization", "Bearer " + user.token())));
		this.clock.set(Instant.now().plusSeconds(61));
		try {
			assertUnauthorized(open("/api/notifications/stream?token=" + expiring, Map.of()));
		}
		finally {
			this.clock.reset();
		}
		Sse badId = open("/api/notifications/stream?token=" + streamToken(user), Map.of("Last-Event-ID", "yesterday"));
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.body()).contains("Last-Event-ID");
		Sse badWorkspace = open("/api/notifications/stream?workspaceId=nope&token=" + streamToken(user), Map.of());
		assertThat(badWorkspace.status()).isEqualTo(400);
		assertThat(badWorkspace.body()).contains("workspaceId");
	}

	@Test
	void deliversANotificationThatAnotherConnectionCommitsAndNothingBeforeTheCommit() throws Exception {
		TestData.User user = this.data.user("Dias");
		TestData.Org org = this.data.organization(user, "Dias Nodes");
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);

		try (Sse stream = open("/api/notifications/stream?token=" + streamToken(user), Map.of());
				Connection otherNode = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
						pool.getPassword())) {
			otherNode.setAutoCommit(false);
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(otherNode, true));
			Notice notice = new Notice(NotificationKind.PRODUCTION_FINISHED, org.workspaceId(),
					"production.finished:" + UUID.randomUUID(), "From the other node", "Inserted elsewhere.",
					"/app/" + org.workspaceId() + "/production/" + UUID.randomUUID());

			assertThat(Inbox.insert(jdbc, user.id(), notice, Instant.now())).isPresent();
			assertThat(stream.poll(Duration.ofMillis(1500))).as("nothing before the commit").isNull();
			otherNode.commit();

			assertThat(title(stream.next())).isEqualTo("From the other node");
			// the same source again: no second row, no second event
			assertThat(Inbox.insert(jdbc, user.id(), notice, Instant.now())).isEmpty();
			otherNode.commit();
			assertThat(stream.poll(Duration.ofMillis(1500))).isNull();
		}
	}

	@Test
	void aWorkspaceStreamShowsOnlyThatWorkspaceAndEndsWhenItsUserIsRemovedFromIt() throws Exception {
		TestData.User owner = this.data.user("Yerbol");
		TestData.Org org = this.data.organization(owner, "Yerbol Shop");
		TestData.User member = this.data.user("Zarina");
		TestData.Org own = this.data.organization(member, "Zarina Own");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		TestData.User stranger = this.data.user("Zhan");
		TestData.Org strangers = this.data.organization(stranger, "Zhan Own");

		Sse notAMember = open(
				"/api/notifications/stream?workspaceId=" + strangers.workspaceId() + "&token=" + streamToken(member),
				Map.of());
		assertThat(notAMember.status()).isEqualTo(404);
		try (Sse stream = open(
				"/api/notifications/stream?workspaceId=" + org.workspaceId() + "&token=" + streamToken(member),
				Map.of())) {
			notify(member, own.workspaceId(), "Own workspace");
			notify(member, org.workspaceId(), "Shop workspace");
			assertThat(title(stream.next())).isEqualTo("Shop workspace");

			Api.Response removed = this.api.delete("/api/workspaces/" + org.workspaceId() + "/members/" + member.id(),
					owner.token());
			assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

			assertThat(stream.awaitEnd(WAIT)).as("the stream ends").isTrue();
		}
	}

	@Test
	void aStreamEndsWhenTheSessionItWasOpenedInEnds() throws Exception {
		TestData.User user = this.data.user("Kamila");
		try (Sse stream = open("/api/notifications/stream?token=" + streamToken(user), Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			Api.Response logout = this.api.post("/api/auth/logout", user.token(), null);
			assertThat(logout.status()).as(logout.toString()).isBetween(200, 204);

			assertThat(stream.awaitEnd(WAIT)).as("the stream ends").isTrue();
		}
	}

	@Test
	void theErpPagesLoginOpensAStreamWithoutAToken() throws Exception {
		TestData.User user = this.data.user("Laura");
		TestData.Org org = this.data.organization(user, "Laura Pages");
		PageSession pages = PageSession.login(this.api.baseUrl(), user.email(), TestData.PASSWORD, "en");

		try (Sse stream = open("/api/notifications/stream", Map.of("Cookie", pages.cookieHeader()))) {
			assertThat(stream.status()).isEqualTo(200);
			notify(user, org.workspaceId(), "Seen on the pages");
			assertThat(title(stream.next())).isEqualTo("Seen on the pages");
			PageSession.Page loggedOut = pages.post("/logout", pages.get("/app/account").csrf(), Map.of());
			assertThat(loggedOut.status()).as(loggedOut.toString()).isEqualTo(302);
			assertThat(stream.awaitEnd(WAIT)).as("logging out of the pages ends it").isTrue();
		}
	}

	private void assertUnauthorized(Sse response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		response.close();
	}

	private String title(Event event) throws IOException {
		return this.mapper.readTree(event.data()).path("title").asText();
	}

	private String streamToken(TestData.User user) {
		Api.Response token = this.api.post("/api/notifications/stream-token", user.token(), null);
		assertThat(token.status()).as(token.toString()).isEqualTo(200);
		assertThat(token.json().path("expiresAt").asText()).isNotBlank();
		return token.json().path("token").asText();
	}

	private void notify(TestData.User user, UUID workspaceId, String title) {
		this.deliveries.deliver(new Notice(NotificationKind.PRODUCTION_FINISHED, workspaceId,
				"production.finished:" + UUID.randomUUID(), title, "Passed inspection.",
				"/app/" + workspaceId + "/production/" + UUID.randomUUID()), List.of(user.id()));
	}

	private Sse open(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.api.baseUrl() + path))
			.header("Accept", "text/event-stream")
			.GET();
		headers.forEach(request::header);
		HttpResponse<Stream<String>> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		return new Sse(response);
	}

	record Event(String id, String name, String data) {
	}

	/** One open stream: its lines read by a thread of their own into a queue. */
	static final class Sse implements AutoCloseable {

		private static final String END = "\u0000end";

		private final HttpResponse<Stream<String>> response;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final Thread reader;

		private volatile boolean ended;

		Sse(HttpResponse<Stream<String>> response) {
			this.response = response;
			this.reader = new Thread(() -> {
				try {
					response.body().forEach(this.lines::add);
				}
				catch (RuntimeException ex) {
					// closed
				}
				finally {
					this.lines.add(END);
				}
			}, "sse-test-reader");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		int status() {
			return this.response.statusCode();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		/** The body of a refusal (the whole of it). */
		String body() {
			StringBuilder text = new StringBuilder();
			try {
				String line;
				while ((line = this.lines.poll(5, TimeUnit.SECONDS)) != null && !END.equals(line)) {
					text.append(line).append('\n');
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return text.toString();
		}

		/** The next event, waiting up to 15 s for it. */
		Event next() throws InterruptedException {
			Event event = poll(WAIT);
			assertThat(event).as("an event within " + WAIT).isNotNull();
			return event;
		}

		/** The next event, or null when none comes within {@code wait}. */
		Event poll(Duration wait) throws InterruptedException {
			long deadline = System.nanoTime() + wait.toNanos();
			Map<String, String> fields = new LinkedHashMap<>();
			List<String> data = new ArrayList<>();
			while (true) {
				String line = this.lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null || END.equals(line)) {
					if (END.equals(line)) {
						this.ended = true;
						this.lines.add(END);
					}
					return null;
				}
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						return new Event(fields.get("id"), fields.get("event"), String.join("\n", data));
					}
					fields.clear();
					continue;
				}
				if (line.startsWith(":")) {
					continue;
				}
				int colon = line.indexOf(':');
				String field = (colon < 0) ? line : line.substring(0, colon);
				String value = (colon < 0) ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
				if (field.equals("data")) {
					data.add(value);
				}
				else {
					fields.put(field, value);
				}
			}
		}

		/**
		 * Whether the server ends the stream within {@code wait} (events meanwhile
		 * skipped).
		 */
		boolean awaitEnd(Duration wait) throws InterruptedException {
			long deadline = System.nanoTime() + wait.toNanos();
			while (!this.ended && System.nanoTime() < deadline) {
				String line = this.lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (END.equals(line)) {
					this.ended = true;
				}
			}
			return this.ended;
		}

		@Override
		public void close() {
			this.response.body().close();
			this.reader.interrupt();
		}

	}

}
