package kz.prometric.erp.workflow;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.workflow.TasklistTenantApiTests.Tasklist;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's first Tasklist login gives him his own "My tasks" (assigned to him) and "My
 * team's tasks" (offered to his roles and teams, not yet taken) filters, written again at
 * every login so they follow a changed role; nobody else sees or opens them.
 */
@ErpIntegrationTest
class TasklistFiltersApiTests {

	private static final String FILTERS = "/camunda/api/engine/engine/default/filter";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	FilterService filters;

	@Test
	void theFirstLoginGivesMyTasksAndMyTeamsTasksThatFindTheRightTasks() throws Exception {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Filter Trade");
		TestData.User seller = this.data.user("Seller");
		this.data.join(owner, org.workspaceId(), seller, "MEMBER");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Almaty Retail LLP");
		// the seller's own deal: its task is his
		this.data.deal(seller, org.workspaceId(), customer, "Flour supply", Map.of());
		// the owner's deal, given back to the managers
		JsonNode managersDeal = this.data.deal(owner, org.workspaceId(), customer, "Sugar supply", Map.of());
		String ownersTask = this.api
			.get("/api/workspaces/" + org.workspaceId() + "/tasks?objectKind=DEAL&objectId="
					+ managersDeal.path("id").asText(), owner.token())
			.items()
			.get(0)
			.path("id")
			.asText();
		assertThat(this.api
			.post("/api/workspaces/" + org.workspaceId() + "/tasks/" + ownersTask + "/unclaim", owner.token(), null)
			.status()).isEqualTo(204);
		assertThat(this.filters.createFilterQuery().filterOwner(seller.email()).count()).isZero();

		Tasklist sellers = Tasklist.login(this.api.baseUrl(), seller.email(), TestData.PASSWORD, this.mapper);
		Tasklist owners = Tasklist.login(this.api.baseUrl(), owner.email(), TestData.PASSWORD, this.mapper);

		Map<String, String> sellerFilters = filterIds(sellers);
		assertThat(sellerFilters).containsKeys(TasklistFilters.MY_TASKS, TasklistFilters.MY_TEAMS_TASKS,
				EngineAccessBootstrap.ALL_MY_TASKS_FILTER);
		assertThat(names(sellers, sellerFilters.get(TasklistFilters.MY_TASKS)))
			.containsExactly("Qualify deal · Flour supply · Almaty Retail LLP");
		// the managers' task is not offered to a member
		assertThat(names(sellers, sellerFilters.get(TasklistFilters.MY_TEAMS_TASKS))).isEmpty();
		Map<String, String> ownerFilters = filterIds(owners);
		assertThat(names(owners, ownerFilters.get(TasklistFilters.MY_TEAMS_TASKS)))
			.containsExactly("Qualify deal · Sugar supply · Almaty Retail LLP");
		assertThat(names(owners, ownerFilters.get(TasklistFilters.MY_TASKS))).isEmpty();
		// each has his own
		assertThat(ownerFilters.get(TasklistFilters.MY_TASKS))
			.isNotEqualTo(sellerFilters.get(TasklistFilters.MY_TASKS));

		// promoted to manager: his next login offers him the managers' tasks too
		Api.Response promoted = this.api.patch("/api/workspaces/" + org.workspaceId() + "/members/" + seller.id(),
				owner.token(), Map.of("role", "MANAGER"));
		assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
		Tasklist again = Tasklist.login(this.api.baseUrl(), seller.email(), TestData.PASSWORD, this.mapper);
		Map<String, String> refreshed = filterIds(again);
		assertThat(refreshed.get(TasklistFilters.MY_TEAMS_TASKS))
			.isEqualTo(sellerFilters.get(TasklistFilters.MY_TEAMS_TASKS));
		assertThat(names(again, refreshed.get(TasklistFilters.MY_TEAMS_TASKS)))
			.containsExactly("Qualify deal · Sugar supply · Almaty Retail LLP");
		// written again, not added: one of each
		assertThat(this.filters.createFilterQuery().filterOwner(seller.email()).count()).isEqualTo(2);
	}

	@Test
	void anotherWorkspacesPersonNeitherSeesNorOpensSomeoneElsesFilters() throws Exception {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Filters");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Kostanay Grain LLP");
		this.data.deal(owner, org.workspaceId(), customer, "Grain supply", Map.of());
		TestData.User stranger = this.data.user("Stranger");
		this.data.organization(stranger, "Stranger Filters");
		Tasklist owners = Tasklist.login(this.api.baseUrl(), owner.email(), TestData.PASSWORD, this.mapper);
		String ownersMyTasks = filterIds(owners).get(TasklistFilters.MY_TASKS);

		Tasklist strangers = Tasklist.login(this.api.baseUrl(), stranger.email(), TestData.PASSWORD, this.mapper);

		assertThat(strangers.get(FILTERS + "?resourceType=Task")).extracting(f -> f.path("id").asText())
			.doesNotContain(ownersMyTasks);
		assertThat(strangers.status(FILTERS + "/" + ownersMyTasks)).isIn(403, 404);
		assertThat(strangers.status(FILTERS + "/" + ownersMyTasks + "/list")).isIn(403, 404);
		// his own "My tasks" finds nothing of the other workspace
		assertThat(names(strangers, filterIds(strangers).get(TasklistFilters.MY_TASKS))).isEmpty();
		// and the engine REST API answers the same with a bearer token
		Api.Response viaRest = this.api.get("/engine-rest/filter/" + ownersMyTasks + "/list", stranger.token());
		assertThat(viaRest.status()).as(viaRest.toString()).isIn(403, 404);
	}

	@Test
	void aLoginToTheErpPagesWritesTheFiltersToo() throws Exception {
		TestData.User owner = this.data.user("Owner");
		this.data.organization(owner, "Pages Filters");
		assertThat(this.filters.createFilterQuery().filterOwner(owner.email()).count()).isZero();
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.build();
		String page = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.api.baseUrl() + "/login")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
		String form = "email=" + java.net.URLEncoder.encode(owner.email(), java.nio.charset.StandardCharsets.UTF_8)
				+ "&password=" + java.net.URLEncoder.encode(TestData.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
				+ "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);

		java.net.http.HttpResponse<String> answer = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.api.baseUrl() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(this.filters.createFilterQuery().filterOwner(owner.email()).list())
			.extracting(org.camunda.bpm.engine.filter.Filter::getName)
			.containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_TEAMS_TASKS);
	}

	private static Map<String, String> filterIds(Tasklist tasklist) throws Exception {
		Map<String, String> ids = new java.util.HashMap<>();
		for (JsonNode filter : tasklist.get(FILTERS + "?resourceType=Task")) {
			ids.put(filter.path("name").asText(), filter.path("id").asText());
		}
		return ids;
	}

	private static List<String> names(Tasklist tasklist, String filterId) throws Exception {
		List<String> names = new java.util.ArrayList<>();
		tasklist.get(FILTERS + "/" + filterId + "/list").forEach(t -> names.add(t.path("name").asText()));
		return names;
	}

}
