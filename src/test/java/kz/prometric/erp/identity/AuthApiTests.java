package kz.prometric.erp.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@ErpIntegrationTest
class AuthApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JwtEncoder jwtEncoder;

	@Autowired
	JwtDecoder jwtDecoder;

	@Test
	void registeredUserLogsInAndSeesThemself() {
		TestData.User user = this.data.user("Aigerim");

		Api.Response me = this.api.get("/api/me", user.token());

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("email").asText()).isEqualTo(user.email());
		assertThat(me.json().has("passwordHash")).isFalse();
	}

	@Test
	void refusesWrongPasswordWithProblem() {
		TestData.User user = this.data.user("Bolat");

		Api.Response login = this.api.post("/api/auth/login", null,
				Map.of("email", user.email(), "password", "wrong-password"));

		assertThat(login.status()).isEqualTo(401);
		assertThat(login.contentType()).startsWith("application/problem+json");
	}

	// registration

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRegistrations")
	void refusesRegistrationNamingTheInvalidField(String field, Object badValue) {
		Map<String, Object> body = validRegistration();
		if (badValue == null) {
			body.remove(field);
		}
		else {
			body.put(field, badValue);
		}

		Api.Response response = this.api.post("/api/auth/register", null, body);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsOnly(field);
	}

	static Stream<Arguments> invalidRegistrations() {
		return Stream.of(Arguments.of("email", "not-an-email"), Arguments.of("email", null),
				Arguments.of("password", "short"), Arguments.of("password", null), Arguments.of("firstName", null),
				Arguments.of("firstName", "   "), Arguments.of("lastName", null), Arguments.of("lastName", ""));
	}

	@Test
	void namesEveryInvalidRegistrationField() {
		Api.Response response = this.api.post("/api/auth/register", null,
				Map.of("email", "nobody-at-example.kz", "password", "1234567"));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).contains("email", "password", "firstName", "lastName");
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", "nobody-at-example.kz", "password", "1234567"))
					.status())
			.isEqualTo(401);
	}

	@Test
	void refusesPasswordLongerThanSeventyTwoBytes() {
		// 60 characters pass a character count, but are 120 bytes in UTF-8: more than
		// BCrypt can hash
		Map<String, Object> body = validRegistration();
		body.put("password", "пароль".repeat(10));

		Api.Response response = this.api.post("/api/auth/register", null, body);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsExactly("password");
	}

	@Test
	void acceptsMultibytePasswordWithinSeventyTwoBytes() {
		Map<String, Object> body = validRegistration();
		String password = "пароль".repeat(6);
		body.put("password", password);

		assertThat(this.api.post("/api/auth/register", null, body).status()).isEqualTo(202);
		assertThat(login((String) body.get("email"), password).status()).isEqualTo(200);
	}

	@Test
	void refusesLoginWithPasswordLongerThanSeventyTwoBytesAsWrongCredentials() {
		TestData.User user = this.data.user("Yerbolat");

		Api.Response login = login(user.email(), "пароль".repeat(10));

		assertThat(login.status()).as(login.toString()).isEqualTo(401);
		assertThat(login.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aRepeatedRegistrationChangesNothingRegardlessOfCase() {
		TestData.User user = this.data.user("Dana");

		Api.Response again = this.api.post("/api/auth/register", null, Map.of("email", user.email().toUpperCase(),
				"password", "another-password-1", "firstName", "Other", "lastName", "Person"));

		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		// the original account still logs in with its own password only
		assertThat(login(user.email(), TestData.PASSWORD).status()).isEqualTo(200);
		assertThat(login(user.email(), "another-password-1").status()).isEqualTo(401);
	}

	@Test
	void createsOnlyOneAccountWhenTheSameEmailRegistersConcurrently() throws Exception {
		String email = "racer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String password = "racer-password-" + i;
			calls.add(
					() -> this.api
						.post("/api/auth/register", null,
								Map.of("email", email, "password", password, "firstName", "Racer", "lastName",
										"Testov"))
						.status());
		}

		List<Integer> statuses = Concurrently.run(calls);

		assertThat(statuses).containsOnly(202);
		long working = Stream.of(0, 1, 2, 3).filter(i -> login(email, "racer-password-" + i).status() == 200).count();
		assertThat(working).isEqualTo(1);
	}

	@Test
	void concurrentRefreshesWithOneTokenSucceedOnlyOnce() throws Exception {
		TestData.User user = this.data.user("Twin");
		List<Callable<Integer>> calls = List.of(() -> refresh(user.refreshToken()).status(),
				() -> refresh(user.refreshToken()).status());

		List<Integer> statuses = Concurrently.run(calls);

		assertThat(statuses).containsExactlyInAnyOrder(200, 401);
	}

	// login and tokens

	@Test
	void loginAnswersAccessAndRefreshTokenValidForADay() {
		TestData.User user = this.data.user("Erlan");

		Api.Response login = login(user.email(), TestData.PASSWORD);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("accessToken").asText()).isNotBlank();
		assertThat(login.json().path("refreshToken").asText()).isNotBlank();
		assertThat(login.json().path("expiresIn").asLong()).isEqualTo(86400);
		assertThat(this.api.get("/api/me", login.json().path("accessToken").asText()).status()).isEqualTo(200);
	}

	@Test
	void logsInWithEmailInAnotherCase() {
		TestData.User user = this.data.user("Farida");

		assertThat(login(user.email().toUpperCase(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void refreshRotatesTheRefreshToken() {
		TestData.User user = this.data.user("Gulnara");

		Api.Response first = refresh(user.refreshToken());
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		String rotated = first.json().path("refreshToken").asText();
		assertThat(rotated).isNotEqualTo(user.refreshToken());
		assertThat(first.json().path("expiresIn").asLong()).isEqualTo(86400);
		assertThat(this.api.get("/api/me", first.json().path("accessToken").asText()).status()).isEqualTo(200);

		Api.Response second = refresh(rotated);
		assertThat(second.status()).as(second.toString()).isEqualTo(200);

		Api.Response old = refresh(user.refreshToken());
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.contentType()).startsWith("application/problem+json");
	}

	@Test
	void reusingAUsedRefreshTokenEndsTheSession() {
		TestData.User user = this.data.user("Timur");
		Api.Response rotated = refresh(user.refreshToken());
		assertThat(rotated.status()).isEqualTo(200);
		String newestAccess = rotated.json().path("accessToken").asText();
		String newestRefresh = rotated.json().path("refreshToken").asText();

		Api.Response replay = refresh(user.refreshToken());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/me", newestAccess).status()).isEqualTo(401);
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(401);
		assertThat(refresh(newestRefresh).status()).isEqualTo(401);
	}

	@Test
	void refusesUnknownRefreshToken() {
		Api.Response response = refresh("never-issued-" + UUID.randomUUID());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void logoutEndsAccessAndRefreshToken() {
		TestData.User user = this.data.user("Zhanna");

		Api.Response logout = this.api.post("/api/auth/logout", user.token(), null);

		assertThat(logout.status()).isEqualTo(204);
		Api.Response me = this.api.get("/api/me", user.token());
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void logoutEndsOnlyItsOwnSession() {
		TestData.User user = this.data.user("Kairat");
		Api.Response otherDevice = login(user.email(), TestData.PASSWORD);

		assertThat(this.api.post("/api/auth/logout", user.token(), null).status()).isEqualTo(204);

		assertThat(this.api.get("/api/me", otherDevice.json().path("accessToken").asText()).status()).isEqualTo(200);
		assertThat(refresh(otherDevice.json().path("refreshToken").asText()).status()).isEqualTo(200);
	}

	@Test
	void refusesExpiredAccessToken() {
		TestData.User user = this.data.user("Laura");
		Instant issued = Instant.now().minus(2, ChronoUnit.HOURS);
		String expired = sign(this.jwtEncoder, claimsLike(user, issued, issued.plus(1, ChronoUnit.HOURS)));
		// the same claims, still valid, are accepted: only the expiry is to blame
		String fresh = sign(this.jwtEncoder, claimsLike(user, Instant.now(), Instant.now().plusSeconds(600)));
		assertThat(this.api.get("/api/me", fresh).status()).isEqualTo(200);

		Api.Response me = this.api.get("/api/me", expired);

		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(me.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void logsInAndRefreshesWhileAnExpiredAccessTokenIsStillAttached() {
		TestData.User user = this.data.user("Madina");
		Instant issued = Instant.now().minus(2, ChronoUnit.HOURS);
		String expired = sign(this.jwtEncoder, claimsLike(user, issued, issued.plus(1, ChronoUnit.HOURS)));

		Api.Response refreshed = this.api.post("/api/auth/refresh", expired,
				Map.of("refreshToken", user.refreshToken()));
		Api.Response loggedIn = this.api.post("/api/auth/login", expired,
				Map.of("email", user.email(), "password", TestData.PASSWORD));

		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(200);
		assertThat(this.api.get("/api/me", expired).status()).isEqualTo(401);
	}

	@Test
	void refusesTokenSignedWithAnotherKey() {
		TestData.User user = this.data.user("Madina");
		JwtEncoder foreign = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
				"a-completely-different-secret-of-32-bytes+".getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		String forged = sign(foreign, claimsLike(user, Instant.now(), Instant.now().plusSeconds(600)));

		Api.Response me = this.api.get("/api/me", forged);

		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(me.text()).doesNotContain(user.email());
	}

	@Test
	void refusesTheSameSourceAfterFiveWrongPasswords() {
		TestData.User user = this.data.user("Nurlan");
		for (int i = 0; i < 5; i++) {
			assertThat(login(user.email(), "wrong-password-" + i).status()).isIn(401, 429);
		}

		Api.Response locked = login(user.email(), TestData.PASSWORD);

		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
		assertThat(locked.contentType()).startsWith("application/problem+json");
		assertThat(locked.header("Retry-After")).isNotNull();
		assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
		// another account from the same source is not affected
		TestData.User other = this.data.user("Olzhas");
		assertThat(login(other.email(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void fourWrongPasswordsDoNotLockTheAccount() {
		TestData.User user = this.data.user("Perizat");
		for (int i = 0; i < 4; i++) {
			assertThat(login(user.email(), "wrong-password-" + i).status()).isEqualTo(401);
		}

		assertThat(login(user.email(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void asksForBearerTokenWhenNoneIsGiven() {
		Api.Response me = this.api.get("/api/me", null);

		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(me.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(me.json().path("status").asInt()).isEqualTo(401);
	}

	@Test
	void refusesGarbageBearerToken() {
		Api.Response me = this.api.get("/api/me", "not.a.jwt");

		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
	}

	private JwtClaimsSet claimsLike(TestData.User user, Instant issuedAt, Instant expiresAt) {
		String sid = this.jwtDecoder.decode(user.token()).getClaimAsString("sid");
		assertThat(sid).isNotBlank();
		return JwtClaimsSet.builder()
			.issuer("prometric-erp")
			.subject(user.id().toString())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim("email", user.email())
			.claim("sid", sid)
			.build();
	}

	private static String sign(JwtEncoder encoder, JwtClaimsSet claims) {
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private Api.Response login(String email, String password) {
		return this.api.post("/api/auth/login", null, Map.of("email", email, "password", password));
	}

	private Api.Response refresh(String refreshToken) {
		return this.api.post("/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
	}

	private static Map<String, Object> validRegistration() {
		Map<String, Object> body = new HashMap<>();
		body.put("email", "valid-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz");
		body.put("password", "long-enough-password");
		body.put("firstName", "Valid");
		body.put("lastName", "Person");
		return body;
	}

}
