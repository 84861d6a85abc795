package kz.prometric.erp.workflow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine checks a task query's authorizations row by row, grants and revokes
 * ({@code camunda.bpm.authorization.authorization-check-revokes: always}): the default's
 * grant-only join of every matching authorization to every task took seconds for 5,000
 * open tasks (docs/benchmarks.md, "A million deals"). The check means the same: a task
 * offered to a person's team is in his lists, and a revoke of READ on that task takes it
 * out of the ERP's list and the engine REST API's.
 */
@ErpIntegrationTest
class TaskAuthorizationCheckTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	ProcessEngineConfiguration engine;

	@Test
	void theEngineChecksGrantsAndRevokesRowByRow() {
		assertThat(this.engine.getAuthorizationCheckRevokes())
			.isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
		assertThat(this.engine.isAuthorizationEnabled()).isTrue();
		assertThat(this.engine.isTenantCheckEnabled()).isTrue();
	}

	@Test
	void aRevokeOfReadOnATaskTakesItOutOfTheListsAndItsEndBringsItBack() {
		TestData.User owner = this.data.user("RevokeOwner");
		TestData.User dana = this.data.user("Dana");
		TestData.Org org = this.data.organization(owner, "Revoke Teams LLP");
		this.data.join(owner, org.workspaceId(), dana, "MEMBER");
		String ws = "/api/workspaces/" + org.workspaceId();
		Api.Response team = this.api.post(ws + "/teams", owner.token(), Map.of("code", "it", "name", "IT support"));
		assertThat(team.status()).as(team.toString()).isEqualTo(201);
		Api.Response added = this.api.post(ws + "/teams/" + team.json().path("id").asText() + "/members", owner.token(),
				Map.of("userId", dana.id()));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		ProcessInstance first = this.runtime.startProcessInstanceByKey("team-task-smoke",
				Map.of("workspaceId", org.workspaceId().toString(), "teamCode", "it"));
		ProcessInstance second = this.runtime.startProcessInstanceByKey("team-task-smoke",
				Map.of("workspaceId", org.workspaceId().toString(), "teamCode", "it"));
		String revoked = this.tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getId();
		String kept = this.tasks.createTaskQuery().processInstanceId(second.getId()).singleResult().getId();
		assertThat(erpTasks(ws, dana)).containsExactlyInAnyOrder(revoked, kept);
		assertThat(engineTasks(org, dana)).containsExactlyInAnyOrder(revoked, kept);

		Authorization revoke = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId(dana.email());
		revoke.setResource(Resources.TASK);
		revoke.setResourceId(revoked);
		revoke.removePermission(Permissions.READ);
		this.authorizations.saveAuthorization(revoke);
		try {
			assertThat(erpTasks(ws, dana)).containsExactly(kept);
			assertThat(engineTasks(org, dana)).containsExactly(kept);
			assertThat(this.api.get("/engine-rest/task/count?tenantIdIn=" + org.workspaceId(), dana.token())
				.json()
				.path("count")
				.asLong()).isEqualTo(1);
		}
		finally {
			this.authorizations.deleteAuthorization(revoke.getId());
		}
		assertThat(erpTasks(ws, dana)).containsExactlyInAnyOrder(revoked, kept);
		assertThat(engineTasks(org, dana)).containsExactlyInAnyOrder(revoked, kept);
	}

	private List<String> erpTasks(String ws, TestData.User user) {
		Api.Response list = this.api.get(ws + "/tasks", user.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return ids(list.json().path("items"));
	}

	private List<String> engineTasks(TestData.Org org, TestData.User user) {
		Api.Response list = this.api.get("/engine-rest/task?tenantIdIn=" + org.workspaceId(), user.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return ids(list.json());
	}

	private static List<String> ids(JsonNode items) {
		return java.util.stream.StreamSupport.stream(items.spliterator(), false)
			.map(t -> t.path("id").asText())
			.toList();
	}

}
