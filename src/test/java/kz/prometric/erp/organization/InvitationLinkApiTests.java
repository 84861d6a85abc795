package kz.prometric.erp.organization;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The link in the invitation mail ({@code /invitations/{token}}) leads a new user through
 * registration into the workspace, and an existing user, logged in with the invited
 * address, into it by accepting; the link joins its own workspace only, for its own
 * address only.
 */
@ErpIntegrationTest
class InvitationLinkApiTests {

	private static final Pattern LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Test
	void aNewUserRegistersFromTheLinkAndLandsInTheWorkspace() {
		TestData.User owner = this.data.user("Inviter");
		TestData.Org org = this.data.organization(owner, "Link Logistics");
		String email = newAddress("newcomer");
		invite(owner, org.workspaceId(), email, "MANAGER");
		String token = awaitLinkToken(email, 1);

		Api.Response shown = this.api.post("/api/auth/invitation", null, Map.of("token", token));

		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		assertThat(shown.json().path("workspaceName").asText()).isEqualTo("Link Logistics");
		assertThat(shown.json().path("workspaceId").asText()).isEqualTo(org.workspaceId().toString());
		assertThat(shown.json().path("role").asText()).isEqualTo("MANAGER");
		assertThat(shown.json().path("email").asText()).isEqualTo(email);
		assertThat(shown.json().path("invitedByName").asText()).isEqualTo("Inviter Testov");
		assertThat(shown.json().path("accountExists").asBoolean()).isFalse();

		Api.Response registered = registerInvited(token);

		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().path("workspace").path("id").asText()).isEqualTo(org.workspaceId().toString());
		assertThat(registered.json().path("workspace").path("role").asText()).isEqualTo("MANAGER");
		String access = registered.json().path("accessToken").asText();
		Api.Response me = this.api.get("/api/me", access);
		assertThat(me.json().path("email").asText()).isEqualTo(email);
		assertThat(me.json().path("emailVerified").asBoolean()).as("the link proves the address").isTrue();
		Api.Response workspace = this.api.get("/api/workspaces/" + org.workspaceId(), access);
		assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
		assertThat(workspace.json().path("role").asText()).isEqualTo("MANAGER");
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", email, "password", TestData.PASSWORD)).status())
			.isEqualTo(200);

