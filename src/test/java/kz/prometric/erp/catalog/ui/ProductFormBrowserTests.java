package kz.prometric.erp.catalog.ui;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating and editing a product in a real browser: refusals beside their fields, the
 * typed values kept, the new product's page after saving.
 */
@ErpIntegrationTest
class ProductFormBrowserTests {

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
	void aNewProductShowsEachRefusalBesideItsFieldAndThenIsCreatedAndEdited() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Form Trade");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/products");
		this.browser.click(By.id("new-product"));

		this.browser.find(By.id("code")).sendKeys("FL 1");
		this.browser.find(By.id("price")).sendKeys("12,345");
		this.browser.click(By.id("save-product"));

		assertThat(this.browser.text(By.id("code-error"))).startsWith("Letters, digits");
		assertThat(this.browser.text(By.id("name-error"))).isEqualTo("Fill this in.");
		assertThat(this.browser.text(By.id("price-error"))).isEqualTo("At most 2 decimals.");
		assertThat(this.browser.find(By.id("price")).getAttribute("value")).isEqualTo("12,345");
		assertThat(this.browser.find(By.id("unit-error")).getText()).isEmpty();

		this.browser.find(By.id("code")).clear();
		this.browser.find(By.id("code")).sendKeys("FL-1");
		this.browser.find(By.id("name")).sendKeys("Flour 50 kg");
		this.browser.find(By.id("price")).clear();
		this.browser.find(By.id("price")).sendKeys("9 000,50");
		new Select(this.browser.find(By.id("category"))).selectByValue("RAW_MATERIAL");
		new Select(this.browser.find(By.id("vatCategory"))).selectByValue("EXEMPT");
		this.browser.click(By.id("save-product"));

		assertThat(this.browser.text(By.id("product-name"))).isEqualTo("Flour 50 kg");
		assertThat(this.browser.text(By.id("product-saved"))).isEqualTo("The product is saved.");
		assertThat(this.browser.text(By.id("product-price"))).contains("9 000,50 ₸");
		assertThat(this.browser.text(By.id("product-vat"))).isEqualTo("Exempt");

		this.browser.click(By.id("edit-product"));
		this.browser.find(By.id("price")).clear();
		this.browser.find(By.id("price")).sendKeys("9500");
		this.browser.click(By.id("save-product"));

		assertThat(this.browser.text(By.id("product-price"))).contains("9 500,00 ₸");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId() + "/products?q=FL-1", owner.token()).text())
			.contains("\"price\":9500.00");
	}

	@Test
	void aTakenCodeIsShownBesideTheCodeField() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Taken Trade");
		Api.Response existing = this.api.post("/api/workspaces/" + org.workspaceId() + "/products", owner.token(),
				java.util.Map.of("code", "FL-1", "name", "Flour", "unit", "bag", "price", "1.00"));
		assertThat(existing.status()).isEqualTo(201);
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/products/new");
		assertThat(this.browser.text(By.cssSelector("label[for=name]"))).isEqualTo("Наименование");

		this.browser.find(By.id("code")).sendKeys("fl-1");
		this.browser.find(By.id("name")).sendKeys("Мука");
		this.browser.find(By.id("price")).sendKeys("100");
		this.browser.click(By.id("save-product"));

		assertThat(this.browser.text(By.id("code-error"))).isEqualTo("Товар с таким кодом уже есть.");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId() + "/products", owner.token())
			.json()
			.path("total")
			.asInt()).isEqualTo(1);
	}

}
