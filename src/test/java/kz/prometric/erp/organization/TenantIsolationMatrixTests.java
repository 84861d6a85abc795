package kz.prometric.erp.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that takes an organization, workspace or invitation id, called by a user of
 * another tenant: always 404 problem+json, indistinguishable from an unknown id, without
 * the other tenant's data, and without changing it.
 */
@ErpIntegrationTest
class TenantIsolationMatrixTests {

	/** Placeholders in the route templates, in the order they are replaced. */
	private static final List<String> PLACEHOLDERS = List.of("{org}", "{ws}", "{dept}", "{emp}", "{member}", "{inv}");

	/** Placeholders naming a record inside an organization or workspace. */
	private static final List<String> CHILD_PLACEHOLDERS = List.of("{dept}", "{emp}", "{member}", "{inv}");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	/** Every tenant-scoped route of the organization module's controllers. */
	static Stream<Arguments> routes() {
		return Stream.of(
				// OrganizationController
				route("GET", "/api/organizations/{org}", null),
				route("PATCH", "/api/organizations/{org}", Map.of("name", "Taken Over")),
				// DepartmentController
				route("POST", "/api/organizations/{org}/departments", Map.of("name", "Injected")),
				route("GET", "/api/organizations/{org}/departments", null),
				route("GET", "/api/organizations/{org}/departments/{dept}", null),
				route("PATCH", "/api/organizations/{org}/departments/{dept}", Map.of("name", "Injected")),
				route("DELETE", "/api/organizations/{org}/departments/{dept}", null),
				// EmployeeController
				route("POST", "/api/organizations/{org}/employees",
						Map.of("name", "Injected", "email", "injected@example.kz")),
				route("GET", "/api/organizations/{org}/employees", null),
				route("GET", "/api/organizations/{org}/employees/{emp}", null),
				route("PATCH", "/api/organizations/{org}/employees/{emp}", Map.of("name", "Injected")),
				// WorkspaceController
				route("GET", "/api/workspaces/{ws}", null), route("GET", "/api/workspaces/{ws}/members", null),
				route("PATCH", "/api/workspaces/{ws}/members/{member}", Map.of("role", "MANAGER")),
				route("DELETE", "/api/workspaces/{ws}/members/{member}", null),
				route("POST", "/api/workspaces/{ws}/invitations",
						Map.of("email", "injected@example.kz", "role", "MEMBER")),
				route("GET", "/api/workspaces/{ws}/invitations", null),
				route("DELETE", "/api/workspaces/{ws}/invitations/{inv}", null),
				// InvitationController
				route("POST", "/api/invitations/{inv}/accept", null),
				route("POST", "/api/invitations/{inv}/decline", null));
	}

	/** The routes that address a record inside a parent the caller may own. */
	static Stream<Arguments> routesWithChildIds() {
		return routes().filter(a -> {
			String template = (String) a.get()[1];
			return CHILD_PLACEHOLDERS.stream().anyMatch(template::contains) && !template.startsWith("/api/invitations");
		});
	}

