package kz.prometric.erp.workflow;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's own profile page (Tasklist's user menu, "My profile", in the welcome app)
 * cannot change an ERP password or profile: the engine's identity provider is read-only,
 * so the webapp's calls are refused and the password stays; people change it on
 * {@code /app/account}.
 */
@ErpIntegrationTest
class WebappProfileApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void theWelcomeAppsPasswordChangeIsRefusedAndChangesNothing() throws Exception {
		TestData.User user = this.data.user("Profile");
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/camunda/app/welcome/default/")).build(),
				HttpResponse.BodyHandlers.ofString());
		String form = "username=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> login = client.send(HttpRequest
			.newBuilder(URI.create(this.api.baseUrl() + "/camunda/api/admin/auth/user/default/login/welcome"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElse(""))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

		String base = this.api.baseUrl() + "/camunda/api/engine/engine/default/user/"
				+ URLEncoder.encode(user.email(), StandardCharsets.UTF_8);
		HttpResponse<String> password = client.send(HttpRequest.newBuilder(URI.create(base + "/credentials"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf(cookies))
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"password\": \"webapp-changed-1\", \"authenticatedUserPassword\": \"" + TestData.PASSWORD
						+ "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> profile = client.send(HttpRequest.newBuilder(URI.create(base + "/profile"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf(cookies))
			.PUT(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + user.email()
					+ "\", \"firstName\": \"Changed\", \"lastName\": \"InWebapp\", \"email\": \"" + user.email()
					+ "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(password.statusCode()).as(password.body()).isBetween(400, 499);
		assertThat(profile.statusCode()).as(profile.body()).isBetween(400, 499);
		assertThat(login(user.email(), "webapp-changed-1")).isEqualTo(401);
		assertThat(login(user.email(), TestData.PASSWORD)).isEqualTo(200);
		assertThat(this.api.get("/api/me", user.token()).json().path("firstName").asText()).isEqualTo("Profile");
	}

	private int login(String email, String password) {
		return this.api.post("/api/auth/login", null, Map.of("email", email, "password", password)).status();
	}

	private static String csrf(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElse("");
	}

}
