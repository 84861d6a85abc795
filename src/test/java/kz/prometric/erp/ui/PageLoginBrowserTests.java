package kz.prometric.erp.ui;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' login in a real browser: {@code /} leads to the login, the login leads to
 * the user's workspace, another company's workspace is a 404 page, the language follows
 * the browser and the user's choice, and logging out ends the login.
 */
@ErpIntegrationTest
class PageLoginBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void theRootLeadsThroughTheLoginToTheUsersWorkspace() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Page Trade");
		this.browser.at(this.api.baseUrl()).open("/");
		assertThat(this.browser.url()).endsWith("/login");
		assertThat(this.browser.text(By.cssSelector("label[for=email]"))).isEqualTo("E-mail");

		this.browser.login(owner.email(), TestData.PASSWORD);

		assertThat(this.browser.url()).endsWith("/app/" + org.workspaceId());
		assertThat(this.browser.text(By.id("my-tasks"))).contains("My open tasks");
	}

	@Test
	void anotherCompanysWorkspaceIsNotFound() {
		TestData.User owner = this.data.user("Owner");
		this.data.organization(owner, "Own Trade");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Trade");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + other.workspaceId());

		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		assertThat(this.browser.driver().getPageSource()).doesNotContain("Other Trade");
	}

	@Test
	void wrongPasswordStaysOnTheLoginAndLogoutEndsTheLogin() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Logout Trade");
		this.browser.at(this.api.baseUrl()).open("/login");
		this.browser.find(By.id("email")).sendKeys(owner.email());
		this.browser.find(By.id("password")).sendKeys("not-the-password");
		this.browser.click(By.id("login"));
		assertThat(this.browser.text(By.cssSelector(".alert-danger"))).contains("wrong");

		this.browser.login(owner.email(), TestData.PASSWORD);
		this.browser.click(By.id("logout"));
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
		this.browser.open("/app/" + org.workspaceId());

		assertThat(this.browser.url()).endsWith("/login");
	}

	@Test
	void logoutEverywhereThroughTheApiEndsThePageLoginAtOnce() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Everywhere Trade");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		assertThat(this.api.post("/api/auth/logout?everywhere=true", owner.token(), java.util.Map.of()).status())
			.isEqualTo(204);
		this.browser.open("/app/" + org.workspaceId());

		assertThat(this.browser.url()).endsWith("/login");
	}

	@Test
	void pagesFollowTheBrowsersLanguageAndTheUsersChoice() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Language Trade");
		this.browser.language("ru-RU").at(this.api.baseUrl()).open("/login");
		assertThat(this.browser.text(By.cssSelector("label[for=email]"))).isEqualTo("Электронная почта");
		this.browser.login(owner.email(), TestData.PASSWORD);
		assertThat(this.browser.text(By.id("my-tasks"))).contains("Мои открытые задачи");

		this.browser.open("/app/" + org.workspaceId() + "?lang=kk");

		assertThat(this.browser.text(By.id("my-tasks"))).contains("Менің ашық тапсырмаларым");
	}

	@Test
	void theLoginToThePagesIsALoginToTasklistEndedTogether() {
		TestData.User owner = this.data.user("Owner");
		this.data.organization(owner, "Tasklist Trade");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/camunda/api/admin/auth/user/default");
		assertThat(this.browser.driver().getPageSource()).contains("\"userId\":\"" + owner.email() + "\"");

		this.browser.open("/app");
		this.browser.click(By.id("logout"));
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
		this.browser.open("/camunda/api/admin/auth/user/default");
		assertThat(this.browser.driver().getPageSource()).doesNotContain(owner.email());
	}

	@Test
	void aLoginStartsInTheLanguageTheUserChose() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Choice Trade");
		assertThat(this.api.patch("/api/me", owner.token(), java.util.Map.of("locale", "kk")).status()).isEqualTo(200);

		this.browser.language("en-US").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId());

		assertThat(this.browser.text(By.id("my-tasks"))).contains("Менің ашық тапсырмаларым");
	}

}
