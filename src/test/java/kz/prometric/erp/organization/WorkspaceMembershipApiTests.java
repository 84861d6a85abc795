package kz.prometric.erp.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ErpIntegrationTest
class WorkspaceMembershipApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void adminInvitesAndInviteeJoinsWithTheInvitedRole() {
		TestData.User owner = this.data.user("Aibek");
		TestData.User admin = this.data.user("Botagoz");
		TestData.User invitee = this.data.user("Dias");
		TestData.Org org = this.data.organization(owner, "Aibek Motors");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");

		Api.Response invited = invite(admin, org.workspaceId(), invitee.email(), "MANAGER");

		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
		String invitationId = invited.json().path("id").asText();
		assertThat(invited.header("Location")).endsWith("/invitations/" + invitationId);
		assertThat(invited.json().path("status").asText()).isEqualTo("PENDING");

		List<JsonNode> mine = items(this.api.get("/api/invitations", invitee.token()));
		assertThat(mine).extracting(i -> i.path("id").asText()).containsExactly(invitationId);
		assertThat(mine.get(0).path("workspaceName").asText()).isEqualTo("Aibek Motors");
		assertThat(mine.get(0).path("role").asText()).isEqualTo("MANAGER");

		Api.Response accepted = accept(invitee, invitationId);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().path("role").asText()).isEqualTo("MANAGER");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), invitee.token()).json().path("role").asText())
			.isEqualTo("MANAGER");
		assertThat(roleOf(owner, org.workspaceId(), invitee)).isEqualTo("MANAGER");
		assertThat(items(this.api.get("/api/invitations", invitee.token()))).isEmpty();
		assertThat(this.api.get("/api/organizations/" + org.id(), invitee.token()).status()).isEqualTo(200);
	}

	@Test
	void anotherUserCannotAcceptSomeoneElsesInvitation() {
		TestData.User owner = this.data.user("Erbol");
		TestData.User invitee = this.data.user("Fatima");
		TestData.User intruder = this.data.user("Gani");
		TestData.Org org = this.data.organization(owner, "Erbol Steel");
		String invitationId = invite(owner, org.workspaceId(), invitee.email(), "MEMBER").json().path("id").asText();

		Api.Response stolen = accept(intruder, invitationId);

		assertThat(stolen.status()).isEqualTo(404);
		assertThat(stolen.contentType()).startsWith("application/problem+json");
		assertThat(stolen.text()).doesNotContain("Erbol Steel");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), intruder.token()).status()).isEqualTo(404);
		assertThat(items(this.api.get("/api/invitations", intruder.token()))).isEmpty();
		// the invitation is still open for its addressee
		assertThat(accept(invitee, invitationId).status()).isEqualTo(200);
	}

	@Test
	void refusesInvitationsIntoAPersonalWorkspace() {
		TestData.User user = this.data.user("Ilyas");
		TestData.User friend = this.data.user("Kuanysh");
		UUID personal = UUID
			.fromString(items(this.api.get("/api/workspaces", user.token())).get(0).path("id").asText());

		Api.Response invited = invite(user, personal, friend.email(), "MEMBER");

		assertThat(invited.status()).as(invited.toString()).isEqualTo(422);
		assertThat(invited.contentType()).startsWith("application/problem+json");
		assertThat(items(this.api.get("/api/invitations", friend.token()))).isEmpty();
	}

	@Test
	void refusesInvitationAsOwner() {
		TestData.User owner = this.data.user("Lazzat");
		TestData.User invitee = this.data.user("Miras");
		TestData.Org org = this.data.organization(owner, "Lazzat Tour");

		Api.Response invited = invite(owner, org.workspaceId(), invitee.email(), "OWNER");

		assertThat(invited.status()).as(invited.toString()).isEqualTo(422);
		assertThat(invited.errorFields()).containsExactly("role");
		assertThat(items(this.api.get("/api/invitations", invitee.token()))).isEmpty();
	}

	@Test
	void refusesSecondOpenInvitationForTheSameAddress() {
		TestData.User owner = this.data.user("Nurgul");
		TestData.Org org = this.data.organization(owner, "Nurgul Media");
		String email = "candidate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		assertThat(invite(owner, org.workspaceId(), email, "MEMBER").status()).isEqualTo(201);

		Api.Response again = invite(owner, org.workspaceId(), email.toUpperCase(), "MANAGER");

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("email");
		assertThat(items(this.api.get("/api/workspaces/" + org.workspaceId() + "/invitations", owner.token())))
			.hasSize(1);
	}

	@Test
	void refusesInvitingAnExistingMember() {
		TestData.User owner = this.data.user("Oral");
		TestData.User member = this.data.user("Platon");
		TestData.Org org = this.data.organization(owner, "Oral Agro");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		Api.Response again = invite(owner, org.workspaceId(), member.email(), "ADMIN");

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("email");
		assertThat(roleOf(owner, org.workspaceId(), member)).isEqualTo("MEMBER");
	}

	@Test
	void memberCannotInvite() {
		TestData.User owner = this.data.user("Roza");
		TestData.User member = this.data.user("Samat");
		TestData.Org org = this.data.organization(owner, "Roza Textiles");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		String friend = "friend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";

		Api.Response invited = invite(member, org.workspaceId(), friend, "MEMBER");

		assertThat(invited.status()).as(invited.toString()).isEqualTo(403);
		assertThat(invited.contentType()).startsWith("application/problem+json");
		assertThat(items(this.api.get("/api/workspaces/" + org.workspaceId() + "/invitations", owner.token())))
			.extracting(i -> i.path("email").asText())
			.containsExactly(member.email());
	}

	@Test
	void adminCannotPromoteToAdminButOwnerCan() {
		TestData.User owner = this.data.user("Tima");
		TestData.User admin = this.data.user("Ualikhan");
		TestData.User member = this.data.user("Vera");
		TestData.Org org = this.data.organization(owner, "Tima Systems");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		Api.Response byAdmin = changeRole(admin, org.workspaceId(), member, "ADMIN");

		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
		assertThat(roleOf(owner, org.workspaceId(), member)).isEqualTo("MEMBER");

		Api.Response byOwner = changeRole(owner, org.workspaceId(), member, "ADMIN");

		assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(200);
		assertThat(byOwner.json().path("role").asText()).isEqualTo("ADMIN");
		assertThat(roleOf(owner, org.workspaceId(), member)).isEqualTo("ADMIN");
	}

	@Test
	void adminChangesMemberToManager() {
		TestData.User owner = this.data.user("Yerlan");
		TestData.User admin = this.data.user("Zarina");
		TestData.User member = this.data.user("Adil");
		TestData.Org org = this.data.organization(owner, "Yerlan Energy");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		Api.Response changed = changeRole(admin, org.workspaceId(), member, "MANAGER");

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(roleOf(owner, org.workspaceId(), member)).isEqualTo("MANAGER");
	}

	@Test
	void adminCannotInviteAnAdmin() {
		TestData.User owner = this.data.user("Berik");
		TestData.User admin = this.data.user("Dina");
		TestData.Org org = this.data.organization(owner, "Berik Pharma");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");

		Api.Response invited = invite(admin, org.workspaceId(), "boss-" + UUID.randomUUID() + "@example.kz", "ADMIN");

		assertThat(invited.status()).as(invited.toString()).isEqualTo(403);
	}

	@Test
	void ownerCannotBeRemovedOrChanged() {
		TestData.User owner = this.data.user("Eldar");
		TestData.User admin = this.data.user("Gaukhar");
		TestData.Org org = this.data.organization(owner, "Eldar Mining");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");

		Api.Response removed = this.api.delete(member(org.workspaceId(), owner), admin.token());
		Api.Response demoted = changeRole(admin, org.workspaceId(), owner, "MEMBER");
		Api.Response selfDemoted = changeRole(owner, org.workspaceId(), owner, "ADMIN");
		Api.Response left = this.api.delete(member(org.workspaceId(), owner), owner.token());
		Api.Response secondOwner = changeRole(owner, org.workspaceId(), admin, "OWNER");

		assertThat(List.of(removed, demoted, selfDemoted, left, secondOwner)).allSatisfy(response -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		assertThat(roleOf(admin, org.workspaceId(), owner)).isEqualTo("OWNER");
		assertThat(roleOf(owner, org.workspaceId(), admin)).isEqualTo("ADMIN");
	}

	@Test
	void memberLeavesTheWorkspace() {
		TestData.User owner = this.data.user("Islam");
		TestData.User member = this.data.user("Kenes");
		TestData.Org org = this.data.organization(owner, "Islam Retail");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		Api.Response left = this.api.delete(member(org.workspaceId(), member), member.token());

		assertThat(left.status()).as(left.toString()).isEqualTo(204);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), member.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/organizations/" + org.id(), member.token()).status()).isEqualTo(404);
		assertThat(roleOf(owner, org.workspaceId(), member)).isNull();
	}

	@Test
	void memberCannotRemoveAnotherMember() {
		TestData.User owner = this.data.user("Madi");
		TestData.User member = this.data.user("Nursultan");
		TestData.User other = this.data.user("Olga");
		TestData.Org org = this.data.organization(owner, "Madi Auto");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		this.data.join(owner, org.workspaceId(), other, "MEMBER");

		Api.Response removed = this.api.delete(member(org.workspaceId(), other), member.token());

		assertThat(removed.status()).isEqualTo(403);
		assertThat(roleOf(owner, org.workspaceId(), other)).isEqualTo("MEMBER");
	}

	@Test
	void adminRemovesAMember() {
		TestData.User owner = this.data.user("Rauan");
		TestData.User admin = this.data.user("Sabina");
		TestData.User member = this.data.user("Temirlan");
		TestData.Org org = this.data.organization(owner, "Rauan Foods");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		Api.Response removed = this.api.delete(member(org.workspaceId(), member), admin.token());

		assertThat(removed.status()).isEqualTo(204);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), member.token()).status()).isEqualTo(404);
	}

	@Test
	void revokedInvitationCannotBeAccepted() {
		TestData.User owner = this.data.user("Ulzhan");
		TestData.User invitee = this.data.user("Viktor");
		TestData.Org org = this.data.organization(owner, "Ulzhan Design");
		String invitationId = invite(owner, org.workspaceId(), invitee.email(), "MEMBER").json().path("id").asText();

		Api.Response revoked = this.api.delete("/api/workspaces/" + org.workspaceId() + "/invitations/" + invitationId,
				owner.token());
		assertThat(revoked.status()).isEqualTo(204);
		assertThat(items(this.api.get("/api/invitations", invitee.token()))).isEmpty();

		Api.Response accepted = accept(invitee, invitationId);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
		assertThat(accepted.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), invitee.token()).status()).isEqualTo(404);
	}

	@Test
	void declinedInvitationCannotBeAcceptedLater() {
		TestData.User owner = this.data.user("Yana");
		TestData.User invitee = this.data.user("Zhandos");
		TestData.Org org = this.data.organization(owner, "Yana Events");
		String invitationId = invite(owner, org.workspaceId(), invitee.email(), "MEMBER").json().path("id").asText();

		assertThat(this.api.post("/api/invitations/" + invitationId + "/decline", invitee.token(), null).status())
			.isEqualTo(204);

		assertThat(accept(invitee, invitationId).status()).isEqualTo(409);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), invitee.token()).status()).isEqualTo(404);
	}

	@Test
	void invitationToAnUnregisteredAddressWaitsForItsOwner() {
		TestData.User owner = this.data.user("Akmaral");
		TestData.Org org = this.data.organization(owner, "Akmaral Studio");
		String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		assertThat(invite(owner, org.workspaceId(), email, "MEMBER").status()).isEqualTo(201);

		Api.Response registered = this.api.post("/api/auth/register", null,
				Map.of("email", email, "password", TestData.PASSWORD, "firstName", "New", "lastName", "Comer"));
		assertThat(registered.status()).isEqualTo(202);
		this.data.confirmEmail(email);
		String token = this.api.post("/api/auth/login", null, Map.of("email", email, "password", TestData.PASSWORD))
			.json()
			.path("accessToken")
			.asText();

		List<JsonNode> mine = items(this.api.get("/api/invitations", token));
		assertThat(mine).hasSize(1);
		assertThat(accept(token, mine.get(0).path("id").asText()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/organizations/" + org.id(), token).status()).isEqualTo(200);
	}

	private Api.Response invite(TestData.User by, UUID workspaceId, String email, String role) {
		return this.api.post("/api/workspaces/" + workspaceId + "/invitations", by.token(),
				Map.of("email", email, "role", role));
	}

	private Api.Response accept(TestData.User by, String invitationId) {
		return accept(by.token(), invitationId);
	}

	private Api.Response accept(String token, String invitationId) {
		return this.api.post("/api/invitations/" + invitationId + "/accept", token, null);
	}

	private Api.Response changeRole(TestData.User by, UUID workspaceId, TestData.User target, String role) {
		return this.api.patch(member(workspaceId, target), by.token(), Map.of("role", role));
	}

	private static String member(UUID workspaceId, TestData.User user) {
		return "/api/workspaces/" + workspaceId + "/members/" + user.id();
	}

	/** The role of {@code user} as the member list shows it to {@code viewer}. */
	private String roleOf(TestData.User viewer, UUID workspaceId, TestData.User user) {
		return items(this.api.get("/api/workspaces/" + workspaceId + "/members?size=100", viewer.token())).stream()
			.filter(m -> m.path("userId").asText().equals(user.id().toString()))
			.map(m -> m.path("role").asText())
			.findFirst()
			.orElse(null);
	}

	private static List<JsonNode> items(Api.Response response) {
		return response.items();
	}

}
