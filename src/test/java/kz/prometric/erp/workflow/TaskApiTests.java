package kz.prometric.erp.workflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task API: a workspace's process tasks the caller may work, with their business
 * object, filters, sorting and paging; claim, unclaim and completion run as the caller,
 * so a member who is not a candidate neither sees nor completes a task, and another
 * workspace's task is 404; the history shows who did what.
 */
@ErpIntegrationTest
class TaskApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	TestData.User owner;

	TestData.User manager;

	TestData.User otherManager;

	TestData.User member;

	TestData.Org org;

	UUID customer;

	JsonNode deal;

	String taskId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Olga");
		this.org = this.data.organization(this.owner, "Tasks Co");
		this.manager = this.data.user("Max");
		this.otherManager = this.data.user("Marat");
		this.member = this.data.user("Mia");
		this.data.join(this.owner, this.org.workspaceId(), this.manager, "MANAGER");
		this.data.join(this.owner, this.org.workspaceId(), this.otherManager, "MANAGER");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
		this.customer = this.data.customer(this.owner, this.org.workspaceId(), "Kaspi Buyer LLP");
		this.deal = deal("Forty forklifts");
		this.taskId = taskOf(this.deal).getId();
	}

	@Test
	void listsTheTasksOfferedToTheCallersGroupsWithTheirBusinessObject() {
		Api.Response list = this.api.get(tasks(""), this.manager.token());

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.json().path("total").asLong()).isEqualTo(1);
		assertThat(list.json().path("page").asInt()).isEqualTo(1);
		JsonNode task = list.items().get(0);
		assertThat(task.path("id").asText()).isEqualTo(this.taskId);
		assertThat(task.path("name").asText()).isEqualTo("Qualify deal · Forty forklifts · Kaspi Buyer LLP");
		assertThat(task.path("processKey").asText()).isEqualTo("deal-lifecycle");
		assertThat(task.path("processName").asText()).isNotBlank();
		assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_QualifyDeal");
		assertThat(task.path("assignee").isMissingNode() || task.path("assignee").isNull()).isTrue();
		assertThat(task.path("candidateGroups").get(0).path("id").asText())
			.isEqualTo(this.org.workspaceId() + ":manager");
		assertThat(task.path("candidateGroups").get(0).path("name").asText()).isEqualTo("Managers");
		assertThat(task.path("subject").path("kind").asText()).isEqualTo("DEAL");
		assertThat(task.path("subject").path("id").asText()).isEqualTo(this.deal.path("id").asText());
		assertThat(task.path("subject").path("title").asText()).isEqualTo("Forty forklifts · Kaspi Buyer LLP");
		assertThat(task.path("formKey").asText()).isEqualTo("qualify-deal");
		assertThat(task.path("createdAt").asText()).isNotBlank();
		assertThat(task.path("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + this.taskId);
	}

	@Test
	void scopesMineTeamAndAllFollowClaimAndUnclaim() {
		assertThat(ids(this.manager, "?scope=mine")).isEmpty();
		assertThat(this.api.get(tasks("?scope=everyone"), this.manager.token()).errorFields()).containsExactly("scope");
		assertThat(ids(this.manager, "?scope=team")).containsExactly(this.taskId);
		assertThat(ids(this.manager, "?scope=all")).containsExactly(this.taskId);

		assertThat(this.api.post(tasks("/" + this.taskId + "/claim"), this.manager.token(), null).status())
			.isEqualTo(204);

		assertThat(ids(this.manager, "?scope=mine")).containsExactly(this.taskId);
		assertThat(ids(this.manager, "?scope=team")).isEmpty();
		assertThat(ids(this.manager, "")).containsExactly(this.taskId);
		assertThat(taskOf(this.deal).getAssignee()).isEqualTo(this.manager.email());
		// another manager no longer gets it offered, and may not take or complete it
		assertThat(ids(this.otherManager, "")).isEmpty();
		Api.Response taken = this.api.post(tasks("/" + this.taskId + "/claim"), this.otherManager.token(), null);
		Api.Response completed = this.api.post(tasks("/" + this.taskId + "/complete"), this.otherManager.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));
		Api.Response unclaimed = this.api.post(tasks("/" + this.taskId + "/unclaim"), this.otherManager.token(), null);
		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(409);
		assertThat(unclaimed.status()).as(unclaimed.toString()).isEqualTo(409);
		assertThat(taskOf(this.deal).getAssignee()).isEqualTo(this.manager.email());
		// claiming again is harmless
		assertThat(this.api.post(tasks("/" + this.taskId + "/claim"), this.manager.token(), null).status())
			.isEqualTo(204);

		assertThat(this.api.post(tasks("/" + this.taskId + "/unclaim"), this.manager.token(), null).status())
			.isEqualTo(204);

		assertThat(taskOf(this.deal).getAssignee()).isNull();
		assertThat(ids(this.otherManager, "?scope=team")).containsExactly(this.taskId);
	}

	@Test
	void aMemberWhoIsNotACandidateNeitherSeesNorWorksTheTask() {
		assertThat(this.api.get(tasks(""), this.member.token()).json().path("total").asLong()).isZero();

		Api.Response read = this.api.get(tasks("/" + this.taskId), this.member.token());
		Api.Response claimed = this.api.post(tasks("/" + this.taskId + "/claim"), this.member.token(), null);
		Api.Response completed = this.api.post(tasks("/" + this.taskId + "/complete"), this.member.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));

		assertThat(List.of(read.status(), claimed.status(), completed.status())).containsOnly(404);
		assertThat(read.text()).doesNotContain("Forty forklifts");
		assertThat(taskOf(this.deal).getAssignee()).isNull();
		assertThat(dealStage()).isEqualTo("NEW");
	}

	@Test
	void aTeamsTaskReachesTheTeamsMembersAndNoOneElse() {
		Api.Response team = this.api.post("/api/workspaces/" + this.org.workspaceId() + "/teams", this.owner.token(),
				Map.of("code", "it", "name", "IT support"));
		assertThat(team.status()).as(team.toString()).isEqualTo(201);
		Api.Response joined = this.api.post(
				"/api/workspaces/" + this.org.workspaceId() + "/teams/" + team.json().path("id").asText() + "/members",
				this.owner.token(), Map.of("userId", this.member.id()));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		// the task goes to the team instead of the managers (as onboarding items do)
		this.tasks.deleteCandidateGroup(this.taskId, this.org.workspaceId() + ":manager");
		this.tasks.addCandidateGroup(this.taskId, TeamManagement.engineGroupId(this.org.workspaceId(), "it"));

		Api.Response offered = this.api.get(tasks("?scope=team"), this.member.token());

		assertThat(offered.itemValues("id")).containsExactly(this.taskId);
		assertThat(offered.items().get(0).path("candidateGroups").get(0).path("name").asText()).isEqualTo("IT support");
		// a manager who is not in the team neither sees nor works it
		assertThat(ids(this.manager, "")).isEmpty();
		assertThat(this.api.get(tasks("/" + this.taskId), this.manager.token()).status()).isEqualTo(404);
		Api.Response notInTeam = this.api.post(tasks("/" + this.taskId + "/complete"), this.manager.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));
		assertThat(notInTeam.status()).as(notInTeam.toString()).isEqualTo(404);
		assertThat(taskOf(this.deal).getId()).isEqualTo(this.taskId);

		Api.Response done = this.api.post(tasks("/" + this.taskId + "/complete"), this.member.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));

		assertThat(done.status()).as(done.toString()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(this.taskId).count()).isZero();
	}

	@Test
	void anotherWorkspacesTaskAndCallersOutsideTheWorkspaceGet404() {
		TestData.User stranger = this.data.user("Stan");
		TestData.Org strangers = this.data.organization(stranger, "Stranger Co");

		Api.Response ownWorkspace = this.api.get("/api/workspaces/" + strangers.workspaceId() + "/tasks/" + this.taskId,
				stranger.token());
		Api.Response completeThere = this.api.post(
				"/api/workspaces/" + strangers.workspaceId() + "/tasks/" + this.taskId + "/complete", stranger.token(),
				Map.of("variables", Map.of("outcome", "LOST", "lostReason", "taken over")));
		Api.Response theirList = this.api.get(tasks(""), stranger.token());
		Api.Response theirRead = this.api.get(tasks("/" + this.taskId), stranger.token());
		Api.Response theirHistory = this.api.get(tasks("/history"), stranger.token());

		assertThat(List.of(ownWorkspace.status(), completeThere.status(), theirList.status(), theirRead.status(),
				theirHistory.status()))
			.containsOnly(404);
		assertThat(this.api.get("/api/workspaces/" + strangers.workspaceId() + "/tasks", stranger.token())
			.json()
			.path("total")
			.asLong()).isZero();
		assertThat(dealStage()).isEqualTo("NEW");
	}

	@Test
	void sortsByDueDateWithTasksWithoutOneLastAndByPriority() {
		JsonNode later = deal("Later deal");
		JsonNode none = deal("Undated deal");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		setDue(this.taskId, now.plus(1, ChronoUnit.DAYS), 10);
		setDue(taskOf(later).getId(), now.plus(3, ChronoUnit.DAYS), 90);
		setPriority(taskOf(none).getId(), 50);
		String laterId = taskOf(later).getId();
		String noneId = taskOf(none).getId();

		assertThat(ids(this.manager, "")).containsExactly(this.taskId, laterId, noneId);
		assertThat(ids(this.manager, "?sort=priority,desc")).containsExactly(laterId, noneId, this.taskId);
		assertThat(ids(this.manager, "?sort=name")).hasSize(3);
		assertThat(ids(this.manager, "?dueBefore=" + now.plus(2, ChronoUnit.DAYS))).containsExactly(this.taskId);
		Api.Response page = this.api.get(tasks("?size=2&page=2"), this.manager.token());
		assertThat(page.itemValues("id")).containsExactly(noneId);
		assertThat(page.json().path("total").asLong()).isEqualTo(3);
		Api.Response badSort = this.api.get(tasks("?sort=assignee"), this.manager.token());
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.errorFields()).containsExactly("sort");
	}

	@Test
	void filtersByProcessAndByBusinessObject() {
		JsonNode other = deal("Other deal");
		String otherTask = taskOf(other).getId();

		assertThat(ids(this.manager, "?processKey=deal-lifecycle")).containsExactlyInAnyOrder(this.taskId, otherTask);
		assertThat(ids(this.manager, "?processKey=order-fulfilment")).isEmpty();
		assertThat(ids(this.manager, "?objectKind=DEAL&objectId=" + other.path("id").asText()))
			.containsExactly(otherTask);
		assertThat(ids(this.manager, "?objectKind=deal&objectId=" + UUID.randomUUID())).isEmpty();
		Api.Response unknownKind = this.api.get(tasks("?objectKind=SPACESHIP&objectId=" + UUID.randomUUID()),
				this.manager.token());
		Api.Response kindAlone = this.api.get(tasks("?objectKind=DEAL"), this.manager.token());
		assertThat(unknownKind.status()).isEqualTo(400);
		assertThat(unknownKind.errorFields()).containsExactly("objectKind");
		assertThat(kindAlone.status()).isEqualTo(400);
		assertThat(kindAlone.errorFields()).containsExactly("objectId");
	}

	@Test
	void readsATaskWithItsFormFieldsAndValues() {
		Api.Response read = this.api.get(tasks("/" + this.taskId), this.manager.token());

		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		JsonNode task = read.json();
		assertThat(task.path("id").asText()).isEqualTo(this.taskId);
		assertThat(task.path("subject").path("kind").asText()).isEqualTo("DEAL");
		JsonNode fields = task.path("formFields");
		JsonNode outcome = field(fields, "outcome");
		assertThat(outcome.path("type").asText()).isEqualTo("select");
		assertThat(outcome.path("required").asBoolean()).isTrue();
		assertThat(outcome.path("readonly").asBoolean()).isFalse();
		assertThat(outcome.path("values")).extracting(JsonNode::asText).containsExactly("ADVANCE", "LOST");
		JsonNode title = field(fields, "dealTitle");
		assertThat(title.path("readonly").asBoolean()).isTrue();
		assertThat(title.path("value").asText()).isEqualTo("Forty forklifts");
		assertThat(field(fields, "dealValue").path("value").asDouble()).isEqualTo(1_500_000.0);
		assertThat(field(fields, "lostReason").path("label").asText()).isEqualTo("Why was the deal lost?");
	}

	@Test
	void completingTheQualifyTaskAdvancesTheDealAndTheHistoryShowsWhoDidIt() {
		Api.Response completed = this.api.post(tasks("/" + this.taskId + "/complete"), this.manager.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));

		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(dealStage()).isEqualTo("QUALIFIED");
		Task next = taskOf(this.deal);
		assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_PrepareProposal");
		// a retry finds the task gone
		Api.Response again = this.api.post(tasks("/" + this.taskId + "/complete"), this.manager.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));
		assertThat(again.status()).isEqualTo(404);

		Api.Response history = this.api.get(tasks("/history?objectKind=DEAL&objectId=" + this.deal.path("id").asText()),
				this.member.token());

		assertThat(history.status()).as(history.toString()).isEqualTo(200);
		assertThat(history.json().path("total").asLong()).isEqualTo(2);
		JsonNode qualified = history.items().get(0);
		assertThat(qualified.path("taskDefinitionKey").asText()).isEqualTo("Task_QualifyDeal");
		assertThat(qualified.path("outcome").asText()).isEqualTo("completed");
		assertThat(qualified.path("completedBy").asText()).isEqualTo(this.manager.email());
		assertThat(qualified.path("endedAt").asText()).isNotBlank();
		JsonNode open = history.items().get(1);
		assertThat(open.path("taskDefinitionKey").asText()).isEqualTo("Task_PrepareProposal");
		assertThat(open.path("outcome").asText()).isEqualTo("open");
		assertThat(open.path("completedBy").isMissingNode() || open.path("completedBy").isNull()).isTrue();
		// the workspace's whole history, newest first
		assertThat(this.api.get(tasks("/history?sort=createdAt,desc"), this.owner.token()).itemValues("id")).first()
			.isEqualTo(next.getId());
		Api.Response unknownObject = this.api.get(tasks("/history?objectKind=DEAL&objectId=" + UUID.randomUUID()),
				this.member.token());
		assertThat(unknownObject.status()).isEqualTo(404);
	}

	@Test
	void theDealMovedThroughRestEndsTheTaskAndItsCompletionFindsNothing() {
		Api.Response lost = this.api.post(
				"/api/workspaces/" + this.org.workspaceId() + "/deals/" + this.deal.path("id").asText() + "/stage",
				this.owner.token(), Map.of("stage", "LOST", "lostReason", "Went elsewhere"));
		assertThat(lost.status()).as(lost.toString()).isEqualTo(200);

		Api.Response completed = this.api.post(tasks("/" + this.taskId + "/complete"), this.manager.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));

		assertThat(completed.status()).as(completed.toString()).isEqualTo(404);
		assertThat(dealStage()).isEqualTo("LOST");
		assertThat(ids(this.manager, "")).isEmpty();
		Api.Response history = this.api.get(tasks("/history?objectKind=DEAL&objectId=" + this.deal.path("id").asText()),
				this.owner.token());
		assertThat(history.items()).extracting(item -> item.path("outcome").asText()).containsExactly("cancelled");
	}

	@Test
	void refusesMalformedCompletionsNamingTheField() {
		Api.Response notAnObject = this.api.post(tasks("/" + this.taskId + "/complete"), this.manager.token(),
				"{\"variables\": \"outcome=ADVANCE\"}");
		Api.Response badDue = this.api.get(tasks("?dueBefore=tomorrow"), this.manager.token());

		assertThat(notAnObject.status()).as(notAnObject.toString()).isEqualTo(400);
		assertThat(notAnObject.errorFields()).containsExactly("variables");
		assertThat(badDue.status()).as(badDue.toString()).isEqualTo(400);
		assertThat(badDue.errorFields()).containsExactly("dueBefore");
		assertThat(taskOf(this.deal).getId()).isEqualTo(this.taskId);
		assertThat(taskOf(this.deal).getAssignee()).isNull();
	}

	@Test
	void concurrentClaimsAndCompletionsLetExactlyOnePersonWork() throws Exception {
		List<Integer> claims = Concurrently.run(List.of(() -> claim(this.manager), () -> claim(this.otherManager)));

		assertThat(claims).containsExactlyInAnyOrder(204, 409);
		String winner = taskOf(this.deal).getAssignee();
		assertThat(winner).isIn(this.manager.email(), this.otherManager.email());
		assertThat(this.api
			.post(tasks("/" + this.taskId + "/unclaim"),
					(winner.equals(this.manager.email()) ? this.manager : this.otherManager).token(), null)
			.status()).isEqualTo(204);

		List<Integer> completions = Concurrently
			.run(List.of(() -> advance(this.manager), () -> advance(this.otherManager), () -> advance(this.manager)));

		assertThat(completions).containsOnlyOnce(204);
		assertThat(completions).allMatch(status -> status == 204 || status == 404 || status == 409);
		assertThat(dealStage()).isEqualTo("QUALIFIED");
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(this.deal.path("id").asText())
			.taskDefinitionKey("Task_PrepareProposal")
			.count()).isEqualTo(1);
	}

	// helpers

	private int claim(TestData.User user) {
		return this.api.post(tasks("/" + this.taskId + "/claim"), user.token(), null).status();
	}

	private int advance(TestData.User user) {
		return this.api
			.post(tasks("/" + this.taskId + "/complete"), user.token(),
					Map.of("variables", Map.of("outcome", "ADVANCE")))
			.status();
	}

	/**
	 * A deal the owner creates without an assignee: its task is first his (a deal nobody
	 * was assigned to goes to its creator); he gives it back, so it is offered to the
	 * managers, which is what these tests work with.
	 */
	private JsonNode deal(String title) {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customer, title, Map.of());
		Task task = taskOf(deal);
		assertThat(task.getAssignee()).isEqualTo(this.owner.email());
		Api.Response returned = this.api.post(tasks("/" + task.getId() + "/unclaim"), this.owner.token(), null);
		assertThat(returned.status()).as(returned.toString()).isEqualTo(204);
		return deal;
	}

	private Task taskOf(JsonNode deal) {
		return this.tasks.createTaskQuery()
			.tenantIdIn(this.org.workspaceId().toString())
			.processInstanceBusinessKey(deal.path("id").asText())
			.singleResult();
	}

	private void setDue(String taskId, Instant due, int priority) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		task.setDueDate(Date.from(due));
		task.setPriority(priority);
		this.tasks.saveTask(task);
	}

	private void setPriority(String taskId, int priority) {
		this.tasks.setPriority(taskId, priority);
	}

	private String dealStage() {
		return this.api
			.get("/api/workspaces/" + this.org.workspaceId() + "/deals/" + this.deal.path("id").asText(),
					this.owner.token())
			.json()
			.path("stage")
			.asText();
	}

	private String tasks(String rest) {
		return "/api/workspaces/" + this.org.workspaceId() + "/tasks" + rest;
	}

	private List<String> ids(TestData.User user, String query) {
		Api.Response response = this.api.get(tasks(query), user.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.itemValues("id");
	}

	private static JsonNode field(JsonNode fields, String key) {
		for (JsonNode field : fields) {
			if (key.equals(field.path("key").asText())) {
				return field;
			}
		}
		throw new AssertionError("no field " + key + " in " + fields);
	}

}
