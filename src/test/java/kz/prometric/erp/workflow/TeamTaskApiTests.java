package kz.prometric.erp.workflow;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team is the engine group {@code <workspaceId>:team:<code>}: a task offered to it is
 * seen and claimed by the team's members in Tasklist and on the engine REST API, and not
 * by other members of the workspace; a change of the team takes effect at the next
 * request.
 */
@ErpIntegrationTest
class TeamTaskApiTests {

	private static final String TASKLIST_TASKS = "/camunda/api/engine/engine/default/task";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ObjectMapper mapper;

	@Test
	void aTeamMemberSeesAndClaimsTheTeamsTaskAndAnotherMemberOfTheWorkspaceDoesNot() throws Exception {
		Setup s = setup("Claim");
		ProcessInstance review = start(s, "it");
		Task task = this.tasks.createTaskQuery().processInstanceId(review.getId()).singleResult();
		String group = s.org().workspaceId() + ":team:it";
		assertThat(this.tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
			.containsExactly(group);

		// the team member, on the engine REST API with his token and with Basic
		assertThat(this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), s.dana().token()).json())
			.hasSize(1);
		assertThat(this.api.get("/engine-rest/task?candidateGroup=" + group, basic(s.dana().email())).json())
			.extracting(t -> t.path("id").asText())
			.containsExactly(task.getId());
		// a member of the workspace outside the team sees nothing and cannot claim
		assertThat(this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), s.eli().token()).json())
			.isEmpty();
		Api.Response eliClaims = this.api.post("/engine-rest/task/" + task.getId() + "/claim", s.eli().token(),
				Map.of("userId", s.eli().email()));
		assertThat(eliClaims.status()).as(eliClaims.toString()).isIn(403, 404);
		assertThat(assignee(task)).isNull();

		// in Tasklist alike
		TasklistTenantApiTests.Tasklist eliTasklist = tasklist(s.eli());
		assertThat(eliTasklist.get(TASKLIST_TASKS + "?processInstanceId=" + review.getId())).isEmpty();
		TasklistTenantApiTests.Tasklist danaTasklist = tasklist(s.dana());
		assertThat(danaTasklist.get(TASKLIST_TASKS + "?processInstanceId=" + review.getId()))
			.extracting(t -> t.path("id").asText())
			.containsExactly(task.getId());
		HttpResponse<String> claimed = danaTasklist.post(TASKLIST_TASKS + "/" + task.getId() + "/claim",
				"{\"userId\":\"" + s.dana().email() + "\"}");
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
		assertThat(assignee(task)).isEqualTo(s.dana().email());

		HttpResponse<String> submitted = danaTasklist.post(TASKLIST_TASKS + "/" + task.getId() + "/submit-form",
				"{\"variables\":{\"comment\":{\"value\":\"Laptop ready\",\"type\":\"String\"}}}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count()).isZero();
	}

	@Test
	void aTeamChangeTakesEffectAtTheNextRequest() throws Exception {
		Setup s = setup("Change");
		ProcessInstance review = start(s, "it");
		String taskId = this.tasks.createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
		TasklistTenantApiTests.Tasklist eliTasklist = tasklist(s.eli());
		TasklistTenantApiTests.Tasklist danaTasklist = tasklist(s.dana());
		assertThat(eliTasklist.get(TASKLIST_TASKS + "?processInstanceId=" + review.getId())).isEmpty();

		// Eli joins the team: his open Tasklist session and his token see the task at
		// once
		Api.Response added = this.api.post(s.team() + "/members", s.owner().token(), Map.of("userId", s.eli().id()));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		assertThat(eliTasklist.get(TASKLIST_TASKS + "?processInstanceId=" + review.getId())).hasSize(1);
		assertThat(this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), s.eli().token()).json())
			.hasSize(1);

		// Dana leaves the team: at once she no longer sees or claims it
		Api.Response removed = this.api.delete(s.team() + "/members/" + s.dana().id(), s.owner().token());
		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
		assertThat(danaTasklist.get(TASKLIST_TASKS + "?processInstanceId=" + review.getId())).isEmpty();
		assertThat(this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), s.dana().token()).json())
			.isEmpty();
		HttpResponse<String> danaClaims = danaTasklist.post(TASKLIST_TASKS + "/" + taskId + "/claim",
				"{\"userId\":\"" + s.dana().email() + "\"}");
		assertThat(danaClaims.statusCode()).isGreaterThanOrEqualTo(400);
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
	}

	@Test
	void aMemberWhoLeavesTheWorkspaceLosesTheTeamsTasksEvenInAnotherWorkspaceOfHis() throws Exception {
		Setup s = setup("Leave");
		ProcessInstance review = start(s, "it");

		Api.Response left = this.api.delete("/api/workspaces/" + s.org().workspaceId() + "/members/" + s.dana().id(),
				s.owner().token());

		assertThat(left.status()).as(left.toString()).isEqualTo(204);
		assertThat(this.api.get("/engine-rest/group?member=" + s.dana().email(), s.dana().token()).json())
			.extracting(g -> g.path("id").asText())
			.noneMatch(id -> id.startsWith(s.org().workspaceId().toString()));
		// back in the workspace, she is not back in the team
		this.data.join(s.owner(), s.org().workspaceId(), s.dana(), "MEMBER");
		assertThat(this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), s.dana().token()).json())
			.isEmpty();
		assertThat(this.api.get(s.team() + "/members", s.owner().token()).items()).isEmpty();
	}

	@Test
	void teamGroupsAreListedLikeRoleGroupsForTheirWorkspaceOnly() {
		Setup s = setup("Groups");
		String group = s.org().workspaceId() + ":team:it";
		TestData.User outsider = this.data.user("Outsider");
		this.data.organization(outsider, "Outsider Groups LLP");

		assertThat(this.api.get("/engine-rest/group?member=" + s.dana().email(), s.dana().token()).json())
			.extracting(g -> g.path("id").asText())
			.contains(group, s.org().workspaceId() + ":member");
		Api.Response one = this.api.get("/engine-rest/group/" + group, s.eli().token());
		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(one.json().path("name").asText()).isEqualTo("Groups Teams LLP - Team IT support");
		assertThat(one.json().path("type").asText()).isEqualTo("WORKSPACE_TEAM");
		assertThat(this.api.get("/engine-rest/group?memberOfTenant=" + s.org().workspaceId(), s.eli().token()).json())
			.extracting(g -> g.path("id").asText())
			.contains(group);
		assertThat(this.api.get("/engine-rest/user?memberOfGroup=" + group, s.eli().token()).json())
			.extracting(u -> u.path("id").asText())
			.containsExactly(s.dana().email());
		// another tenant's team group is unknown to the outsider
		assertThat(this.api.get("/engine-rest/group/" + group, outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/engine-rest/group", outsider.token()).json()).extracting(g -> g.path("id").asText())
			.noneMatch(id -> id.startsWith(s.org().workspaceId().toString()));
		assertThat(this.api.get("/engine-rest/user?memberOfGroup=" + group, outsider.token()).json()).isEmpty();
		// a team that does not exist is no group
		assertThat(
				this.api.get("/engine-rest/group/" + s.org().workspaceId() + ":team:nobody", s.eli().token()).status())
			.isEqualTo(404);
	}

	@Test
	void platformAdministratorsSeeTeamGroupsInCamundaAdminButNotTheirTasks() throws Exception {
		Setup s = setup("Admin");
		String group = s.org().workspaceId() + ":team:it";
		ProcessInstance review = start(s, "it");
		TestData.User admin = this.data.platformAdmin();

		TasklistTenantApiTests.Tasklist adminApp = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				admin.email(), TestData.PASSWORD, this.mapper, "admin");

		String engine = "/camunda/api/engine/engine/default";
		assertThat(adminApp.get(engine + "/group?type=WORKSPACE_TEAM&id=" + group))
			.extracting(g -> g.path("name").asText())
			.containsExactly("Admin Teams LLP - Team IT support");
		assertThat(adminApp.get(engine + "/user?memberOfGroup=" + group)).extracting(u -> u.path("id").asText())
			.containsExactly(s.dana().email());
		assertThat(adminApp.get(engine + "/tenant?groupMember=" + group)).extracting(t -> t.path("id").asText())
			.containsExactly(s.org().workspaceId().toString());
		assertThat(adminApp.get(engine + "/group?member=" + s.dana().email())).extracting(g -> g.path("id").asText())
			.contains(group);
		assertThat(this.api.get("/engine-rest/task?processInstanceId=" + review.getId(), admin.token()).json())
			.isEmpty();
	}

	private String assignee(Task task) {
		return this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private ProcessInstance start(Setup s, String code) {
		return this.runtime.startProcessInstanceByKey("team-task-smoke",
				Map.of("workspaceId", s.org().workspaceId().toString(), "teamCode", code));
	}

	private TasklistTenantApiTests.Tasklist tasklist(TestData.User user) throws Exception {
		return TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(), user.email(), TestData.PASSWORD, this.mapper);
	}

	/**
	 * A company with its owner, Dana (a member in team "it") and Eli (a member in no
	 * team).
	 */
	private Setup setup(String label) {
		TestData.User owner = this.data.user(label + "Owner");
		TestData.User dana = this.data.user("Dana");
		TestData.User eli = this.data.user("Eli");
		TestData.Org org = this.data.organization(owner, label + " Teams LLP");
		this.data.join(owner, org.workspaceId(), dana, "MEMBER");
		this.data.join(owner, org.workspaceId(), eli, "MEMBER");
		Api.Response team = this.api.post("/api/workspaces/" + org.workspaceId() + "/teams", owner.token(),
				Map.of("code", "it", "name", "IT support"));
		assertThat(team.status()).as(team.toString()).isEqualTo(201);
		String path = "/api/workspaces/" + org.workspaceId() + "/teams/" + team.json().path("id").asText();
		Api.Response added = this.api.post(path + "/members", owner.token(), Map.of("userId", dana.id()));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		return new Setup(owner, dana, eli, org, path);
	}

	private static String basic(String email) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((email + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	record Setup(TestData.User owner, TestData.User dana, TestData.User eli, TestData.Org org, String team) {
	}

}
