package kz.prometric.erp.organization.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invitation link in a real browser: a new user registers from it and lands in the
 * workspace; a user with an account logs in from it and accepts; an unknown link says so.
 */
@ErpIntegrationTest
class InvitationPagesBrowserTests {

	private static final Pattern LINK = Pattern
		.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aNewUserRegistersFromTheLinkAndLandsInTheWorkspace() {
		TestData.User owner = this.data.user("Inviting");
		TestData.Org org = this.data.organization(owner, "Invited Trade");
		String email = "page-newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		invite(owner, org.workspaceId(), email, "MANAGER");

		this.browser.at(this.api.baseUrl()).open(linkPath(email));
		assertThat(this.browser.text(By.id("invitation-workspace"))).isEqualTo("Invited Trade");
		assertThat(this.browser.text(By.id("invitation-role"))).isEqualTo("Manager");
		assertThat(this.browser.find(By.id("register-email")).getAttribute("value")).isEqualTo(email);
		this.browser.find(By.id("firstName")).sendKeys("Aliya");
		this.browser.find(By.id("lastName")).sendKeys("Newcomer");
		this.browser.find(By.id("new-password")).sendKeys(TestData.PASSWORD);
		this.browser.find(By.id("confirmation")).sendKeys(TestData.PASSWORD);
		this.browser.click(By.id("register"));
		this.browser.find(By.id("registered"));
		this.browser.find(By.id("login-password")).sendKeys(TestData.PASSWORD);
		this.browser.click(By.id("login"));

		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/app/" + org.workspaceId()));
		assertThat(this.browser.text(By.id("my-tasks"))).isNotEmpty();
	}

	@Test
	void aUserWithAnAccountLogsInFromTheLinkAndAcceptsInRussian() {
		TestData.User owner = this.data.user("Inviting");
		TestData.Org org = this.data.organization(owner, "Accepted Trade");
		TestData.User member = this.data.user("Member");
		invite(owner, org.workspaceId(), member.email(), "MEMBER");
		String link = linkPath(member.email());

		this.browser.language("ru-RU").at(this.api.baseUrl()).open(link);
		assertThat(this.browser.text(By.id("invitation-role"))).isEqualTo("Участник");
		this.browser.find(By.id("password")).sendKeys(TestData.PASSWORD);
		this.browser.click(By.id("login"));
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("/invitations/"));
		this.browser.click(By.id("accept-invitation"));

		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/app/" + org.workspaceId()));
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), member.token()).status()).isEqualTo(200);
	}

	@Test
	void anUnknownLinkSaysSo() {
		this.browser.at(this.api.baseUrl()).open("/invitations/never-issued-" + UUID.randomUUID());

		assertThat(this.browser.text(By.id("invitation-invalid"))).contains("unknown");
	}

	private void invite(TestData.User by, UUID workspaceId, String email, String role) {
		Api.Response invited = this.api.post("/api/workspaces/" + workspaceId + "/invitations", by.token(),
				Map.of("email", email, "role", role));
		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
	}

	private String linkPath(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !links(email).isEmpty());
		List<String> links = links(email);
		return links.get(links.size() - 1);
	}

	private List<String> links(String email) {
		return Mailboxes.of(this.greenMail, email)
			.stream()
			.filter(m -> Mailboxes.subject(m).startsWith("Invitation to "))
			.map(Mailboxes::text)
			.map(LINK::matcher)
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.toList();
	}

}
