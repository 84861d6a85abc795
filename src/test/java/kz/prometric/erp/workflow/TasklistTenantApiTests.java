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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One login everywhere: ERP users log in to Tasklist with their ERP password and see only
 * their workspaces' tasks.
 */
@ErpIntegrationTest
class TasklistTenantApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ObjectMapper mapper;

	@Test
	void workspaceMemberCompletesTaskThroughTasklistAndOthersDoNotSeeIt() throws Exception {
		TestData.User alice = this.data.user("Alice");
		TestData.Org acme = this.data.organization(alice, "Acme");
		TestData.User bob = this.data.user("Bob");
		TestData.Org globex = this.data.organization(bob, "Globex");
		ProcessInstance acmeReview = start(acme);
		ProcessInstance globexReview = start(globex);

		Tasklist aliceTasklist = Tasklist.login(this.api.baseUrl(), alice.email(), TestData.PASSWORD, this.mapper);
		JsonNode aliceTasks = aliceTasklist.get("/camunda/api/engine/engine/default/task");

		assertThat(aliceTasks).hasSize(1);
		assertThat(aliceTasks.get(0).path("processInstanceId").asText()).isEqualTo(acmeReview.getId());
		assertThat(aliceTasks.get(0).path("tenantId").asText()).isEqualTo(acme.workspaceId().toString());
		String taskId = aliceTasks.get(0).path("id").asText();

		JsonNode form = aliceTasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form");
		assertThat(form.path("id").asText()).isEqualTo("tasklist-smoke-review");

		Tasklist bobTasklist = Tasklist.login(this.api.baseUrl(), bob.email(), TestData.PASSWORD, this.mapper);
		assertThat(bobTasklist.status("/camunda/api/engine/engine/default/task/" + taskId)).isIn(403, 404);
		assertThat(bobTasklist.get("/camunda/api/engine/engine/default/task")).hasSize(1)
			.allSatisfy(t -> assertThat(t.path("processInstanceId").asText()).isEqualTo(globexReview.getId()));

		HttpResponse<String> submitted = aliceTasklist.post(
				"/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
				"{\"variables\":{\"comment\":{\"value\":\"Looks good\",\"type\":\"String\"},"
						+ "\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(acmeReview.getId()).count()).isZero();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(globexReview.getId()).count())
			.isEqualTo(1);
	}

	@Test
	void tasklistRefusesWrongPassword() throws Exception {
		TestData.User carol = this.data.user("Carol");

		int status = Tasklist.loginStatus(this.api.baseUrl(), carol.email(), "not-her-password");

		assertThat(status).isEqualTo(401);
	}

	private ProcessInstance start(TestData.Org org) {
		return this.runtime.startProcessInstanceByKey("tasklist-smoke",
				Map.of("workspaceId", org.workspaceId().toString()));
	}

	/**
	 * The Tasklist webapp's own REST API, used as the browser does: session cookie plus
	 * CSRF token.
	 */
	static final class Tasklist {

		private final String baseUrl;

		private final ObjectMapper mapper;

		private final HttpClient client;

		private final CookieManager cookies;

		private Tasklist(String baseUrl, ObjectMapper mapper, HttpClient client, CookieManager cookies) {
			this.baseUrl = baseUrl;
			this.mapper = mapper;
			this.client = client;
			this.cookies = cookies;
		}

		/**
		 * The webapp's per-session CSRF token, which the browser app echoes from its
		 * cookie into a header.
		 */
		private String csrfToken() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.reduce((first, last) -> last)
				.orElseThrow();
		}

		static Tasklist login(String baseUrl, String email, String password, ObjectMapper mapper) throws Exception {
			return login(baseUrl, email, password, mapper, "tasklist");
		}

		/** Logs in to one of the webapps: tasklist, cockpit or admin. */
		static Tasklist login(String baseUrl, String email, String password, ObjectMapper mapper, String app)
				throws Exception {
			CookieManager cookies = new CookieManager();
			HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
			HttpResponse<String> response = loginRequest(client, baseUrl, email, password, app);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return new Tasklist(baseUrl, mapper, client, cookies);
		}

		static int loginStatus(String baseUrl, String email, String password) throws Exception {
			return loginStatus(baseUrl, email, password, "tasklist");
		}

		static int loginStatus(String baseUrl, String email, String password, String app) throws Exception {
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			return loginRequest(client, baseUrl, email, password, app).statusCode();
		}

		private static HttpResponse<String> loginRequest(HttpClient client, String baseUrl, String email,
				String password, String app) throws Exception {
			// the first GET hands out the session and CSRF cookies, as the login page
			// does
			HttpResponse<String> page = client.send(
					HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build(),
					HttpResponse.BodyHandlers.ofString());
			String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
			String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8);
			return client
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", csrf)
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
		}

		JsonNode get(String path) throws Exception {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
			return this.mapper.readTree(response.body());
		}

		int status(String path) throws Exception {
			return this.client
				.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}

		HttpResponse<String> post(String path, String json) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json));
			request.header("X-XSRF-TOKEN", csrfToken())
				.header("Origin", this.baseUrl)
				.header("Referer", this.baseUrl + "/camunda/app/tasklist/default/");
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
