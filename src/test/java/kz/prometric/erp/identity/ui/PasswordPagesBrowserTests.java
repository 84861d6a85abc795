package kz.prometric.erp.identity.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.identity.IdentityManagement;
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
 * The password pages in a real browser: a forgotten password reset end to end from the
 * mailed link, and the account page (change password, choose the language).
 */
@ErpIntegrationTest
class PasswordPagesBrowserTests {

	private static final Pattern RESET_LINK = Pattern
		.compile("https?://[^/\\s]+(/password/reset\\?token=[A-Za-z0-9_-]+)");

	private static final String NEW_PASSWORD = "steppe-wind-2026";

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	IdentityManagement identity;

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aForgottenPasswordIsResetFromTheMailedLink() {
		TestData.User user = this.data.user("Forgot");
		TestData.Org org = this.data.organization(user, "Reset Trade");
		this.browser.at(this.api.baseUrl()).open("/login");
		this.browser.find(By.linkText("Forgot your password?")).click();
		this.browser.find(By.id("email")).sendKeys(user.email());
		this.browser.click(By.id("send-link"));
		assertThat(this.browser.text(By.id("link-sent"))).contains(user.email());

		this.browser.open(resetLinkPath(user.email()));
		this.browser.find(By.id("newPassword")).sendKeys(NEW_PASSWORD);
		this.browser.find(By.id("confirmation")).sendKeys(NEW_PASSWORD);
		this.browser.click(By.id("save-password"));

		assertThat(this.browser.text(By.id("password-reset"))).contains(user.email());
		assertThat(this.api.get("/api/me", user.token()).status()).as("every session ended").isEqualTo(401);
		this.browser.login(user.email(), NEW_PASSWORD);
		assertThat(this.browser.url()).endsWith("/app/" + org.workspaceId());
	}

	@Test
	void aUsedResetLinkSaysSoInRussian() {
		TestData.User user = this.data.user("Twice");
		this.api.post("/api/auth/forgot-password", null, java.util.Map.of("email", user.email()));
		String link = resetLinkPath(user.email());
		this.browser.language("ru-RU").at(this.api.baseUrl()).open(link);
		this.browser.find(By.id("newPassword")).sendKeys(NEW_PASSWORD);
		this.browser.find(By.id("confirmation")).sendKeys(NEW_PASSWORD);
		this.browser.click(By.id("save-password"));
		this.browser.find(By.id("password-reset"));

		this.browser.open(link);
		this.browser.find(By.id("newPassword")).sendKeys("another-secret-9");
		this.browser.find(By.id("confirmation")).sendKeys("another-secret-9");
		this.browser.click(By.id("save-password"));

		assertThat(this.browser.text(By.id("link-invalid"))).contains("уже использована");
	}

	@Test
	void theAccountPageChangesThePasswordAndTheLanguage() {
		TestData.User user = this.data.user("Account");
		this.data.organization(user, "Account Trade");
		this.browser.at(this.api.baseUrl()).login(user.email(), TestData.PASSWORD);
		this.browser.click(By.id("account-link"));

		changePassword("not-my-password", NEW_PASSWORD);
		assertThat(this.browser.text(By.cssSelector("#change-password .invalid-feedback")))
			.isEqualTo("The current password is wrong.");
		changePassword(TestData.PASSWORD, NEW_PASSWORD);

		assertThat(this.browser.text(By.id("password-changed"))).contains("Your password is changed");
		assertThat(this.api.get("/api/me", user.token()).status()).as("the other session ended").isEqualTo(401);
		this.browser.open("/app/account");
		assertThat(this.browser.url()).as("this session stays").endsWith("/app/account");

		new org.openqa.selenium.support.ui.Select(this.browser.find(By.id("locale"))).selectByValue("kk");
		this.browser.click(By.id("save-language"));

		assertThat(this.browser.text(By.id("language-saved"))).isEqualTo("Тіл сақталды.");
		assertThat(this.identity.preferredLocale(user.id())).contains(Locale.forLanguageTag("kk"));
	}

	private void changePassword(String current, String newPassword) {
		this.browser.find(By.id("currentPassword")).sendKeys(current);
		this.browser.find(By.id("newPassword")).sendKeys(newPassword);
		this.browser.find(By.id("confirmation")).sendKeys(newPassword);
		this.browser.click(By.id("save-password"));
	}

	private String resetLinkPath(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !links(email).isEmpty());
		List<String> links = links(email);
		return links.get(links.size() - 1);
	}

	private List<String> links(String email) {
		return Mailboxes.of(this.greenMail, email)
			.stream()
			.filter(m -> "Reset your Prometric ERP password".equals(Mailboxes.subject(m)))
			.map(Mailboxes::text)
			.map(RESET_LINK::matcher)
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.toList();
	}

}
