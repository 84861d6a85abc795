package kz.prometric.erp.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling per source address and account, with the source taken from the
 * connection or, for the trusted proxy only, from {@code X-Forwarded-For}. The test
 * profile makes 127.0.0.2 the trusted proxy: requests sent from it carry the client
 * address they name; requests from 127.0.0.1 are an untrusted client.
 */
@ErpIntegrationTest
class LoginThrottleApiTests {

	private static final String PROXY = "127.0.0.2";

	private static final String UNTRUSTED = "127.0.0.1";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ObjectMapper mapper;

	@Test
	void blocksOnlyTheGuessingSourceAndLetsTheOwnerInFromHisOwnAddress() {
		TestData.User owner = this.data.user("Asel");
		String attacker = randomAddress();
		String ownersAddress = randomAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(loginVia(PROXY, attacker, owner.email(), "guess-" + i).status()).isEqualTo(401);
		}

		Raw blocked = loginVia(PROXY, attacker, owner.email(), TestData.PASSWORD);
		Raw fromHome = loginVia(PROXY, ownersAddress, owner.email(), TestData.PASSWORD);

		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
		assertThat(blocked.header("content-type")).startsWith("application/problem+json");
		assertThat(Long.parseLong(blocked.header("retry-after"))).isPositive();
		assertThat(blocked.body()).doesNotContain("accessToken");
		assertThat(fromHome.status()).as(fromHome.toString()).isEqualTo(200);
		assertThat(fromHome.body()).contains("accessToken");
		// the API's own client, another source again
		assertThat(this.api.post("/api/auth/login", null, credentials(owner.email(), TestData.PASSWORD)).status())
			.isEqualTo(200);
	}

	@Test
	void doublesTheBlockWithEveryFurtherFailure() throws Exception {
		TestData.User owner = this.data.user("Berik");
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			loginVia(PROXY, attacker, owner.email(), "guess-" + i);
		}
		Raw first = loginVia(PROXY, attacker, owner.email(), "guess-5");
		assertThat(first.status()).isEqualTo(429);
		long firstWait = Long.parseLong(first.header("retry-after"));

		// the test profile's first block is 2 s; after it one more failure doubles it
		Thread.sleep(2100);
		assertThat(loginVia(PROXY, attacker, owner.email(), "guess-6").status()).isEqualTo(401);
		Raw second = loginVia(PROXY, attacker, owner.email(), TestData.PASSWORD);

		assertThat(second.status()).as(second.toString()).isEqualTo(429);
		assertThat(Long.parseLong(second.header("retry-after"))).isGreaterThan(firstWait).isBetween(3L, 4L);
	}

	@Test
	void ignoresForwardedForFromAClientThatIsNotTheProxy() {
		TestData.User owner = this.data.user("Daulet");
		// every failure claims another client address; all come from 127.0.0.1
		for (int i = 0; i < 5; i++) {
			assertThat(loginVia(UNTRUSTED, randomAddress(), owner.email(), "guess-" + i).status()).isEqualTo(401);
		}

		Raw forged = loginVia(UNTRUSTED, randomAddress(), owner.email(), TestData.PASSWORD);
		Api.Response plain = this.api.post("/api/auth/login", null, credentials(owner.email(), TestData.PASSWORD));
		Raw viaProxy = loginVia(PROXY, randomAddress(), owner.email(), TestData.PASSWORD);

		assertThat(forged.status()).as(forged.toString()).isEqualTo(429);
		assertThat(plain.status()).isEqualTo(429);
		assertThat(viaProxy.status()).as(viaProxy.toString()).isEqualTo(200);
	}

	@Test
	void usesTheAddressTheProxyAppendsNotTheOneTheClientSent() {
		TestData.User owner = this.data.user("Erzhan");
		String attacker = randomAddress();
		// nginx appends the address it sees to whatever the client sent: the client's
		// part is
		// ignored, the rightmost untrusted address counts
		for (int i = 0; i < 5; i++) {
			assertThat(loginVia(PROXY, randomAddress() + ", " + attacker, owner.email(), "guess-" + i).status())
				.isEqualTo(401);
		}

		assertThat(loginVia(PROXY, randomAddress() + ", " + attacker, owner.email(), TestData.PASSWORD).status())
			.isEqualTo(429);
		assertThat(loginVia(PROXY, attacker + ", " + randomAddress(), owner.email(), TestData.PASSWORD).status())
			.isEqualTo(200);
	}

	@Test
	void capsOneSourceAcrossAccountsAgainstPasswordSpraying() {
		TestData.User victim = this.data.user("Gaukhar");
		String sprayer = randomAddress();
		// the default cap: 100 failures from one source over all accounts; each account
		// sees only one failure
		for (int i = 0; i < 100; i++) {
			assertThat(loginVia(PROXY, sprayer, "sprayed-" + i + "-" + UUID.randomUUID() + "@example.kz", "Summer2026!")
				.status()).isEqualTo(401);
		}

		Raw blocked = loginVia(PROXY, sprayer, victim.email(), TestData.PASSWORD);

		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
		assertThat(loginVia(PROXY, randomAddress(), victim.email(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void basicAuthenticationOnTheEngineRestApiCountsAndIsRefusedTheSameWay() {
		TestData.User owner = this.data.user("Kanat");
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(sendVia(PROXY, attacker, "GET", "/engine-rest/task", basic(owner.email(), "guess-" + i), null)
				.status()).isEqualTo(401);
		}

		Raw blocked = sendVia(PROXY, attacker, "GET", "/engine-rest/task", basic(owner.email(), TestData.PASSWORD),
				null);
		Raw blockedApi = loginVia(PROXY, attacker, owner.email(), TestData.PASSWORD);
		Raw fromElsewhere = sendVia(PROXY, randomAddress(), "GET", "/engine-rest/task",
				basic(owner.email(), TestData.PASSWORD), null);

		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(401);
		assertThat(blockedApi.status()).as(blockedApi.toString()).isEqualTo(429);
		assertThat(fromElsewhere.status()).as(fromElsewhere.toString()).isEqualTo(200);
	}

	@Test
	void tasklistLoginFailuresCountForTheirSource() throws Exception {
		TestData.User owner = this.data.user("Lazzat");
		for (int i = 0; i < 5; i++) {
			assertThat(tasklistLogin(owner.email(), "guess-" + i)).isEqualTo(401);
		}

		// the Tasklist client connected from 127.0.0.1: that source is refused, with the
		// right password too, on Tasklist and on the API; another source is not
		assertThat(tasklistLogin(owner.email(), TestData.PASSWORD)).isEqualTo(401);
		assertThat(this.api.post("/api/auth/login", null, credentials(owner.email(), TestData.PASSWORD)).status())
			.isEqualTo(429);
		assertThat(loginVia(PROXY, randomAddress(), owner.email(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	// helpers

	private Raw loginVia(String localAddress, String forwardedFor, String email, String password) {
		try {
			return sendVia(localAddress, forwardedFor, "POST", "/api/auth/login", null,
					this.mapper.writeValueAsString(credentials(email, password)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> credentials(String email, String password) {
		return Map.of("email", email, "password", password);
	}

	/**
	 * One HTTP/1.1 request over a socket bound to {@code localAddress}, so the server
	 * sees that address as the peer (the JDK's HttpClient cannot choose it on Java 17).
	 */
	private Raw sendVia(String localAddress, String forwardedFor, String method, String path, String authorization,
			String json) {
		URI base = URI.create(this.api.baseUrl());
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), base.getPort(),
				InetAddress.getByName(localAddress), 0)) {
			socket.setSoTimeout(30_000);
			byte[] body = (json != null) ? json.getBytes(StandardCharsets.UTF_8) : new byte[0];
			StringBuilder request = new StringBuilder().append(method)
				.append(' ')
				.append(path)
				.append(" HTTP/1.1\r\nHost: localhost:")
				.append(base.getPort())
				.append("\r\nAccept: application/json, application/problem+json\r\nConnection: close\r\n");
			if (forwardedFor != null) {
				request.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
			}
			if (authorization != null) {
				request.append("Authorization: ").append(authorization).append("\r\n");
			}
			if (json != null) {
				request.append("Content-Type: application/json\r\n");
			}
			request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return Raw.parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int tasklistLogin(String email, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.ofString());
		String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return client
			.send(HttpRequest
				.newBuilder(URI.create(this.api.baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", csrf)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** An address from the documentation ranges, different for every call. */
	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
	}

	record Raw(int status, Map<String, String> headers, String body) {

		String header(String name) {
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
			return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
