package kz.prometric.erp.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the API answers a 4xx problem naming what is wrong, never a
 * 500 or a stack trace.
 */
@ErpIntegrationTest
class MalformedInputApiTests {

	private static final int LIMIT = 1024 * 1024;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "{\"name\": \"Unclosed", "{\"name\": \"A\",}", "<xml/>", "{} {}",
			"{\"name\":\"A\"\"bin\":\"1\"}" })
	void refusesMalformedJson(String body) {
		TestData.User user = this.data.user("Aliya");

		Api.Response response = this.api.post("/api/organizations", user.token(), body);

		assertCleanProblem(response, 400);
		assertThat(countOrganizations(user)).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wronglyTypedBodies")
	void namesTheFieldOfTheWrongType(String path, String body, String field) {
		TestData.User user = this.data.user("Beibit");
		TestData.Org org = this.data.organization(user, "Beibit Typed");

		Api.Response response = this.api.post(
				path.replace("{ws}", org.workspaceId().toString()).replace("{org}", org.id().toString()), user.token(),
				body);

		assertCleanProblem(response, 400);
		assertThat(response.errorFields()).containsExactly(field);
	}

	static Stream<Arguments> wronglyTypedBodies() {
		return Stream.of(Arguments.of("/api/organizations", "{\"name\": 5, \"bin\": []}", "bin"),
				Arguments.of("/api/organizations", "{\"name\": {\"first\": 1}, \"bin\": \"940140000385\"}", "name"),
				Arguments.of("/api/workspaces/{ws}/invitations", "{\"email\": \"king@example.kz\", \"role\": \"KING\"}",
						"role"),
				Arguments.of("/api/workspaces/{ws}/invitations",
						"{\"email\": \"king@example.kz\", \"role\": [\"ADMIN\"]}", "role"),
				Arguments.of("/api/organizations/{org}/employees",
						"{\"name\": \"E\", \"email\": \"e@example.kz\", \"departmentId\": \"not-a-uuid\"}",
						"departmentId"),
				Arguments.of("/api/organizations/{org}/employees",
						"{\"name\": \"E\", \"email\": \"e@example.kz\", \"organizationRole\": \"EMPEROR\"}",
						"organizationRole"));
	}

	@Test
	void refusesWrongTypeWithoutBeingLoggedIn() {
		Api.Response response = this.api.post("/api/auth/login", null, "{\"email\": [], \"password\": \"x\"}");

		assertCleanProblem(response, 400);
		assertThat(response.errorFields()).containsExactly("email");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"a string\"", "42", "true" })
	void refusesBodyThatIsNotAnObject(String body) {
		TestData.User user = this.data.user("Dilnaz");

		Api.Response response = this.api.post("/api/organizations", user.token(), body);

		assertCleanProblem(response, 400);
	}

	@Test
	void refusesMissingBody() {
		TestData.User user = this.data.user("Ermek");

		Api.Response noBody = this.api.post("/api/organizations", user.token(), null);
		Api.Response emptyJson = this.api.send("POST", "/api/organizations", user.token(), null,
				Map.of("Content-Type", "application/json"));
		Api.Response jsonNull = this.api.post("/api/organizations", user.token(), "null");

		assertCleanProblem(noBody, 400);
		assertCleanProblem(emptyJson, 400);
		assertCleanProblem(jsonNull, 400);
		assertThat(countOrganizations(user)).isZero();
	}

	@Test
	void refusesDeeplyNestedJson() {
		TestData.User user = this.data.user("Farkhad");
		String nested = "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + ", \"bin\": \"940140000385\"}";

		Api.Response response = this.api.post("/api/organizations", user.token(), nested);

		assertCleanProblem(response, 400);
	}

	@Test
	void refusesBodyOverTheLimitAnnouncedByContentLength() throws Exception {
		TestData.User user = this.data.user("Gaziz");
		byte[] body = oversizedJson();

		HttpResponse<String> response = this.client.send(
				request("/api/organizations", user.token()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertCleanProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), 413);
		assertThat(countOrganizations(user)).isZero();
	}

	@Test
	void refusesChunkedBodyOverTheLimit() throws Exception {
		TestData.User user = this.data.user("Inkar");
		byte[] body = oversizedJson();
		HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers
			.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
		assertThat(chunked.contentLength()).as("unknown length, so sent chunked").isNegative();

		HttpResponse<String> response = this.client.send(
				request("/api/organizations", user.token()).POST(chunked).build(),
				HttpResponse.BodyHandlers.ofString());

		assertCleanProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), 413);
		assertThat(countOrganizations(user)).isZero();
	}

	@Test
	void refusesOversizedBodyBeforeAuthentication() throws Exception {
		HttpResponse<String> response = this.client
			.send(request("/api/auth/register", null).POST(HttpRequest.BodyPublishers.ofByteArray(oversizedJson()))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertCleanProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), 413);
	}

	@Test
	void acceptsBodyJustUnderTheLimitAndValidatesIt() throws Exception {
		TestData.User user = this.data.user("Kamshat");
		String padding = "x".repeat(LIMIT - 200);
		byte[] body = ("{\"name\": \"" + padding + "\", \"bin\": \"" + TestData.nextBin() + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(body.length).isLessThan(LIMIT);

		HttpResponse<String> sized = this.client.send(
				request("/api/organizations", user.token()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chunked = this.client.send(request("/api/organizations", user.token())
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)))
			.build(), HttpResponse.BodyHandlers.ofString());

		// read in full and refused by validation (name too long), not by the size limit
		for (HttpResponse<String> response : List.of(sized, chunked)) {
			assertCleanProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), 400);
			assertThat(response.body()).contains("\"field\":\"name\"");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/x-www-form-urlencoded" })
	void refusesBodyThatIsNotJson(String contentType) {
		TestData.User user = this.data.user("Lyazat");

		Api.Response response = this.api.send("POST", "/api/organizations", user.token(),
				"{\"name\": \"Plain\", \"bin\": \"" + TestData.nextBin() + "\"}", Map.of("Content-Type", contentType));

		assertCleanProblem(response, 415);
		assertThat(countOrganizations(user)).isZero();
	}

	@Test
	void refusesTextThatTheDatabaseCannotStore() {
		TestData.User user = this.data.user("Nurlan");

		Api.Response response = this.api.post("/api/organizations", user.token(),
				"{\"name\": \"Null\\u0000Byte LLP\", \"bin\": \"" + TestData.nextBin() + "\"}");

		assertCleanProblem(response, 400);
		assertThat(countOrganizations(user)).isZero();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("unsupportedMethods")
	void refusesUnsupportedMethod(String method, String path) {
		TestData.User user = this.data.user("Meruert");
		TestData.Org org = this.data.organization(user, "Meruert Methods");

		Api.Response response = this.api.send(method, path.replace("{org}", org.id().toString()), user.token(),
				method.equals("PUT") ? "{\"name\": \"Put\"}" : null, Map.of());

		assertCleanProblem(response, 405);
		assertThat(response.header("Allow")).isNotBlank();
	}

	static Stream<Arguments> unsupportedMethods() {
		return Stream.of(Arguments.of("PUT", "/api/organizations/{org}"),
				Arguments.of("DELETE", "/api/organizations/{org}"), Arguments.of("DELETE", "/api/organizations"),
				Arguments.of("GET", "/api/auth/login"), Arguments.of("PATCH", "/api/me"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/nothing-here", "/api/organizations/x/y/z/w", "/api/me/extra" })
	void answersNotFoundForUnknownApiPath(String path) {
		TestData.User user = this.data.user("Nurzhan");

		Api.Response response = this.api.get(path, user.token());

		assertCleanProblem(response, 404);
	}

	private void assertCleanProblem(Api.Response response, int status) {
		assertCleanProblem(response.status(), response.contentType(), response.text(), status);
	}

	private static void assertCleanProblem(int actualStatus, String contentType, String body, int status) {
		assertThat(actualStatus).as(actualStatus + " " + body).isEqualTo(status);
		assertThat(contentType).startsWith("application/problem+json");
		assertThat(body).contains("\"status\":" + status)
			.doesNotContain("at kz.")
			.doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain("at java.");
	}

	private int countOrganizations(TestData.User user) {
		return this.api.get("/api/organizations", user.token()).json().path("total").asInt();
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.api.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** A syntactically valid JSON object of about 1.5 MB. */
	private static byte[] oversizedJson() {
		String padding = "x".repeat(LIMIT + LIMIT / 2);
		return ("{\"name\": \"" + padding + "\", \"bin\": \"940140000385\"}").getBytes(StandardCharsets.UTF_8);
	}

}
