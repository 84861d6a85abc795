package kz.prometric.erp.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.FromAddress;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changing a password (other sessions end, a mail tells the owner), resetting a forgotten
 * one by a mailed single-use, expiring link (no account enumeration, throttled per client
 * address), and the language a user chooses.
 */
@ErpIntegrationTest
class PasswordApiTests {

	static final String RESET_SUBJECT = "Reset your Prometric ERP password";

	static final String CHANGED_SUBJECT = "Your Prometric ERP password was changed";

	private static final Pattern RESET_TOKEN = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

	private static final String NEW_PASSWORD = "brand-new-secret-7";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MutableClock clock;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	IdentityManagement identity;

	// change password

	@Test
	void changingThePasswordEndsEveryOtherSessionKeepsThisOneAndMailsTheOwner() {
		TestData.User user = this.data.user("Changer");
		Api.Response otherLogin = login(user.email(), TestData.PASSWORD);
		String otherToken = otherLogin.json().path("accessToken").asText();
		assertThat(this.api.get("/api/me", otherToken).status()).isEqualTo(200);

		Api.Response changed = this.api.post("/api/auth/change-password", user.token(),
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		assertThat(this.api.get("/api/me", user.token()).status()).as("this session").isEqualTo(200);
		assertThat(this.api.get("/api/me", otherToken).status()).as("the other session").isEqualTo(401);
		assertThat(this.api
			.post("/api/auth/refresh", null, Map.of("refreshToken", otherLogin.json().path("refreshToken").asText()))
			.status()).isEqualTo(401);
		assertThat(login(user.email(), TestData.PASSWORD).status()).as("old password").isEqualTo(401);
		assertThat(login(user.email(), NEW_PASSWORD).status()).as("new password").isEqualTo(200);
		assertThat(awaitMail(user.email(), CHANGED_SUBJECT)).contains("was changed", "/password/forgot");
	}

	@Test
	void aWrongCurrentPasswordIs422NamingItAndChangesNothing() {
		TestData.User user = this.data.user("Forgetful");

		Api.Response wrong = this.api.post("/api/auth/change-password", user.token(),
				Map.of("currentPassword", "not-my-password", "newPassword", NEW_PASSWORD));
		Api.Response tooShort = this.api.post("/api/auth/change-password", user.token(),
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", "short"));
		Api.Response same = this.api.post("/api/auth/change-password", user.token(),
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", TestData.PASSWORD));
		Api.Response anonymous = this.api.post("/api/auth/change-password", null,
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD));

		assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
		assertThat(wrong.errorFields()).containsExactly("currentPassword");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.errorFields()).containsExactly("newPassword");
		assertThat(same.status()).isEqualTo(422);
		assertThat(same.errorFields()).containsExactly("newPassword");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(login(user.email(), TestData.PASSWORD).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);
	}

	// reset by e-mail

	@Test
	void resetsAForgottenPasswordEndToEndFromTheMailedLink() {
		TestData.User user = this.data.user("Resetter");

		FromAddress.Raw asked = forgot(FromAddress.random(), user.email());
		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		String mail = awaitMail(user.email(), RESET_SUBJECT);
		assertThat(mail).contains("/password/reset?token=");
		String token = resetToken(mail);

		Api.Response reset = reset(token, NEW_PASSWORD);

		assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
		assertThat(this.api.get("/api/me", user.token()).status()).as("sessions end").isEqualTo(401);
		assertThat(this.api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())).status())
			.isEqualTo(401);
		assertThat(login(user.email(), TestData.PASSWORD).status()).isEqualTo(401);
		assertThat(login(user.email(), NEW_PASSWORD).status()).isEqualTo(200);
		assertThat(awaitMail(user.email(), CHANGED_SUBJECT)).contains("was reset");

		Api.Response again = reset(token, "yet-another-secret-9");

