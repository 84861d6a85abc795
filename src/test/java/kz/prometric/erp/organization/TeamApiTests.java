package kz.prometric.erp.organization;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams of a workspace through the API: admins change them, members read them; codes are
 * unique per workspace; only members of the workspace join; a leaver leaves the teams.
 */
@ErpIntegrationTest
class TeamApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Test
	void adminCreatesATeamThatMembersSeeButCannotChange() {
		Company c = company("Create");

		Api.Response created = this.api.post(c.teams(), c.owner().token(), Map.of("code", "it", "name", " IT "));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.header("Location")).isEqualTo(c.teams() + "/" + id);
		assertThat(created.json().path("code").asText()).isEqualTo("it");
		assertThat(created.json().path("name").asText()).isEqualTo("IT");
		assertThat(created.json().path("memberCount").asInt()).isZero();
		assertThat(created.json().path("engineGroup").asText()).isEqualTo(c.org().workspaceId() + ":team:it");
		assertThat(this.api.get(c.teams(), c.member().token()).itemValues("code")).containsExactly("it");
		Api.Response one = this.api.get(c.teams() + "/" + id, c.member().token());
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().path("name").asText()).isEqualTo("IT");

		assertThat(this.api.post(c.teams(), c.member().token(), Map.of("code", "hr", "name", "HR")).status())
			.isEqualTo(403);
		assertThat(this.api.patch(c.teams() + "/" + id, c.member().token(), Map.of("name", "Mine")).status())
			.isEqualTo(403);
		assertThat(this.api.delete(c.teams() + "/" + id, c.member().token()).status()).isEqualTo(403);
		assertThat(
				this.api.post(c.teams() + "/" + id + "/members", c.member().token(), Map.of("userId", c.member().id()))
					.status())
			.isEqualTo(403);
		assertThat(this.api.get(c.teams(), c.owner().token()).items()).hasSize(1);
	}

	@Test
	void listsTeamsSortedAndPaged() {
		Company c = company("Sorted");
		create(c, "it", "Zeta IT");
		create(c, "hr", "Alpha HR");
		create(c, "facilities", "Middle Facilities");

		Api.Response byCode = this.api.get(c.teams(), c.member().token());
		Api.Response byNameDesc = this.api.get(c.teams() + "?sort=name,desc&size=2", c.member().token());

		assertThat(byCode.itemValues("code")).containsExactly("facilities", "hr", "it");
		assertThat(byCode.json().path("total").asInt()).isEqualTo(3);
		assertThat(byNameDesc.json().path("total").asInt()).isEqualTo(3);
		assertThat(byNameDesc.json().path("items")).hasSize(2);
		assertThat(this.api.get(c.teams() + "?sort=engineGroup", c.member().token()).status()).isEqualTo(400);
	}

	@Test
	void refusesATakenCodeWithConflictAlsoWhenTwoCreateItAtOnce() throws Exception {
		Company c = company("Dupe");
		create(c, "it", "IT");

		Api.Response again = this.api.post(c.teams(), c.owner().token(), Map.of("code", "it", "name", "Other IT"));

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().path("detail").asText()).contains("'it'");

		List<Callable<Api.Response>> calls = List.of(
				() -> this.api.post(c.teams(), c.owner().token(), Map.of("code", "hr", "name", "HR one")),
				() -> this.api.post(c.teams(), c.owner().token(), Map.of("code", "hr", "name", "HR two")),
				() -> this.api.post(c.teams(), c.owner().token(), Map.of("code", "hr", "name", "HR three")));
		List<Api.Response> answers = Concurrently.run(calls);

		assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(this.api.get(c.teams(), c.owner().token()).itemValues("code")).containsExactly("hr", "it");
	}

	@Test
	void theSameCodeMayExistInAnotherWorkspace() {
		Company a = company("SameA");
		Company b = company("SameB");
		create(a, "it", "IT");

		Api.Response inB = this.api.post(b.teams(), b.owner().token(), Map.of("code", "it", "name", "IT"));

		assertThat(inB.status()).as(inB.toString()).isEqualTo(201);
		assertThat(inB.json().path("engineGroup").asText()).isEqualTo(b.org().workspaceId() + ":team:it");
	}

	@Test
	void refusesBadCodesAndNamesNamingTheField() {
		Company c = company("Bad");
		for (String code : List.of("IT", "1t", "i", "it_support", "it support", "-it", "a".repeat(31), "")) {
			Api.Response response = this.api.post(c.teams(), c.owner().token(), Map.of("code", code, "name", "Team"));
			assertThat(response.status()).as(code + ": " + response).isEqualTo(400);
			assertThat(response.errorFields()).as(code).contains("code");
		}
		for (String name : List.of("", "   ", "n".repeat(101))) {
			Api.Response response = this.api.post(c.teams(), c.owner().token(), Map.of("code", "ok", "name", name));
			assertThat(response.status()).as(name + ": " + response).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("name");
		}
		Api.Response missing = this.api.post(c.teams(), c.owner().token(), Map.of("name", "No code"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("code");
		String id = create(c, "it", "IT");
		Api.Response blankRename = this.api.patch(c.teams() + "/" + id, c.owner().token(), Map.of("name", " "));
		assertThat(blankRename.status()).isEqualTo(400);
		assertThat(blankRename.errorFields()).containsExactly("name");
		Api.Response noUser = this.api.post(c.teams() + "/" + id + "/members", c.owner().token(), Map.of());
		assertThat(noUser.status()).isEqualTo(400);
		assertThat(noUser.errorFields()).containsExactly("userId");
		Api.Response notUuid = this.api.post(c.teams() + "/" + id + "/members", c.owner().token(),
				Map.of("userId", "not-a-uuid"));
		assertThat(notUuid.status()).isEqualTo(400);
		assertThat(notUuid.errorFields()).containsExactly("userId");
		assertThat(this.api.get(c.teams(), c.owner().token()).itemValues("code")).containsExactly("it");
	}

	@Test
	void personalWorkspacesHaveNoTeams() {
		TestData.User loner = this.data.user("Loner");
		String personal = this.api.get("/api/workspaces", loner.token()).items().get(0).path("id").asText();

		Api.Response response = this.api.post("/api/workspaces/" + personal + "/teams", loner.token(),
				Map.of("code", "it", "name", "IT"));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("workspaceId");
	}

	@Test
	void renamesATeamButKeepsItsCode() {
		Company c = company("Rename");
		String id = create(c, "it", "IT");

		Api.Response renamed = this.api.patch(c.teams() + "/" + id, c.owner().token(),
				Map.of("name", "Information technology"));

		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.json().path("name").asText()).isEqualTo("Information technology");
		assertThat(renamed.json().path("code").asText()).isEqualTo("it");
		Api.Response withCode = this.api.patch(c.teams() + "/" + id, c.owner().token(),
				Map.of("name", "X", "code", "x"));
		assertThat(withCode.status()).isEqualTo(400);
		assertThat(withCode.errorFields()).containsExactly("code");
	}

	@Test
	void addsOnlyMembersOfTheWorkspaceAndOnlyOnce() throws Exception {
		Company c = company("Members");
		String id = create(c, "it", "IT");
		String members = c.teams() + "/" + id + "/members";
		TestData.User outsider = this.data.user("Outsider");

		Api.Response stranger = this.api.post(members, c.owner().token(), Map.of("userId", outsider.id()));
		assertThat(stranger.status()).as(stranger.toString()).isEqualTo(422);
		assertThat(stranger.errorFields()).containsExactly("userId");

		Api.Response added = this.api.post(members, c.owner().token(), Map.of("userId", c.member().id()));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		assertThat(added.json().path("memberCount").asInt()).isEqualTo(1);
		Api.Response again = this.api.post(members, c.owner().token(), Map.of("userId", c.member().id()));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("memberCount").asInt()).isEqualTo(1);
		List<Callable<Api.Response>> calls = List.of(
				() -> this.api.post(members, c.owner().token(), Map.of("userId", c.owner().id())),
				() -> this.api.post(members, c.owner().token(), Map.of("userId", c.owner().id())),
				() -> this.api.post(members, c.owner().token(), Map.of("userId", c.owner().id())));
		assertThat(Concurrently.run(calls)).extracting(Api.Response::status).containsOnly(200);

		Api.Response list = this.api.get(members, c.member().token());
		assertThat(list.json().path("total").asInt()).isEqualTo(2);
		JsonNode member = list.items()
			.stream()
			.filter(m -> m.path("userId").asText().equals(c.member().id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(member.path("email").asText()).isEqualTo(c.member().email());
		assertThat(member.path("role").asText()).isEqualTo("MEMBER");
		assertThat(member.path("joinedAt").asText()).isNotBlank();
		assertThat(this.api.get(c.teams() + "/" + id, c.member().token()).json().path("memberCount").asInt())
			.isEqualTo(2);
	}

	@Test
	void removesAMemberFromTheTeamOnly() {
		Company c = company("Remove");
		String id = create(c, "it", "IT");
		String members = c.teams() + "/" + id + "/members";
		this.api.post(members, c.owner().token(), Map.of("userId", c.member().id()));

		Api.Response removed = this.api.delete(members + "/" + c.member().id(), c.owner().token());

		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
		assertThat(this.api.get(members, c.owner().token()).items()).isEmpty();
		assertThat(this.api.delete(members + "/" + c.member().id(), c.owner().token()).status()).isEqualTo(404);
		// still a member of the workspace
		assertThat(this.api.get(c.teams(), c.member().token()).status()).isEqualTo(200);
	}

	@Test
	void aMemberWhoLeavesTheWorkspaceLeavesItsTeams() {
		Company c = company("Leaver");
		String it = create(c, "it", "IT");
		String hr = create(c, "hr", "HR");
		for (String team : List.of(it, hr)) {
			this.api.post(c.teams() + "/" + team + "/members", c.owner().token(), Map.of("userId", c.member().id()));
		}
		Company other = company("LeaverOther");
		this.data.join(other.owner(), other.org().workspaceId(), c.member(), "MEMBER");
		String otherTeam = create(other, "it", "IT elsewhere");
		this.api.post(other.teams() + "/" + otherTeam + "/members", other.owner().token(),
				Map.of("userId", c.member().id()));

		Api.Response left = this.api.delete("/api/workspaces/" + c.org().workspaceId() + "/members/" + c.member().id(),
				c.member().token());

		assertThat(left.status()).as(left.toString()).isEqualTo(204);
		for (String team : List.of(it, hr)) {
			assertThat(this.api.get(c.teams() + "/" + team + "/members", c.owner().token()).items()).isEmpty();
			assertThat(this.api.get(c.teams() + "/" + team, c.owner().token()).json().path("memberCount").asInt())
				.isZero();
		}
		// his team in the other workspace stays
		assertThat(
				this.api.get(other.teams() + "/" + otherTeam + "/members", other.owner().token()).itemValues("userId"))
			.containsExactly(c.member().id().toString());
		// and he can no longer be added back while he is not a member
		assertThat(
				this.api.post(c.teams() + "/" + it + "/members", c.owner().token(), Map.of("userId", c.member().id()))
					.status())
			.isEqualTo(422);
	}

	@Test
	void refusesToDeleteATeamWithOpenTasksNamingTheCount() {
		Company c = company("Busy");
		String id = create(c, "it", "IT");
		ProcessInstance first = teamTask(c, "it");
		ProcessInstance second = teamTask(c, "it");

		Api.Response refused = this.api.delete(c.teams() + "/" + id, c.owner().token());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().path("detail").asText()).contains("2 open tasks");
		for (ProcessInstance instance : List.of(first, second)) {
			String task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
			this.tasks.complete(task, Map.of("comment", "done"));
		}

		Api.Response deleted = this.api.delete(c.teams() + "/" + id, c.owner().token());

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(this.api.get(c.teams() + "/" + id, c.owner().token()).status()).isEqualTo(404);
		assertThat(this.api.get(c.teams(), c.owner().token()).items()).isEmpty();
		// the code is free again
		assertThat(this.api.post(c.teams(), c.owner().token(), Map.of("code", "it", "name", "IT")).status())
			.isEqualTo(201);
	}

	@Test
	void deletesATeamWithMembersAndNoTasks() {
		Company c = company("Quiet");
		String id = create(c, "it", "IT");
		this.api.post(c.teams() + "/" + id + "/members", c.owner().token(), Map.of("userId", c.member().id()));
		// another workspace's open task for its own "it" team does not count
		Company other = company("QuietOther");
		create(other, "it", "IT");
		teamTask(other, "it");

		Api.Response deleted = this.api.delete(c.teams() + "/" + id, c.owner().token());

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(this.api.get(c.teams() + "/" + id + "/members", c.owner().token()).status()).isEqualTo(404);
		assertThat(this.api.delete(c.teams() + "/" + id, c.owner().token()).status()).isEqualTo(404);
	}

	@Test
	void anotherWorkspacesTeamIsNotFoundBehindTheCallersOwnWorkspace() {
		Company a = company("OwnA");
		Company b = company("OwnB");
		String aTeam = create(a, "it", "IT");

		for (Api.Response response : List.of(this.api.get(b.teams() + "/" + aTeam, b.owner().token()),
				this.api.patch(b.teams() + "/" + aTeam, b.owner().token(), Map.of("name", "Taken")),
				this.api.post(b.teams() + "/" + aTeam + "/members", b.owner().token(),
						Map.of("userId", b.member().id())),
				this.api.delete(b.teams() + "/" + aTeam + "/members/" + a.owner().id(), b.owner().token()),
				this.api.delete(b.teams() + "/" + aTeam, b.owner().token()))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(404);
		}
		assertThat(this.api.get(a.teams() + "/" + aTeam, a.owner().token()).json().path("name").asText())
			.isEqualTo("IT");
	}

	private ProcessInstance teamTask(Company c, String code) {
		return this.runtime.startProcessInstanceByKey("team-task-smoke",
				Map.of("workspaceId", c.org().workspaceId().toString(), "teamCode", code));
	}

	private String create(Company c, String code, String name) {
		Api.Response created = this.api.post(c.teams(), c.owner().token(), Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	private Company company(String label) {
		TestData.User owner = this.data.user(label + "Owner");
		TestData.User member = this.data.user(label + "Member");
		TestData.Org org = this.data.organization(owner, label + " Teams LLP");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		return new Company(owner, member, org);
	}

	record Company(TestData.User owner, TestData.User member, TestData.Org org) {

		String teams() {
			return "/api/workspaces/" + this.org.workspaceId() + "/teams";
		}

	}

}