	/** The read routes, for the control test. */
	static Stream<Arguments> readRoutes() {
		return routes().filter(a -> a.get()[0].equals("GET"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void hidesAnotherTenantsRecords(String method, String template, Object body) {
		Tenant a = tenant("Alpha");
		Tenant b = tenant("Bravo");
		String before = snapshot(a);
		String path = resolve(template, a.ids());

		Api.Response response = this.api.send(method, path, b.owner().token(), body, Map.of());

		assertNotFound(response);
		assertNoLeak(response, a, path);
		Map<String, String> unknownIds = randomIds();
		Api.Response unknown = this.api.send(method, resolve(template, unknownIds), b.owner().token(), body, Map.of());
		assertThat(comparable(response, a.ids())).as("same answer as for an unknown id")
			.isEqualTo(comparable(unknown, unknownIds));
		assertThat(snapshot(a)).as("A's data unchanged").isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routesWithChildIds")
	void hidesAnotherTenantsRecordsBehindTheCallersOwnParent(String method, String template, Object body) {
		Tenant a = tenant("Alpha");
		Tenant b = tenant("Bravo");
		String before = snapshot(a);
		Map<String, String> mixed = new LinkedHashMap<>(a.ids());
		mixed.put("{org}", b.ids().get("{org}"));
		mixed.put("{ws}", b.ids().get("{ws}"));
		String path = resolve(template, mixed);

		Api.Response response = this.api.send(method, path, b.owner().token(), body, Map.of());

		assertNotFound(response);
		assertNoLeak(response, a, path);
		assertThat(snapshot(a)).as("A's data unchanged").isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void requiresAuthentication(String method, String template, Object body) {
		Tenant a = tenant("Alpha");
		String before = snapshot(a);
		String path = resolve(template, a.ids());

		Api.Response response = this.api.send(method, path, null, body, Map.of());

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertNoLeak(response, a, path);
		assertThat(snapshot(a)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void answersNotFoundForUnknownIds(String method, String template, Object body) {
		TestData.User user = this.data.user("Stranger");

		Api.Response response = this.api.send(method, resolve(template, randomIds()), user.token(), body, Map.of());

		assertNotFound(response);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void answersNotFoundForIdsThatAreNotUuids(String method, String template, Object body) {
		TestData.User user = this.data.user("Typo");
		Map<String, String> garbage = new LinkedHashMap<>();
		PLACEHOLDERS.forEach(p -> garbage.put(p, "not-a-uuid"));

		Api.Response response = this.api.send(method, resolve(template, garbage), user.token(), body, Map.of());

		assertNotFound(response);
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at kz.");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("readRoutes")
	void tenantsOwnerReachesTheSameRoutes(String method, String template, Object body) {
		// the control for the matrix: the templates address real resources, so the 404s
		// above come from tenancy, not from a wrong path
		Tenant a = tenant("Alpha");

		Api.Response response = this.api.get(resolve(template, a.ids()), a.owner().token());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(a.ids().values().stream().anyMatch(response.text()::contains)).as(response.toString()).isTrue();
	}

	private void assertNotFound(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(404);
	}

	/**
	 * The answer names nothing of tenant A beyond the ids the caller put in the path
	 * itself.
	 */
	private static void assertNoLeak(Api.Response response, Tenant a, String path) {
		assertThat(response.text()).doesNotContain(a.orgName())
			.doesNotContain(a.owner().email())
			.doesNotContain(a.member().email())
			.doesNotContain(a.owner().id().toString());
		a.ids()
			.values()
			.stream()
			.filter(id -> !path.contains(id))
			.forEach(id -> assertThat(response.text()).as("answer names A's id %s that the caller did not send", id)
				.doesNotContain(id));
	}

	/** The problem's visible parts with the ids of the request blanked out. */
	private static String comparable(Api.Response response, Map<String, String> ids) {
		JsonNode json = response.json();
		String text = response.status() + "|" + json.path("type").asText() + "|" + json.path("title").asText() + "|"
				+ json.path("detail").asText() + "|" + json.path("errors");
		for (String id : ids.values()) {
			text = text.replace(id, "<id>");
		}
		return text;
	}

	/** What A's owner sees of A: everything a B request could have changed. */
	private String snapshot(Tenant a) {
		StringBuilder all = new StringBuilder();
		for (String path : List.of("/api/organizations/{org}", "/api/organizations/{org}/departments?size=100",
				"/api/organizations/{org}/employees?size=100", "/api/workspaces/{ws}",
				"/api/workspaces/{ws}/members?size=100", "/api/workspaces/{ws}/invitations?size=100")) {
			Api.Response response = this.api.get(resolve(path, a.ids()), a.owner().token());
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			all.append(response.text()).append('\n');
		}
		return all.toString();
	}

	private Tenant tenant(String label) {
		TestData.User owner = this.data.user(label + "Owner");
		TestData.User member = this.data.user(label + "Member");
		String orgName = label + " Tenant " + UUID.randomUUID().toString().substring(0, 8);
		TestData.Org org = this.data.organization(owner, orgName);
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		String base = "/api/organizations/" + org.id();
		String dept = created(this.api.post(base + "/departments", owner.token(), Map.of("name", label + " Dept")));
		String emp = created(
				this.api.post(base + "/employees", owner.token(), Map.of("name", label + " Employee", "email",
						label.toLowerCase() + "-emp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz")));
		String inv = created(this.api.post("/api/workspaces/" + org.workspaceId() + "/invitations", owner.token(),
				Map.of("email",
						label.toLowerCase() + "-inv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz",
						"role", "MEMBER")));
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("{org}", org.id().toString());
		ids.put("{ws}", org.workspaceId().toString());
		ids.put("{dept}", dept);
		ids.put("{emp}", emp);
		ids.put("{member}", member.id().toString());
		ids.put("{inv}", inv);
		return new Tenant(owner, member, orgName, ids);
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

	private static Map<String, String> randomIds() {
		Map<String, String> ids = new LinkedHashMap<>();
		PLACEHOLDERS.forEach(p -> ids.put(p, UUID.randomUUID().toString()));
		return ids;
	}

	private static String resolve(String template, Map<String, String> ids) {
		String path = template;
		for (Map.Entry<String, String> id : ids.entrySet()) {
			path = path.replace(id.getKey(), id.getValue());
		}
		return path;
	}

	private static Arguments route(String method, String template, Object body) {
		return Arguments.of(method, template, body);
	}

	private record Tenant(TestData.User owner, TestData.User member, String orgName, Map<String, String> ids) {
	}

}