		assertThat(again.status()).isEqualTo(400);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.errorFields()).containsExactly("token");
		assertThat(login(user.email(), NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aResetLinkExpiresAfterHalfAnHour() {
		TestData.User user = this.data.user("Latecomer");
		forgot(FromAddress.random(), user.email());
		String token = resetToken(awaitMail(user.email(), RESET_SUBJECT));

		this.clock.set(Instant.now().plus(Duration.ofMinutes(31)));
		Api.Response late;
		try {
			late = reset(token, NEW_PASSWORD);
		}
		finally {
			this.clock.reset();
		}

		assertThat(late.status()).isEqualTo(400);
		assertThat(late.errorFields()).containsExactly("token");
		assertThat(login(user.email(), TestData.PASSWORD).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);
	}

	@Test
	void onlyTheNewestLinkWorksAfterANewPassword() {
		TestData.User user = this.data.user("Twice");
		forgot(FromAddress.random(), user.email());
		String first = resetToken(awaitMail(user.email(), RESET_SUBJECT));
		forgot(FromAddress.random(), user.email());
		await().atMost(Duration.ofSeconds(20)).until(() -> mails(user.email(), RESET_SUBJECT).size() == 2);
		String second = resetToken(mails(user.email(), RESET_SUBJECT).get(1));

		assertThat(reset(second, NEW_PASSWORD).status()).isEqualTo(204);

		Api.Response older = reset(first, "older-link-secret-1");
		assertThat(older.status()).as("a new password closes every other link").isEqualTo(400);
		assertThat(older.errorFields()).containsExactly("token");
	}

	@Test
	void refusesAnUnknownOrMalformedTokenNamingIt() {
		Api.Response unknown = reset("never-issued-" + UUID.randomUUID(), NEW_PASSWORD);
		Api.Response blank = this.api.post("/api/auth/reset-password", null,
				Map.of("token", " ", "newPassword", NEW_PASSWORD));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("token");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).containsExactly("token");
	}

	@Test
	void answersAnUnknownAddressExactlyLikeAKnownOneAndSendsItNothing() throws Exception {
		TestData.User known = this.data.user("Known");
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";

		FromAddress.Raw forKnown = forgot(FromAddress.random(), known.email());
		FromAddress.Raw forUnknown = forgot(FromAddress.random(), unknown);

		assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(202);
		JsonNode knownBody = this.mapper.readTree(forKnown.body());
		JsonNode unknownBody = this.mapper.readTree(forUnknown.body());
		assertThat(fieldNames(unknownBody)).isEqualTo(fieldNames(knownBody)).containsExactly("email", "message");
		assertThat(unknownBody.path("message")).isEqualTo(knownBody.path("message"));
		awaitMail(known.email(), RESET_SUBJECT);
		Thread.sleep(1000);
		assertThat(Mailboxes.of(this.greenMail, unknown)).isEmpty();
	}

	@Test
	void refusesTooManyRequestsFromOneAddressButNotFromOthers() {
		String client = FromAddress.random();
		String unknown = "flood-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		for (int i = 0; i < 10; i++) {
			assertThat(forgot(client, unknown).status()).as("request %d", i + 1).isEqualTo(202);
		}

		FromAddress.Raw refused = forgot(client, unknown);
		FromAddress.Raw elsewhere = forgot(FromAddress.random(), unknown);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("content-type")).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.header("retry-after"))).isPositive();
		assertThat(elsewhere.status()).isEqualTo(202);
	}

	@Test
	void mailsOneAddressAtMostThreeLinksAnHourHoweverOftenAsked() throws Exception {
		TestData.User user = this.data.user("Flooded");
		for (int i = 0; i < 5; i++) {
			assertThat(forgot(FromAddress.random(), user.email()).status()).isEqualTo(202);
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> mails(user.email(), RESET_SUBJECT).size() == 3);
		Thread.sleep(1000);
		assertThat(mails(user.email(), RESET_SUBJECT)).hasSize(3);
	}

	// language

	@Test
	void aUserChoosesHisLanguageAndTheUiCanAskForIt() {
		TestData.User user = this.data.user("Polyglot");
		assertThat(this.api.get("/api/me", user.token()).json().path("locale").isTextual()).as("no choice yet")
			.isFalse();

		Api.Response chosen = this.api.patch("/api/me", user.token(), Map.of("locale", "kk"));
		Api.Response unknown = this.api.patch("/api/me", user.token(), Map.of("locale", "de"));

		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		assertThat(chosen.json().path("locale").asText()).isEqualTo("kk");
		assertThat(this.api.get("/api/me", user.token()).json().path("locale").asText()).isEqualTo("kk");
		assertThat(this.identity.preferredLocale(user.id())).contains(Locale.forLanguageTag("kk"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("locale");

		Api.Response cleared = this.api.patch("/api/me", user.token(), "{\"locale\": null}");

		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().path("locale").isTextual()).isFalse();
		assertThat(this.identity.preferredLocale(user.id())).isEmpty();
	}

	// helpers

	private FromAddress.Raw forgot(String client, String email) {
		return FromAddress.post(this.api, client, "/api/auth/forgot-password", "{\"email\": \"" + email + "\"}");
	}

	private Api.Response reset(String token, String newPassword) {
		return this.api.post("/api/auth/reset-password", null, Map.of("token", token, "newPassword", newPassword));
	}

	private Api.Response login(String email, String password) {
		return this.api.post("/api/auth/login", null, Map.of("email", email, "password", password));
	}

	private List<String> mails(String email, String subject) {
		return Mailboxes.of(this.greenMail, email)
			.stream()
			.filter(m -> subject.equals(Mailboxes.subject(m)))
			.map(Mailboxes::text)
			.toList();
	}

	private String awaitMail(String email, String subject) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !mails(email, subject).isEmpty());
		List<String> all = mails(email, subject);
		return all.get(all.size() - 1);
	}

	static String resetToken(String mail) {
		Matcher matcher = RESET_TOKEN.matcher(mail);
		assertThat(matcher.find()).as(mail).isTrue();
		return matcher.group(1);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