		// the link is answered: it neither registers nor shows anything again
		Api.Response again = registerInvited(token);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.errorFields()).containsExactly("token");
		assertThat(this.api.post("/api/auth/invitation", null, Map.of("token", token)).status()).isEqualTo(400);
	}

	@Test
	void anExistingUserLoggedInWithTheInvitedAddressAcceptsAndHisAddressIsConfirmed() {
		TestData.User owner = this.data.user("Host");
		TestData.Org org = this.data.organization(owner, "Link Trading");
		String email = newAddress("unconfirmed");
		// registered but never confirmed: the invitation link proves the address
		assertThat(this.api
			.post("/api/auth/register", null,
					Map.of("email", email, "password", TestData.PASSWORD, "firstName", "Late", "lastName", "Reader"))
			.status()).isEqualTo(202);
		String access = this.api.post("/api/auth/login", null, Map.of("email", email, "password", TestData.PASSWORD))
			.json()
			.path("accessToken")
			.asText();
		invite(owner, org.workspaceId(), email, "MEMBER");
		String token = awaitLinkToken(email, 1);
		assertThat(this.api.post("/api/auth/invitation", null, Map.of("token", token))
			.json()
			.path("accountExists")
			.asBoolean()).isTrue();

		Api.Response accepted = this.api.post("/api/invitations/accept", access, Map.of("token", token));

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().path("id").asText()).isEqualTo(org.workspaceId().toString());
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), access).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", access).json().path("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void registeringFromTheLinkIsRefusedWhenTheAddressHasAConfirmedAccount() {
		TestData.User owner = this.data.user("Hostess");
		TestData.Org org = this.data.organization(owner, "Link Mining");
		TestData.User existing = this.data.user("Existing");
		invite(owner, org.workspaceId(), existing.email(), "MEMBER");
		String token = awaitLinkToken(existing.email(), 1);

		Api.Response refused = registerInvited(token);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.errorFields()).containsExactly("email");
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", existing.email(), "password", TestData.PASSWORD))
					.status())
			.as("his password stays")
			.isEqualTo(200);
		assertThat(this.api.post("/api/invitations/accept", existing.token(), Map.of("token", token)).status())
			.isEqualTo(200);
	}

	@Test
	void someoneElseLoggedInCannotUseTheLink() {
		TestData.User owner = this.data.user("Guard");
		TestData.Org org = this.data.organization(owner, "Link Security");
		String email = newAddress("invitee");
		invite(owner, org.workspaceId(), email, "ADMIN");
		String token = awaitLinkToken(email, 1);
		TestData.User intruder = this.data.user("Intruder");

		Api.Response refused = this.api.post("/api/invitations/accept", intruder.token(), Map.of("token", token));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), intruder.token()).status()).isEqualTo(404);
		// the invitation is still open for its address
		assertThat(registerInvited(token).status()).isEqualTo(201);
	}

	@Test
	void aLinkJoinsItsOwnWorkspaceOnlyNeverAnotherOne() {
		TestData.User ownerA = this.data.user("Alpha");
		TestData.Org a = this.data.organization(ownerA, "Link Alpha");
		TestData.User ownerB = this.data.user("Beta");
		TestData.Org b = this.data.organization(ownerB, "Link Beta");
		String email = newAddress("twice-invited");
		invite(ownerA, a.workspaceId(), email, "MEMBER");
		String tokenA = awaitLinkToken(email, 1);
		invite(ownerB, b.workspaceId(), email, "ADMIN");
		String tokenB = awaitLinkToken(email, 2);

		Api.Response registered = registerInvited(tokenA);

		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String access = registered.json().path("accessToken").asText();
		assertThat(registered.json().path("workspace").path("id").asText()).isEqualTo(a.workspaceId().toString());
		assertThat(this.api.get("/api/workspaces/" + a.workspaceId(), access).status()).isEqualTo(200);
		assertThat(this.api.get("/api/workspaces/" + b.workspaceId(), access).status())
			.as("workspace B needs its own link")
			.isEqualTo(404);
		// A's link is used up; B's own link still works, with B's role
		assertThat(this.api.post("/api/invitations/accept", access, Map.of("token", tokenA)).status()).isEqualTo(400);
		Api.Response joinedB = this.api.post("/api/invitations/accept", access, Map.of("token", tokenB));
		assertThat(joinedB.status()).as(joinedB.toString()).isEqualTo(200);
		assertThat(joinedB.json().path("id").asText()).isEqualTo(b.workspaceId().toString());
		assertThat(joinedB.json().path("role").asText()).isEqualTo("ADMIN");
	}

	@Test
	void aRevokedInvitationsLinkNoLongerWorks() {
		TestData.User owner = this.data.user("Revoker");
		TestData.Org org = this.data.organization(owner, "Link Revoked");
		String email = newAddress("revoked");
		Api.Response invited = invite(owner, org.workspaceId(), email, "MEMBER");
		String token = awaitLinkToken(email, 1);
		assertThat(this.api
			.delete("/api/workspaces/" + org.workspaceId() + "/invitations/" + invited.json().path("id").asText(),
					owner.token())
			.status()).isBetween(200, 299);

		Api.Response refused = registerInvited(token);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("token");
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", email, "password", TestData.PASSWORD)).status())
			.as("no account was made")
			.isEqualTo(401);
	}

	@Test
	void anUnknownLinkIs400NamingTheToken() {
		Api.Response shown = this.api.post("/api/auth/invitation", null,
				Map.of("token", "never-issued-" + UUID.randomUUID()));

		assertThat(shown.status()).isEqualTo(400);
		assertThat(shown.errorFields()).containsExactly("token");
	}

	// helpers

	private Api.Response invite(TestData.User by, UUID workspaceId, String email, String role) {
		Api.Response invited = this.api.post("/api/workspaces/" + workspaceId + "/invitations", by.token(),
				Map.of("email", email, "role", role));
		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
		return invited;
	}

	private Api.Response registerInvited(String token) {
		return this.api.post("/api/auth/register-invited", null,
				Map.of("token", token, "password", TestData.PASSWORD, "firstName", "Invited", "lastName", "Person"));
	}

	private String awaitLinkToken(String email, int count) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> tokens(email).size() >= count);
		List<String> tokens = tokens(email);
		return tokens.get(tokens.size() - 1);
	}

	private List<String> tokens(String email) {
		return Mailboxes.of(this.greenMail, email)
			.stream()
			.filter(m -> Mailboxes.subject(m).startsWith("Invitation to "))
			.map(Mailboxes::text)
			.map(LINK::matcher)
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.toList();
	}

	private static String newAddress(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

}
