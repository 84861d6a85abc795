package kz.prometric.erp.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform administrator administers the platform (Camunda Admin, by authorization); a
 * company's tasks are for its members. The only member of {@code camunda-admin}, who
 * would bypass tenant checks, is a system account that cannot log in.
 */
@ErpIntegrationTest
class PlatformAdminApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identityService;

	@Autowired
	ObjectMapper mapper;

	@Test
	void seesNoCompanysTasksInTasklistNorOnTheEngineRestApi() throws Exception {
		TestData.User alice = this.data.user("Alice");
		TestData.Org acme = this.data.organization(alice, "Acme");
		ProcessInstance review = this.runtime.startProcessInstanceByKey("tasklist-smoke",
				Map.of("workspaceId", acme.workspaceId().toString()));
		TestData.User admin = this.data.platformAdmin();

		TasklistTenantApiTests.Tasklist tasklist = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				admin.email(), TestData.PASSWORD, this.mapper);
		JsonNode tasks = tasklist.get("/camunda/api/engine/engine/default/task?processInstanceId=" + review.getId());
		Api.Response rest = this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), admin.token());

		assertThat(tasks).isEmpty();
		assertThat(rest.status()).isEqualTo(200);
		assertThat(rest.json()).isEmpty();
		assertThat(this.api.get("/engine-rest/process-instance/" + review.getId(), admin.token()).status())
			.isBetween(400, 499);
		assertThat(tasklist.status("/camunda/api/engine/engine/default/task/count")).isEqualTo(200);
	}

	@Test
	void opensCamundaAdminAndListsEveryUser() throws Exception {
		TestData.User alice = this.data.user("Alice");
		this.data.organization(alice, "Acme");
		TestData.User admin = this.data.platformAdmin();

		TasklistTenantApiTests.Tasklist adminApp = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				admin.email(), TestData.PASSWORD, this.mapper, "admin");

		JsonNode me = adminApp.get("/camunda/api/admin/auth/user/default");
		assertThat(me.path("authorizedApps")).extracting(JsonNode::asText).contains("admin");
		assertThat(adminApp.get("/camunda/api/engine/engine/default/user?id=" + alice.email()))
			.extracting(u -> u.path("id").asText())
			.containsExactly(alice.email());
		assertThat(adminApp.get("/camunda/api/engine/engine/default/authorization")).isNotEmpty();
		assertThat(adminApp.get("/camunda/api/engine/engine/default/group?id=" + EngineIdentity.ADMIN_GROUP))
			.hasSize(1);
	}

	@Test
	void aCompanyMemberCannotOpenCamundaAdmin() throws Exception {
		TestData.User bob = this.data.user("Bob");
		this.data.organization(bob, "Globex");

		assertThat(TasklistTenantApiTests.Tasklist.loginStatus(this.api.baseUrl(), bob.email(), TestData.PASSWORD,
				"admin"))
			.isEqualTo(403);
	}

	@Test
	void theOnlyCamundaAdminIsASystemAccountThatCannotLogIn() throws Exception {
		this.data.platformAdmin();
		String system = EngineIdentity.SYSTEM_ACCOUNT;

		assertThat(this.identityService.createUserQuery().memberOfGroup(EngineIdentity.ADMIN_GROUP).list())
			.extracting(User::getId)
			.containsExactly(system);
		for (String password : new String[] { "", "prometric-system", TestData.PASSWORD }) {
			assertThat(TasklistTenantApiTests.Tasklist.loginStatus(this.api.baseUrl(), system, password, "admin"))
				.isEqualTo(401);
			assertThat(this.api.get("/engine-rest/task", basic(system, password)).status()).isEqualTo(401);
			Api.Response login = this.api.post("/api/auth/login", null,
					Map.of("email", system, "password", password + "x"));
			// 401, or 429 once the failed attempts above are throttled: never a token
			assertThat(login.status()).isIn(400, 401, 429);
			assertThat(login.text()).doesNotContain("accessToken");
		}
		Api.Response setup = this.api.post("/camunda/api/admin/setup/default/user/create", null,
				Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@n.kz"),
						"credentials", Map.of("password", "intruder-password")));
		assertThat(setup.status()).isIn(401, 403);
		assertThat(this.identityService.createUserQuery().userId("intruder").count()).isZero();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
