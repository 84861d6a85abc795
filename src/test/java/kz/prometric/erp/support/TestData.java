package kz.prometric.erp.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.shared.KzIdentificationNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds what a test needs through the public API, each test with its own users and
 * organizations (tenancy keeps tests apart, so nothing is rolled back or cleaned).
 */
public class TestData {

	public static final String PASSWORD = "correct-horse-42";

	private static final AtomicLong BIN_SERIAL = new AtomicLong(System.nanoTime() % 50_000);

	private final Api api;

	private final GreenMail greenMail;

	TestData(Api api, GreenMail greenMail) {
		this.api = api;
		this.greenMail = greenMail;
	}

	/**
	 * A registered user with a unique e-mail, confirmed through the link in the
	 * confirmation mail, and logged in.
	 */
	public User user(String firstName) {
		String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		Api.Response registered = this.api.post("/api/auth/register", null,
				Map.of("email", email, "password", PASSWORD, "firstName", firstName, "lastName", "Testov"));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
		confirmEmail(email);
		return loggedIn(email);
	}

	private User loggedIn(String email) {
		Api.Response login = this.api.post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		String token = login.json().path("accessToken").asText();
		Api.Response me = this.api.get("/api/me", token);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		return new User(UUID.fromString(me.json().path("id").asText()), email, token,
				login.json().path("refreshToken").asText());
	}

	/** An organization owned by {@code owner}, with a fresh valid BIN. */
	public Org organization(User owner, String name) {
		Api.Response created = this.api.post("/api/organizations", owner.token(),
				Map.of("name", name, "bin", nextBin()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode json = created.json();
		return new Org(UUID.fromString(json.path("id").asText()), UUID.fromString(json.path("workspaceId").asText()),
				json.path("bin").asText());
	}

	/**
	 * Invites {@code user} into the workspace with {@code role} and accepts on their
	 * behalf.
	 */
	public void join(User admin, UUID workspaceId, User user, String role) {
		Api.Response invited = this.api.post("/api/workspaces/" + workspaceId + "/invitations", admin.token(),
				Map.of("email", user.email(), "role", role));
		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
		Api.Response accepted = this.api.post("/api/invitations/" + invited.json().path("id").asText() + "/accept",
				user.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
	}

	/**
	 * The platform administrator of the test run
	 * ({@code prometric.security.platform-admins}), logged in.
	 */
	public User platformAdmin() {
		String email = "platform-admin@prometric.test";
		synchronized (TestData.class) {
			Api.Response login = this.api.post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD));
			if (login.status() != 200) {
				// the first call of the run (of each application context: a test with
				// its own properties has its own database) registers and confirms the
				// address (the rights come with the confirmation); the mail server is
				// shared, so the confirmation to use is the one after those already there
				int earlier = Mailboxes.verificationTokens(this.greenMail, email).size();
				Api.Response registered = this.api.post("/api/auth/register", null,
						Map.of("email", email, "password", PASSWORD, "firstName", "Platform", "lastName", "Admin"));
				assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
				String token = Mailboxes.awaitVerificationToken(this.greenMail, email, earlier + 1);
				Api.Response verified = this.api.post("/api/auth/verify-email", null, Map.of("token", token));
				assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
			}
		}
		return loggedIn(email);
	}

	/** A company customer in the workspace, created through the API; answers its id. */
	public UUID customer(User by, UUID workspaceId, String name) {
		Api.Response created = this.api.post("/api/workspaces/" + workspaceId + "/customers", by.token(),
				Map.of("type", "COMPANY", "name", name, "taxId", nextBin()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	/**
	 * A deal created through the API with the given extra fields (customerId and title
	 * are filled in).
	 */
	public JsonNode deal(User by, UUID workspaceId, UUID customerId, String title, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("customerId", customerId);
		body.put("title", title);
		if (!body.containsKey("products")) {
			// a deal with product lines is worth their total
			body.putIfAbsent("value", "1500000.00");
		}
		Api.Response created = this.api.post("/api/workspaces/" + workspaceId + "/deals", by.token(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/**
	 * Confirms the address with the token from the newest confirmation mail it received
	 * (waits for the mail).
	 */
	public void confirmEmail(String email) {
		String token = Mailboxes.awaitVerificationToken(this.greenMail, email, 1);
		Api.Response verified = this.api.post("/api/auth/verify-email", null, Map.of("token", token));
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
	}

	/** A BIN that passes the check-digit rule and has not been used by this test run. */
	public static String nextBin() {
		while (true) {
			String first11 = "240140" + String.format("%05d", BIN_SERIAL.incrementAndGet() % 100_000);
			for (int checkDigit = 0; checkDigit <= 9; checkDigit++) {
				if (KzIdentificationNumber.isValidBin(first11 + checkDigit)) {
					return first11 + checkDigit;
				}
			}
		}
	}

	public record User(UUID id, String email, String token, String refreshToken) {
	}

	public record Org(UUID id, UUID workspaceId, String bin) {
	}

}
