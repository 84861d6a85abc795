package kz.prometric.erp.shared;

import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper mapper;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

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

	@ParameterizedTest
	@ValueSource(strings = { "/orders/{random}/history?sort=nope:sort",
			"/orders/{random}/history?sort=changedAt,up:sort", "/orders/{random}/history?page=0:page",
			"/orders/{random}/history?size=1000:size", "/invoices?overdue=maybe:overdue", "/invoices?q={long}:q",
			"/orders?q={long}:q", "/warehouses?q={longer}:q", "/warehouses?q=ok&sort=address:sort",
			"/deals?page=501:page", "/customers?page=101&size=100:page", "/orders?page=10001&size=1:page",
			"/invoices?page=501&q=x:page", "/process-deployments?sort=name:sort", "/process-deployments?page=0:page",
			"/process-deployments?size=101:size", "/process-deployments?sort=deployedAt,up:sort",
			"/analytics/sales?groupBy=year:groupBy", "/analytics/sales?from=2026-13-01:from",
			"/analytics/sales?from=2010-01-01&to=2026-01-01&groupBy=day:from",
			"/analytics/win-rate?from=2026-03-01&to=2026-01-01:to", "/analytics/win-rate?to=yesterday:to",
			"/analytics/receivables-aging?asOf=nope:asOf", "/analytics/receivables-aging?asOf=1899-12-31:asOf",
			"/analytics/process-figures?from=2026-02-30:from", "/analytics/forecast?from=2026-13:from",
			"/analytics/forecast?from=2026-05&to=2026-01:to", "/analytics/exports?page=0:page",
			"/analytics/exports?size=101:size", "/analytics/exports?sort=report:sort",
			"/analytics/exports?page=10002&size=1:page" })
	void refusesBadQueryParametersOfTheHistoryAndListRoutesNamingThem(String pathAndField) {
		TestData.User user = this.data.user("Gulnara");
		TestData.Org org = this.data.organization(user, "Query Trade");
		String path = pathAndField.substring(0, pathAndField.lastIndexOf(':'))
			.replace("{random}", UUID.randomUUID().toString())
			.replace("{long}", "x".repeat(51))
			.replace("{longer}", "x".repeat(101));
		String field = pathAndField.substring(pathAndField.lastIndexOf(':') + 1);

		Api.Response response = this.api.get("/api/workspaces/" + org.workspaceId() + path, user.token());

		assertCleanProblem(response, 400);
		assertThat(response.text()).contains(field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}:report", "{\"report\":\"deals\"}:format",
			"{\"report\":\"payroll\",\"format\":\"csv\"}:report", "{\"report\":\"deals\",\"format\":\"pdf\"}:format",
			"{\"report\":\"deals\",\"format\":\"csv\",\"parameters\":{\"from\":\"2026-01-01\"}}:parameters.from",
			"{\"report\":\"sales\",\"format\":\"csv\",\"parameters\":{\"groupBy\":\"year\"}}:parameters.groupBy",
			"{\"report\":\"sales\",\"format\":\"xlsx\",\"parameters\":{\"from\":\"2026-13-01\"}}:parameters.from",
			"{\"report\":\"sales\",\"format\":\"csv\",\"parameters\":{\"from\":\"2026-03-01\",\"to\":\"2026-01-01\"}}:parameters.to",
			"{\"report\":\"sales\",\"format\":\"csv\",\"parameters\":{\"from\":\"2010-01-01\",\"to\":\"2026-01-01\",\"groupBy\":\"day\"}}:parameters.from",
			"{\"report\":\"forecast\",\"format\":\"csv\",\"parameters\":{\"from\":\"2026-05\",\"to\":\"2026-01\"}}:parameters.to",
			"{\"report\":\"receivables-aging\",\"format\":\"csv\",\"parameters\":{\"asOf\":\"1899-12-31\"}}:parameters.asOf",
			"{\"report\":\"process-figures\",\"format\":\"csv\",\"parameters\":{\"from\":7}}:parameters.from",
			"{\"report\":\"pipeline\",\"format\":\"csv\",\"parameters\":[]}:parameters" })
	void refusesBadReportExportsNamingTheField(String bodyAndField) {
		TestData.User user = this.data.user("Dana");
		TestData.Org org = this.data.organization(user, "Export Trade");
		String body = bodyAndField.substring(0, bodyAndField.lastIndexOf(':'));
		String field = bodyAndField.substring(bodyAndField.lastIndexOf(':') + 1);

		Api.Response response = this.api.post("/api/workspaces/" + org.workspaceId() + "/analytics/exports",
				user.token(), body);

		assertCleanProblem(response, 400);
		assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId() + "/analytics/exports", user.token())
			.json()
			.path("total")
			.asInt()).as("nothing queued").isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/notifications?page=0:page", "GET /api/notifications?size=101:size",
			"GET /api/notifications?sort=title:sort", "GET /api/notifications?unread=maybe:unread",
			"GET /api/notifications?workspaceId=nope:workspaceId",
			"GET /api/notifications/unread-count?workspaceId=nope:workspaceId",
			"POST /api/notifications/read-all?workspaceId=nope:workspaceId",
			"POST /api/notifications/not-a-uuid/read:404",
			"PUT /api/notifications/preferences {\"preferences\":{\"deal.nope\":\"NONE\"}}:preferences.deal.nope",
			"PUT /api/notifications/preferences {\"preferences\":{\"deal.won\":\"PIGEON\"}}:preferences",
			"PUT /api/notifications/preferences {\"preferences\":[\"deal.won\"]}:preferences",
			"PUT /api/notifications/preferences {}:preferences" })
	void refusesBadInputOfTheNotificationRoutesNamingIt(String call) {
		TestData.User user = this.data.user("Notified");
		String method = call.substring(0, call.indexOf(' '));
		String rest = call.substring(call.indexOf(' ') + 1, call.lastIndexOf(':'));
		String expected = call.substring(call.lastIndexOf(':') + 1);
		String path = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
		String body = rest.contains(" ") ? rest.substring(rest.indexOf(' ') + 1) : null;

		Api.Response response = this.api.send(method, path, user.token(), body, Map.of());

		if (expected.equals("404")) {
			assertCleanProblem(response, 404);
			return;
		}
		assertCleanProblem(response, 400);
		assertThat(response.text()).contains(expected);
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
						"organizationRole"),
				Arguments.of("/api/workspaces/{ws}/teams", "{\"code\": [\"it\"], \"name\": \"IT\"}", "code"),
				Arguments.of("/api/workspaces/{ws}/teams", "{\"code\": \"it\", \"name\": {\"en\": \"IT\"}}", "name"),
				Arguments.of("/api/workspaces/{ws}/process-migrations",
						"{\"processKey\": \"deal-lifecycle\", \"dryRun\": \"maybe\"}", "dryRun"),
				Arguments.of("/api/workspaces/{ws}/process-migrations",
						"{\"processKey\": [\"deal-lifecycle\"], \"dryRun\": true}", "processKey"),
				Arguments.of("/api/workspaces/{ws}/process-migrations",
						"{\"processKey\": \"deal-lifecycle\", \"targetDefinitionId\": [\"x\"], \"dryRun\": true}",
						"targetDefinitionId"),
				Arguments.of("/api/workspaces/{ws}/webhooks", "{\"url\": {\"href\": \"x\"}, \"events\": [\"*\"]}",
						"url"),
				Arguments.of("/api/workspaces/{ws}/webhooks",
						"{\"url\": \"https://203.0.113.10/h\", \"events\": \"deal.won\"}", "events"),
				Arguments.of("/api/workspaces/{ws}/webhooks",
						"{\"url\": \"https://203.0.113.10/h\", \"events\": [\"*\"], \"active\": \"maybe\"}", "active"));
	}

	/**
	 * A workspace deployment with no file, a file that is neither BPMN, DMN nor a form,
	 * XML that is not well-formed, a BPMN the engine cannot parse, an over-long name: 422
	 * naming the field, nothing deployed; the process owner right with a non-boolean:
	 * 400.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "none", "evil.js", "broken.bpmn", "unparseable.bpmn", "long-name" })
	void refusesMalformedProcessDeploymentsNamingTheField(String kind) {
		TestData.User user = this.data.user("Asem");
		TestData.Org org = this.data.organization(user, "Deploying Trade");
		String boundary = "----MalformedDeployment";
		String field = "files";
		StringBuilder body = new StringBuilder();
		if (kind.equals("long-name")) {
			body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
				.append("x".repeat(201))
				.append("\r\n");
			field = "deployment-name";
		}
		String content = switch (kind) {
			case "evil.js" -> "java.lang.Runtime.getRuntime().exec('id')";
			case "broken.bpmn" -> "<definitions><process id=\"p\"";
			case "unparseable.bpmn", "long-name" -> """
					<?xml version="1.0" encoding="UTF-8"?>
					<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
					  <process id="broken-process" isExecutable="true"><startEvent id="StartEvent_A"/>
					    <sequenceFlow id="Flow_A" sourceRef="StartEvent_A" targetRef="Nowhere"/></process>
					</definitions>""";
			default -> null;
		};
		if (content != null) {
			String name = kind.equals("long-name") ? "ok.bpmn" : kind;
			body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
				.append(name)
				.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.append(content)
				.append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");

		Api.Response response = this.api.send("POST", "/api/workspaces/" + org.workspaceId() + "/process-deployments",
				user.token(), body.toString(), Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));

		assertCleanProblem(response, 422);
		assertThat(response.errorFields()).contains(field);
		assertThat(this.api.send("PUT",
				"/api/workspaces/" + org.workspaceId() + "/members/" + user.id() + "/process-owner", user.token(),
				"{\"processOwner\": \"maybe\"}", Map.of()))
			.satisfies(r -> assertCleanProblem(r, 400))
			.satisfies(r -> assertThat(r.errorFields()).containsExactly("processOwner"));
	}

	/**
	 * The way back to the shared default with a kind or key the workspace does not have,
	 * or a key it does not own: 404, or 422 naming {@code key}; a deployment id that is
	 * none: 404.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@ValueSource(strings = { "POST /process-versions/nonsense/deal-probability/reset-to-default:404",
			"POST /process-versions/decision/no-such-table/reset-to-default:404",
			"POST /process-versions/form/qualify-deal/reset-to-default:404",
			"POST /process-versions/PROCESS/deal-lifecycle/reset-to-default:404",
			"POST /process-versions/decision/deal-probability/reset-to-default:422",
			"POST /process-versions/process/deal-lifecycle/reset-to-default:422",
			"GET /process-deployments/not-a-deployment:404", "GET /process-deployments/%20:404" })
	void refusesResetsOfWhatTheWorkspaceDoesNotOwnAndUnknownDeployments(String call) {
		TestData.User user = this.data.user("Dariga");
		TestData.Org org = this.data.organization(user, "Versions Trade");
		String method = call.substring(0, call.indexOf(' '));
		String path = call.substring(call.indexOf(' ') + 1, call.lastIndexOf(':'));
		int status = Integer.parseInt(call.substring(call.lastIndexOf(':') + 1));

		Api.Response response = this.api.send(method, "/api/workspaces/" + org.workspaceId() + path, user.token(), null,
				Map.of());

		assertCleanProblem(response, status);
		if (status == 422) {
			assertThat(response.errorFields()).containsExactly("key");
		}
	}

	/**
	 * The document upload (multipart): a missing, empty, disguised or unknown file, a bad
	 * object type or id, a broken multipart body, and a malformed approval amount are 4xx
	 * problems naming what is wrong, never a 500.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "no-file:file:422", "empty-file:file:422", "html:file:422", "bad-type:objectType:400",
			"bad-id:objectId:400", "bad-kind:kind:400", "broken-boundary::400", "cut-off::400",
			"approval-amount:amount:400" })
	void refusesMalformedDocumentUploadsNamingTheField(String spec) {
		String[] parts = spec.split(":", -1);
		String kind = parts[0];
		Fixture f = fixture();
		String boundary = "----malformed" + UUID.randomUUID();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("objectType", kind.equals("bad-type") ? "planet" : "customer");
		fields.put("objectId", kind.equals("bad-id") ? "not-a-uuid" : f.customerId().toString());
		if (kind.equals("bad-kind")) {
			fields.put("kind", "poem");
		}
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		if (!kind.equals("no-file")) {
			String content = switch (kind) {
				case "empty-file" -> "";
				case "html" -> "<html><script>alert(1)</script></html>";
				default -> "plain text";
			};
			body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n")
				.append(content)
				.append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		String text = body.toString();
		String contentType = "multipart/form-data; boundary=" + boundary;
		if (kind.equals("broken-boundary")) {
			contentType = "multipart/form-data; boundary=----nothing-like-it";
		}
		if (kind.equals("cut-off")) {
			text = text.substring(0, text.length() - 30);
		}
		Api.Response response;
		if (kind.equals("approval-amount")) {
			response = this.api.post(f.ws() + "/documents/" + UUID.randomUUID() + "/approval", f.owner().token(),
					"{\"amount\": \"a lot\"}");
		}
		else {
			response = this.api.send("POST", f.ws() + "/documents", f.owner().token(), text,
					Map.of("Content-Type", contentType));
		}

		assertCleanProblem(response, Integer.parseInt(parts[2]));
		if (!parts[1].isEmpty()) {
			assertThat(response.errorFields()).containsExactly(parts[1]);
		}
	}

	/**
	 * The password, invitation-link and language endpoints: a wrong or malformed field is
	 * a 400 problem naming it, with or without a login.
	 */
	@ParameterizedTest(name = "{0} {1} -> {3}")
	@MethodSource("badAccountInputs")
	void namesTheBadFieldOfTheAccountEndpoints(String method, String path, String body, String field,
			boolean loggedIn) {
		String token = loggedIn ? fixture().owner().token() : null;

		Api.Response response = this.api.send(method, path, token, body, Map.of());

		assertCleanProblem(response, 400);
		assertThat(response.errorFields()).containsExactly(field);
	}

	static Stream<Arguments> badAccountInputs() {
		return Stream.of(
				Arguments.of("POST", "/api/auth/forgot-password", "{\"email\": \"not-an-address\"}", "email", false),
				Arguments.of("POST", "/api/auth/forgot-password", "{\"email\": [\"a@example.kz\"]}", "email", false),
				Arguments.of("POST", "/api/auth/forgot-password", "{}", "email", false),
				Arguments.of("POST", "/api/auth/reset-password", "{\"token\": \"t\", \"newPassword\": \"short\"}",
						"newPassword", false),
				Arguments.of("POST", "/api/auth/reset-password",
						"{\"token\": \"" + "t".repeat(201) + "\", \"newPassword\": \"long-enough-1\"}", "token", false),
				Arguments.of("POST", "/api/auth/reset-password",
						"{\"token\": \"t\", \"newPassword\": \"" + "\u0416".repeat(40) + "\"}", "newPassword", false),
				Arguments.of("POST", "/api/auth/change-password",
						"{\"currentPassword\": [\"x\"], \"newPassword\": \"long-enough-1\"}", "currentPassword", true),
				Arguments.of("POST", "/api/auth/change-password",
						"{\"currentPassword\": \"x\", \"newPassword\": \"" + "x".repeat(73) + "\"}", "newPassword",
						true),
				Arguments.of("PATCH", "/api/me", "{\"locale\": \"de\"}", "locale", true),
				Arguments.of("PATCH", "/api/me", "{\"locale\": [\"ru\"]}", "locale", true),
				Arguments.of("POST", "/api/auth/invitation", "{\"token\": \"\"}", "token", false),
				Arguments.of("POST", "/api/auth/register-invited",
						"{\"token\": \"t\", \"password\": \"short\", \"firstName\": \"A\", \"lastName\": \"B\"}",
						"password", false),
				Arguments.of("POST", "/api/invitations/accept", "{\"token\": {\"a\": 1}}", "token", true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/deals/forecast?from=2027-13", "/deals/forecast?to=yesterday",
			"/deals/forecast?from=2027-05&to=2027-01", "/deals/forecast?from=2027-1", "/deals/forecast?from=99999-01",
			"/deals/forecast?to=1000-01" })
	void refusesMalformedMonthsOfTheForecast(String query) {
		Fixture f = fixture();

		Api.Response response = this.api.get(f.ws() + query, f.owner().token());

		assertCleanProblem(response, 400);
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
				Arguments.of("GET", "/api/auth/login"), Arguments.of("PUT", "/api/me"),
				Arguments.of("GET", "/api/auth/reset-password"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/nothing-here", "/api/organizations/x/y/z/w", "/api/me/extra" })
	void answersNotFoundForUnknownApiPath(String path) {
		TestData.User user = this.data.user("Nurzhan");

		Api.Response response = this.api.get(path, user.token());

		assertCleanProblem(response, 404);
	}

	// the inputs of issue 8: duplicated keys, unknown fields, control characters, absurd
	// decimals and dates, on representative writes; nothing is written

	@ParameterizedTest(name = "{0}")
	@MethodSource("representativeWrites")
	void refusesADuplicatedKeyNamingTheField(String route, String textField, String decimalField, String dateField) {
		Write write = write(route);
		String json = write.json();
		String duplicated = "{\"" + textField + "\": \"first\", " + json.substring(1);

		Api.Response response = this.api.post(write.path(), fixture().owner().token(), duplicated);

		assertCleanProblem(response, 400);
		assertThat(response.errorFields()).containsExactly(textField);
		assertThat(response.text()).contains("more than once");
		assertNothingWritten(write);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("representativeWrites")
	void refusesAnUnknownFieldNamingIt(String route, String textField, String decimalField, String dateField) {
		Write write = write(route);
		String withUnknown = "{\"refundEverything\": true, " + write.json().substring(1);

		Api.Response response = this.api.post(write.path(), fixture().owner().token(), withUnknown);

		assertCleanProblem(response, 400);
		assertThat(response.errorFields()).containsExactly("refundEverything");
		assertNothingWritten(write);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("representativeWrites")
	void refusesControlCharactersInTextNamingTheField(String route, String textField, String decimalField,
			String dateField) {
		for (String character : List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f")) {
			Write write = write(route);
			String json = write.with(textField, "\"bad" + character + "text\"");

			Api.Response response = this.api.post(write.path(), fixture().owner().token(), json);

			assertCleanProblem(response, 400);
			assertThat(response.errorFields()).as(character).containsExactly(textField);
			assertNothingWritten(write);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("representativeWrites")
	void refusesAbsurdDecimalsNamingTheFieldAtOnce(String route, String textField, String decimalField,
			String dateField) {
		if (decimalField == null) {
			return;
		}
		for (String number : List.of("1e999999999", "-1e999999999", "1e-999999999", "\"1e999999999\"",
				"123456789012345678", "1.0001", "0.00000000000000000000001")) {
			Write write = write(route);
			String json = write.with(decimalField, number);
			long started = System.nanoTime();

			Api.Response response = this.api.post(write.path(), fixture().owner().token(), json);

			assertCleanProblem(response, 400);
			assertThat(response.errorFields()).as(number).containsExactly(decimalField);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as(number).isLessThan(Duration.ofSeconds(5));
			assertNothingWritten(write);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("representativeWrites")
	void refusesDatesOutsideYears1900To9999NamingTheField(String route, String textField, String decimalField,
			String dateField) {
		if (dateField == null) {
			return;
		}
		for (String date : List.of("+999999999-12-31", "-999999999-01-01", "0001-01-01", "1899-12-31",
				"+10000-01-01")) {
			Write write = write(route);
			String json = write.with(dateField, "\"" + date + "\"");

			Api.Response response = this.api.post(write.path(), fixture().owner().token(), json);

			assertCleanProblem(response, 400);
			assertThat(response.errorFields()).as(date).containsExactly(dateField);
			assertNothingWritten(write);
		}
	}

	@Test
	void refusesAbsurdMinimumQuantitiesNamingTheField() {
		Fixture f = fixture();
		String path = f.ws() + "/warehouses/" + f.warehouseId() + "/minimums/" + f.productId();
		for (String number : List.of("1e999999999", "-1e999999999", "1e-999999999", "\"1e999999999\"",
				"12345678901234567", "1.0001", "-0.001", "\"ten\"", "[]")) {
			Api.Response response = this.api.send("PUT", path, f.owner().token(),
					"{\"minimumQuantity\": " + number + "}", Map.of());

			assertCleanProblem(response, 400);
			assertThat(response.errorFields()).as(number).containsExactly("minimumQuantity");
		}
		Api.Response minimums = this.api.get(f.ws() + "/warehouses/" + f.warehouseId() + "/minimums",
				f.owner().token());
		assertThat(minimums.status()).isEqualTo(200);
		assertThat(minimums.json().size()).isZero();
	}

	static Stream<Arguments> representativeWrites() {
		return Stream.of(Arguments.of("customers", "name", null, null),
				Arguments.of("deals", "title", "value", "expectedCloseDate"),
				Arguments.of("products", "name", "price", null),
				Arguments.of("stock receipts", "note", "quantity", null),
				Arguments.of("payments", "reference", "amount", "paidOn"),
				Arguments.of("credit notes", "reason", null, null), Arguments.of("teams", "name", null, null));
	}

	/**
	 * An order's delivery address (PATCH of an order, and the optional field of a new
	 * order): missing, blank, too long, of the wrong type, with a NUL or given twice is a
	 * 400 naming {@code deliveryAddress}; nothing changes.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"deliveryAddress\": null}", "{\"deliveryAddress\": \" \\t \\n \"}",
			"{\"deliveryAddress\": [\"Almaty\"]}", "{\"deliveryAddress\": {\"city\": \"Almaty\"}}",
			"{\"deliveryAddress\": \"{long}\"}", "{\"deliveryAddress\": \"a\\u0000b\"}",
			"{\"deliveryAddress\": \"A 1\", \"deliveryAddress\": \"B 2\"}" })
	void refusesBadDeliveryAddressesOfAnOrderNamingTheField(String body) {
		Fixture f = fixture();
		Api.Response order = this.api.post(f.ws() + "/orders", f.owner().token(),
				Map.of("customerId", f.customerId(), "deliveryAddress", "Strict street 1", "lines",
						List.of(Map.of("productName", "Strict service", "quantity", "1", "unitPrice", "10.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		String path = f.ws() + "/orders/" + order.json().path("id").asText();
		String json = body.replace("{long}", "x".repeat(1001));
		int before = this.api.get(f.ws() + "/orders", f.owner().token()).json().path("total").asInt();

		Api.Response patched = this.api.send("PATCH", path, f.owner().token(), json, Map.of());

		assertCleanProblem(patched, 400);
		assertThat(patched.errorFields()).containsExactly("deliveryAddress");
		assertThat(this.api.get(path, f.owner().token()).json().path("deliveryAddress").asText())
			.isEqualTo("Strict street 1");
		if (json.equals("{}") || json.contains(": null")) {
			// a new order may leave it out: it gets the customer's address
			return;
		}
		Api.Response created = this.api.post(f.ws() + "/orders", f.owner().token(),
				"{\"customerId\": \"" + f.customerId() + "\", \"lines\": [{\"productName\": \"S\", "
						+ "\"quantity\": \"1\", \"unitPrice\": \"1.00\"}], " + json.substring(1));
		assertCleanProblem(created, 400);
		assertThat(created.errorFields()).containsExactly("deliveryAddress");
		assertThat(this.api.get(f.ws() + "/orders", f.owner().token()).json().path("total").asInt()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort=nope", "sort=at,sideways", "page=0", "size=1000", "page=abc" })
	void refusesBadPagingOfADealsHistoryNamingTheParameter(String query) {
		Fixture f = fixture();
		String deal = this.data.deal(f.owner(), f.workspaceId(), f.customerId(), "History paging", Map.of())
			.path("id")
			.asText();

		Api.Response response = this.api.get(f.ws() + "/deals/" + deal + "/history?" + query, f.owner().token());

		assertCleanProblem(response, 400);
		assertThat(response.errorFields()).containsExactly(query.substring(0, query.indexOf('=')));
	}

	@Test
	void acceptsDecimalsWithinTheBoundsAndAnswersThemInFixedDecimals() {
		Fixture f = fixture();
		Api.Response product = this.api.post(f.ws() + "/products", f.owner().token(), "{\"code\": \"B-"
				+ UUID.randomUUID().toString().substring(0, 8)
				+ "\", \"name\": \"Bounded\", \"unit\": \"pcs\", \"price\": 12345678901234567.8, \"cost\": 1.25E7}");
		Api.Response receipt = this.api.post(f.ws() + "/stock/receipts", f.owner().token(), "{\"warehouseId\": \""
				+ f.warehouseId() + "\", \"productId\": \"" + f.productId() + "\", \"quantity\": 2.5E1}");

		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		assertThat(product.text()).contains("\"price\":12345678901234567.80", "\"cost\":12500000.00");
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
		assertThat(receipt.text()).contains("\"quantity\":25.000").doesNotContainPattern("[0-9]E[+-]?[0-9]");
	}

	@Test
	void refusesMalformedUrlEncodingWithAProblem() throws Exception {
		TestData.User user = fixture().owner();

		RawResponse path = raw("GET /api/workspaces/%zz HTTP/1.1\r\nAuthorization: Bearer " + user.token() + "\r\n");
		RawResponse nested = raw("GET /api/workspaces/%zz/customers HTTP/1.1\r\n");

		for (RawResponse response : List.of(path, nested)) {
			assertCleanProblem(response.status(), response.header("Content-Type"), response.body(), 400);
		}
	}

	@Test
	void refusesOversizedHeadersWithAProblem() throws Exception {
		RawResponse response = raw("GET /api/organizations HTTP/1.1\r\nX-Padding: " + "a".repeat(20 * 1024) + "\r\n");

		assertThat(response.status()).isBetween(400, 431);
		assertCleanProblem(response.status(), response.header("Content-Type"), response.body(), response.status());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/organizations", "/api/workspaces", "/camunda/app/tasklist/", "/engine-rest/task",
			"/engine-rest/engine", "/", "/actuator/health" })
	void refusesTraceEverywhereWithoutEchoingTheRequest(String path) throws Exception {
		TestData.User user = fixture().owner();

		RawResponse response = raw("TRACE " + path + " HTTP/1.1\r\nAuthorization: Bearer " + user.token()
				+ "\r\nCookie: JSESSIONID=secret-session\r\n");

		assertCleanProblem(response.status(), response.header("Content-Type"), response.body(), 405);
		assertThat(response.body()).doesNotContain(user.token()).doesNotContain("secret-session");
	}

	/**
	 * Every POST, PUT and PATCH route of the API that reads a JSON body, as registered
	 * (so a new endpoint is covered without touching this test): a duplicated key, an
	 * unknown field and a NUL are 4xx problems, never 5xx; where the caller may call the
	 * route, the answer is 400 naming the field. (Routes without a body, such as
	 * {@code /auth/logout} or {@code /archive}, ignore what is sent.)
	 */
	@Test
	void refusesBadBodiesOnEveryRegisteredWriteRoute() {
		Fixture f = fixture();
		List<String> checked = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((info, method) -> {
			Set<String> patterns = (info.getPathPatternsCondition() != null)
					? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
			for (String pattern : patterns) {
				if (!pattern.startsWith("/api")) {
					continue;
				}
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					if (verb == RequestMethod.POST || verb == RequestMethod.PUT || verb == RequestMethod.PATCH) {
						if (checkBadBodies(f, verb.name(), pattern, method)) {
							checked.add(verb + " " + pattern);
						}
					}
				}
			}
		});
		assertThat(checked).as("write routes found").hasSizeGreaterThan(20);
	}

	private boolean checkBadBodies(Fixture f, String verb, String pattern, HandlerMethod method) {
		String path = pattern.replace("{workspaceId}", f.workspaceId().toString())
			.replace("{orgId}", f.orgId().toString())
			.replace("{organizationId}", f.orgId().toString())
			.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		Class<?> bodyType = Arrays.stream(method.getMethodParameters())
			.filter(p -> p.hasParameterAnnotation(RequestBody.class))
			.map(MethodParameter::getParameterType)
			.findFirst()
			.orElse(null);
		if (bodyType == null) {
			return false;
		}
		String anyField = "field";
		String textField = null;
		if (bodyType.isRecord() && bodyType.getRecordComponents().length > 0) {
			anyField = bodyType.getRecordComponents()[0].getName();
			textField = Arrays.stream(bodyType.getRecordComponents())
				.filter(c -> c.getType() == String.class)
				.map(RecordComponent::getName)
				.findFirst()
				.orElse(null);
		}
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("duplicate " + anyField, "{\"" + anyField + "\": null, \"" + anyField + "\": null}");
		if (bodyType.isRecord()) {
			bodies.put("unknown noSuchField", "{\"noSuchField\": 1}");
		}
		if (textField != null) {
			bodies.put("NUL " + textField, "{\"" + textField + "\": \"a\\u0000b\"}");
		}
		bodies.forEach((what, body) -> {
			Api.Response response = this.api.send(verb, path, f.owner().token(), body, Map.of());
			String label = verb + " " + pattern + " with " + what + ": " + response;
			assertThat(response.status()).as(label).isBetween(400, 499);
			assertThat(response.contentType()).as(label).startsWith("application/problem+json");
			if (response.status() == 400) {
				assertThat(response.errorFields()).as(label).containsExactly(what.substring(what.indexOf(' ') + 1));
			}
		});
		return true;
	}

	private record Fixture(TestData.User owner, UUID orgId, UUID workspaceId, UUID customerId, UUID warehouseId,
			UUID productId, String ws) {
	}

	private static Fixture fixture;

	private synchronized Fixture fixture() {
		if (fixture == null) {
			TestData.User owner = this.data.user("Strict");
			TestData.Org org = this.data.organization(owner, "Strict Input LLP");
			String ws = "/api/workspaces/" + org.workspaceId();
			UUID customerId = this.data.customer(owner, org.workspaceId(), "Strict Buyer LLP");
			Api.Response warehouse = this.api.post(ws + "/warehouses", owner.token(),
					Map.of("code", "STRICT", "name", "Strict warehouse"));
			Api.Response product = this.api.post(ws + "/products", owner.token(),
					Map.of("code", "STRICT-1", "name", "Strict product", "unit", "pcs", "price", "10.00"));
			assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(201);
			assertThat(product.status()).as(product.toString()).isEqualTo(201);
			fixture = new Fixture(owner, org.id(), org.workspaceId(), customerId,
					UUID.fromString(warehouse.json().path("id").asText()),
					UUID.fromString(product.json().path("id").asText()), ws);
		}
		return fixture;
	}

	/** A valid write with one body, and the list that would show what it wrote. */
	private record Write(String path, Map<String, Object> body, String listPath, int countBefore,
			com.fasterxml.jackson.databind.ObjectMapper mapper) {

		String json() {
			try {
				return this.mapper.writeValueAsString(this.body);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The body with {@code field} set to {@code rawJson} (written as it is). */
		String with(String field, String rawJson) {
			Map<String, Object> rest = new LinkedHashMap<>(this.body);
			rest.remove(field);
			String others = new Write(this.path, rest, this.listPath, this.countBefore, this.mapper).json();
			return "{\"" + field + "\": " + rawJson + (rest.isEmpty() ? "}" : ", " + others.substring(1));
		}

	}

	private Write write(String route) {
		Fixture f = fixture();
		Map<String, Object> body = new LinkedHashMap<>();
		String path;
		String list = null;
		switch (route) {
			case "customers" -> {
				path = f.ws() + "/customers";
				list = path;
				body.put("type", "COMPANY");
				body.put("name", "Strict Customer");
				body.put("taxId", TestData.nextBin());
			}
			case "deals" -> {
				path = f.ws() + "/deals";
				list = path;
				body.put("customerId", f.customerId());
				body.put("title", "Strict deal");
				body.put("value", "100.00");
				body.put("expectedCloseDate", "2027-06-30");
			}
			case "products" -> {
				path = f.ws() + "/products";
				list = path;
				body.put("code", "S-" + UUID.randomUUID().toString().substring(0, 8));
				body.put("name", "Strict product");
				body.put("unit", "pcs");
				body.put("price", "10.00");
			}
			case "stock receipts" -> {
				path = f.ws() + "/stock/receipts";
				list = f.ws() + "/stock/movements";
				body.put("warehouseId", f.warehouseId());
				body.put("productId", f.productId());
				body.put("quantity", "1");
				body.put("note", "Strict receipt");
			}
			case "payments" -> {
				// the body is refused before the invoice is looked up
				path = f.ws() + "/invoices/" + UUID.randomUUID() + "/payments";
				body.put("amount", "10.00");
				body.put("paidOn", "2026-03-01");
				body.put("reference", "PP-1");
			}
			case "teams" -> {
				path = f.ws() + "/teams";
				list = path;
				body.put("code", "t-" + UUID.randomUUID().toString().substring(0, 8));
				body.put("name", "Strict team");
			}
			case "credit notes" -> {
				path = f.ws() + "/invoices/" + UUID.randomUUID() + "/credit-notes";
				body.put("reason", "Returned");
			}
			default -> throw new IllegalArgumentException(route);
		}
		int before = (list != null) ? this.api.get(list, f.owner().token()).json().path("total").asInt() : 0;
		return new Write(path, body, list, before, this.mapper);
	}

	private void assertNothingWritten(Write write) {
		if (write.listPath() != null) {
			assertThat(this.api.get(write.listPath(), fixture().owner().token()).json().path("total").asInt())
				.isEqualTo(write.countBefore());
		}
	}

	private record RawResponse(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/** A request written on the socket as it is (no client would send it). */
	private RawResponse raw(String head) throws Exception {
		URI base = URI.create(this.api.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Host: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, Math.max(0, end)).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new RawResponse(status, headers, text.substring(end + 4));
		}
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
