package kz.prometric.erp.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration that does not reveal which addresses have accounts, confirmation of the
 * address by a mailed link, and invitations that only the address's proven owner can
 * take.
 */
@ErpIntegrationTest
class EmailVerificationApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	IdentityManagement identity;

	@Test
	void aUserRegisteredAsVerifiedByTheOperatorIsConfirmedAndMayAcceptAnInvitation() {
		TestData.User admin = this.data.user("Operator");
		TestData.Org org = this.data.organization(admin, "Operator Org");
		String email = newAddress("seeded");
		UserAccount seeded = this.identity
			.registerVerified(new RegisterUser(email, TestData.PASSWORD, "Seeded", "User"));

		assertThat(this.identity.findById(seeded.id())).hasValueSatisfying(u -> assertThat(u.emailVerified()).isTrue());
		Api.Response invited = this.api.post("/api/workspaces/" + org.workspaceId() + "/invitations", admin.token(),
				Map.of("email", email, "role", "MEMBER"));
		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
		Api.Response login = this.api.post("/api/auth/login", null,
				Map.of("email", email, "password", TestData.PASSWORD));
		String token = login.json().path("accessToken").asText();
		Api.Response accepted = this.api.post("/api/invitations/" + invited.json().path("id").asText() + "/accept",
				token, null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
	}

	@Test
	void answersARegistrationOfAnExistingAddressExactlyLikeANewOne() {
		TestData.User existing = this.data.user("Aruzhan");
		String fresh = newAddress("fresh");

		Api.Response forNew = register(fresh, "new-password-1", "Fresh");
		Api.Response forExisting = register(existing.email(), "new-password-1", "Fresh");

		assertThat(forNew.status()).isEqualTo(202);
		assertThat(forExisting.status()).isEqualTo(forNew.status());
		assertThat(fieldNames(forExisting)).isEqualTo(fieldNames(forNew)).containsExactly("email", "message");
		assertThat(forExisting.json().path("message")).isEqualTo(forNew.json().path("message"));
		assertThat(forExisting.json().path("email").asText()).isEqualTo(existing.email());
		assertThat(forExisting.header("Location")).isEqualTo(forNew.header("Location")).isNull();
		// nothing changed for the existing account
		assertThat(login(existing.email(), TestData.PASSWORD).status()).isEqualTo(200);
		assertThat(login(existing.email(), "new-password-1").status()).isEqualTo(401);
	}

	@Test
	void takesAboutAsLongForAnExistingAddressAsForANewOne() {
		TestData.User existing = this.data.user("Stopwatch");
		for (int i = 0; i < 5; i++) {
			register(newAddress("warm-up"), TestData.PASSWORD, "Warm");
		}
		List<Long> forNew = new ArrayList<>();
		List<Long> forExisting = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			forNew.add(millisToRegister(newAddress("timed")));
			forExisting.add(millisToRegister(existing.email()));
		}

		// without the padding an existing address answered in about half the time
		assertThat(median(forExisting)).as("existing %s, new %s", forExisting, forNew)
			.isGreaterThanOrEqualTo(median(forNew) * 3 / 4);
	}

	private long millisToRegister(String email) {
		long start = System.nanoTime();
		assertThat(register(email, TestData.PASSWORD, "Timed").status()).isEqualTo(202);
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	@Test
	void anUnconfirmedUserLogsInButIsNotConfirmedUntilTheLinkIsUsed() {
		String email = newAddress("pending");
		register(email, TestData.PASSWORD, "Pending");
		Api.Response login = login(email, TestData.PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		String token = login.json().path("accessToken").asText();
		assertThat(this.api.get("/api/me", token).json().path("emailVerified").asBoolean()).isFalse();

		Api.Response verified = verify(Mailboxes.awaitVerificationToken(this.greenMail, email, 1));

		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.json().path("emailVerified").asBoolean()).isTrue();
		assertThat(this.api.get("/api/me", token).json().path("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void aConfirmationLinkWorksOnce() {
		String email = newAddress("once");
		register(email, TestData.PASSWORD, "Once");
		String token = Mailboxes.awaitVerificationToken(this.greenMail, email, 1);
		assertThat(verify(token).status()).isEqualTo(200);

		Api.Response again = verify(token);

		assertThat(again.status()).isEqualTo(400);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.errorFields()).containsExactly("token");
	}

	@Test
	void refusesAnUnknownToken() {
		Api.Response response = verify("never-issued-" + UUID.randomUUID());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("token");
	}

	@Test
	void openingTheMailedLinkChangesNothingUntilTheButtonIsPressed() {
		String email = newAddress("page");
		register(email, TestData.PASSWORD, "Page");
		String token = Mailboxes.awaitVerificationToken(this.greenMail, email, 1);

		Api.Response page = this.api.send("GET", "/api/auth/verify-email?token=" + token, null, null,
				Map.of("Accept", "text/html"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.text()).contains("<form method=\"post\"", token);
		assertThat(me(email).path("emailVerified").asBoolean()).isFalse();

		Api.Response pressed = this.api.send("POST", "/api/auth/verify-email", null, "token=" + token,
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));

		assertThat(pressed.status()).as(pressed.toString()).isEqualTo(200);
		assertThat(pressed.text()).contains(email, "confirmed");
		assertThat(me(email).path("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void resendsALinkOnlyToUnconfirmedAccountsAndAnswersAlikeForEveryAddress() {
		String pending = newAddress("resend");
		register(pending, TestData.PASSWORD, "Resend");
		Mailboxes.awaitVerificationToken(this.greenMail, pending, 1);
		TestData.User confirmed = this.data.user("Confirmed");
		String unknown = newAddress("nobody");

		List<Api.Response> answers = new ArrayList<>();
		for (String email : List.of(pending, confirmed.email(), unknown)) {
			answers.add(this.api.post("/api/auth/resend-verification", null, Map.of("email", email)));
		}

		assertThat(answers).extracting(Api.Response::status).containsOnly(202);
		assertThat(answers).extracting(r -> r.json().path("message").asText())
			.containsOnly(answers.get(0).json().path("message").asText());
		String second = Mailboxes.awaitVerificationToken(this.greenMail, pending, 2);
		assertThat(Mailboxes.verificationTokens(this.greenMail, pending)).doesNotHaveDuplicates();
		assertThat(verify(second).status()).isEqualTo(200);
		// the first link died with the confirmation
		assertThat(verify(Mailboxes.verificationTokens(this.greenMail, pending).get(0)).status()).isEqualTo(400);
		assertThat(Mailboxes.of(this.greenMail, unknown)).isEmpty();
		assertThat(Mailboxes.verificationTokens(this.greenMail, confirmed.email())).hasSize(1);
	}

	@Test
	void theMailboxOwnerTakesOverAnAccountThatSomeoneElseRegisteredWithHisAddress() {
		String email = newAddress("victim");
		register(email, "squatter-password", "Squatter");
		String squattersToken = login(email, "squatter-password").json().path("accessToken").asText();
		Mailboxes.awaitVerificationToken(this.greenMail, email, 1);

		// the real owner registers too: the same answer, and a mail that lets him claim
		// it
		assertThat(register(email, "owners-password", "Owner").status()).isEqualTo(202);
		String claim = Mailboxes.awaitVerificationToken(this.greenMail, email, 2);
		assertThat(verify(claim).status()).isEqualTo(200);

		assertThat(login(email, "squatter-password").status()).isEqualTo(401);
		Api.Response owner = login(email, "owners-password");
		assertThat(owner.status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", squattersToken).status()).isEqualTo(401);
		var me = this.api.get("/api/me", owner.json().path("accessToken").asText()).json();
		assertThat(me.path("firstName").asText()).isEqualTo("Owner");
		assertThat(me.path("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void whoeverRegistersAnInvitedAddressFirstCannotTakeTheInvitation() {
		TestData.User admin = this.data.user("Inviter");
		TestData.Org org = this.data.organization(admin, "Invited Goods LLP");
		String invitee = newAddress("invitee");
		Api.Response invited = this.api.post("/api/workspaces/" + org.workspaceId() + "/invitations", admin.token(),
				Map.of("email", invitee, "role", "MANAGER"));
		assertThat(invited.status()).isEqualTo(201);
		String invitationId = invited.json().path("id").asText();

		register(invitee, "squatter-password", "Squatter");
		String squatter = login(invitee, "squatter-password").json().path("accessToken").asText();

		Api.Response list = this.api.get("/api/invitations", squatter);
		Api.Response accept = this.api.post("/api/invitations/" + invitationId + "/accept", squatter, null);
		Api.Response decline = this.api.post("/api/invitations/" + invitationId + "/decline", squatter, null);

		assertThat(list.status()).isEqualTo(403);
		assertThat(accept.status()).isEqualTo(403);
		assertThat(accept.contentType()).startsWith("application/problem+json");
		assertThat(accept.json().path("detail").asText()).contains("Confirm your e-mail address");
		assertThat(decline.status()).isEqualTo(403);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), squatter).status()).isEqualTo(404);

		// the address's owner confirms (taking the account over) and accepts
		assertThat(register(invitee, "owners-password", "Owner").status()).isEqualTo(202);
		assertThat(verify(Mailboxes.awaitVerificationToken(this.greenMail, invitee, 2)).status()).isEqualTo(200);
		String owner = login(invitee, "owners-password").json().path("accessToken").asText();
		assertThat(this.api.post("/api/invitations/" + invitationId + "/accept", owner, null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), owner).json().path("role").asText())
			.isEqualTo("MANAGER");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), squatter).status()).isEqualTo(401);
	}

	@Test
	void aConfirmedUserCannotAcceptAnInvitationToAnotherAddress() {
		TestData.User admin = this.data.user("Inviter");
		TestData.Org org = this.data.organization(admin, "Other Address LLP");
		TestData.User stranger = this.data.user("Stranger");
		Api.Response invited = this.api.post("/api/workspaces/" + org.workspaceId() + "/invitations", admin.token(),
				Map.of("email", newAddress("someone-else"), "role", "MEMBER"));

		Api.Response accept = this.api.post("/api/invitations/" + invited.json().path("id").asText() + "/accept",
				stranger.token(), null);

		assertThat(accept.status()).isEqualTo(404);
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), stranger.token()).status()).isEqualTo(404);
	}

	private Api.Response register(String email, String password, String firstName) {
		return this.api.post("/api/auth/register", null,
				Map.of("email", email, "password", password, "firstName", firstName, "lastName", "Testov"));
	}

	private Api.Response login(String email, String password) {
		return this.api.post("/api/auth/login", null, Map.of("email", email, "password", password));
	}

	private Api.Response verify(String token) {
		return this.api.post("/api/auth/verify-email", null, Map.of("token", token));
	}

	private com.fasterxml.jackson.databind.JsonNode me(String email) {
		String token = login(email, TestData.PASSWORD).json().path("accessToken").asText();
		return this.api.get("/api/me", token).json();
	}

	private static List<String> fieldNames(Api.Response response) {
		List<String> names = new ArrayList<>();
		response.json().fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static String newAddress(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

}
