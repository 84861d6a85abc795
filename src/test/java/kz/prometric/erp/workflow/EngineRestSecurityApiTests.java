package kz.prometric.erp.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine REST API is behind the ERP's authentication and runs every request as the
 * caller, with their workspaces as tenants; the community edition's known holes are
 * closed.
 */
@ErpIntegrationTest
class EngineRestSecurityApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identityService;

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-instance",
			"/engine-rest/process-definition", "/engine-rest/deployment", "/engine-rest/user", "/engine-rest/tenant",
			"/engine-rest/history/process-instance" })
	void refusesUnauthenticatedCalls(String path) {
		Api.Response response = this.api.get(path, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesWrongBasicCredentialsAndForeignTokens() {
		TestData.User user = this.data.user("Dana");

		assertThat(this.api.get("/engine-rest/task", basic(user.email(), "wrong-password")).status()).isEqualTo(401);
		assertThat(this.api.get("/engine-rest/task", "not-a-jwt").status()).isEqualTo(401);
	}

	@Test
	void showsEachUserOnlyTheirWorkspacesInstancesAndTasks() {
		TestData.User alice = this.data.user("Alice");
		TestData.Org acme = this.data.organization(alice, "Acme");
		TestData.User bob = this.data.user("Bob");
		TestData.Org globex = this.data.organization(bob, "Globex");
		ProcessInstance acmeReview = start(acme);
		ProcessInstance globexReview = start(globex);

		Api.Response aliceInstances = this.api.get("/engine-rest/process-instance?processDefinitionKey=tasklist-smoke",
				alice.token());
		Api.Response bobTasks = this.api.get("/engine-rest/task?processDefinitionKey=tasklist-smoke",
				basic(bob.email(), TestData.PASSWORD));

		assertThat(aliceInstances.status()).isEqualTo(200);
		assertThat(aliceInstances.json()).extracting(n -> n.path("id").asText()).containsExactly(acmeReview.getId());
		assertThat(bobTasks.status()).isEqualTo(200);
		assertThat(bobTasks.json()).extracting(n -> n.path("processInstanceId").asText())
			.containsExactly(globexReview.getId());
		assertThat(bobTasks.text()).doesNotContain(acmeReview.getId());
		assertThat(this.api.get("/engine-rest/process-instance/" + acmeReview.getId(), bob.token()).status()).isIn(403,
				404);
		assertThat(this.api.get("/engine-rest/tenant", bob.token()).text()).contains(globex.workspaceId().toString())
			.doesNotContain(acme.workspaceId().toString());
	}

	@Test
	void listsOnlyUsersAndGroupsOfTheCallersWorkspaces() {
		TestData.User alice = this.data.user("Alice");
		TestData.Org acme = this.data.organization(alice, "Acme");
		TestData.User bob = this.data.user("Bob");
		TestData.Org globex = this.data.organization(bob, "Globex");
		TestData.User carol = this.data.user("Carol");
		this.data.join(bob, globex.workspaceId(), carol, "MANAGER");

		Api.Response users = this.api.get("/engine-rest/user", bob.token());
		Api.Response groups = this.api.get("/engine-rest/group", bob.token());

		assertThat(users.json()).extracting(n -> n.path("id").asText())
			.contains(bob.email(), carol.email())
			.doesNotContain(alice.email());
		assertThat(groups.json()).extracting(n -> n.path("id").asText())
			.contains(globex.workspaceId() + ":manager")
			.noneMatch(id -> id.startsWith(acme.workspaceId().toString()));
		assertThat(this.api.get("/engine-rest/user?memberOfGroup=" + globex.workspaceId() + ":manager", carol.token())
			.json()).extracting(n -> n.path("id").asText()).containsExactlyInAnyOrder(bob.email(), carol.email());
	}

	@Test
	void refusesExpressionsInTaskQueries() {
		TestData.User user = this.data.user("Erlan");
		String token = user.token();

		assertThat(this.api.get("/engine-rest/task?dueAfterExpression=%24%7BnoSuchBean.run()%7D", token).status())
			.isEqualTo(400);
		assertThat(this.api.post("/engine-rest/task", token, "{\"dueAfterExpression\":\"${now()}\"}").status())
			.isEqualTo(400);
		Api.Response orQuery = this.api.post("/engine-rest/task", token,
				"{\"orQueries\":[{\"dueAfterExpression\":\"#{''.getClass()}\"}]}");
		assertThat(orQuery.status()).isEqualTo(400);
		assertThat(orQuery.contentType()).startsWith("application/problem+json");
		Api.Response escaped = this.api.post("/engine-rest/task/count", token,
				"{\"orQueries\":[{\"dueAfterExpression\":\"\\u0024{now()}\"}]}");
		assertThat(escaped.status()).isEqualTo(400);
		Api.Response filter = this.api.post("/engine-rest/filter/create", token,
				"{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");
		assertThat(filter.status()).isEqualTo(400);
		assertThat(this.api.post("/engine-rest/task/count", token, "{\"nameLike\":\"Review%\"}").status())
			.isEqualTo(200);
	}

	@Test
	void closesTheFirstRunAdministratorSetup() {
		Api.Response setup = this.api.post("/camunda/api/admin/setup/default/user/create", null,
				Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@n.kz"),
						"credentials", Map.of("password", "intruder-password")));

		assertThat(setup.status()).isIn(401, 403);
		assertThat(this.identityService.createUserQuery().userId("intruder").count()).isZero();
		assertThat(this.identityService.isReadOnly()).isTrue();
	}

	@Test
	void refusesProcessInstancesWithoutWorkspace() {
		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey("tasklist-smoke"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("workspaceId");
	}

	private ProcessInstance start(TestData.Org org) {
		return this.runtime.startProcessInstanceByKey("tasklist-smoke",
				Map.of("workspaceId", org.workspaceId().toString()));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
