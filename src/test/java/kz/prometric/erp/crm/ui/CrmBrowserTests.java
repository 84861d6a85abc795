package kz.prometric.erp.crm.ui;

import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM pages in a real browser: a customer and a deal with product lines created
 * through the forms, the deal's page with its value, stage, process step and history, the
 * list's search and the board; a wrong BIN is shown next to its field, another
 * workspace's deal is a 404 page, and the pages speak Russian.
 */
@ErpIntegrationTest
class CrmBrowserTests {

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
	void aCustomerAndADealWithProductLinesAreCreatedAndTheDealShowsItsProcessAndHistory() {
		TestData.User owner = this.data.user("Aigerim");
		TestData.Org org = this.data.organization(owner, "Steppe Trade");
		String flour = product(owner, org, "FLOUR-1", "Flour, 50 kg", "500.00");
		String sugar = product(owner, org, "SUGAR-1", "Sugar, 25 kg", "250.00");
		String bin = TestData.nextBin();
		String app = "/app/" + org.workspaceId();
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open(app + "/customers/new");
		this.browser.find(By.id("name")).sendKeys("Almaty Bakery LLP");
		this.browser.find(By.id("taxId")).sendKeys(bin);
		this.browser.click(By.id("save-customer"));
		assertThat(this.browser.text(By.id("customer-name"))).isEqualTo("Almaty Bakery LLP");
		assertThat(this.browser.text(By.id("customer-tax-id"))).isEqualTo(bin);

		this.browser.click(By.id("new-deal"));
		assertThat(new Select(this.browser.find(By.id("customerId"))).getFirstSelectedOption().getText())
			.startsWith("Almaty Bakery LLP");
		assertThat(this.browser.all(By.cssSelector("tr.line-row"))).hasSizeGreaterThanOrEqualTo(5);
		this.browser.find(By.id("title")).sendKeys("Flour supply");
		new Select(this.browser.find(By.id("lines0.productId"))).selectByValue(flour);
		WebElement quantity = this.browser.find(By.id("lines0.quantity"));
		quantity.clear();
		quantity.sendKeys("2");
		new Select(this.browser.find(By.id("lines1.productId"))).selectByValue(sugar);
		WebElement quantity2 = this.browser.find(By.id("lines1.quantity"));
		quantity2.clear();
		quantity2.sendKeys("3");
		WebElement price2 = this.browser.find(By.id("lines1.unitPrice"));
		price2.clear();
		price2.sendKeys("200");
		this.browser.find(By.id("deal-form")).submit();

		this.browser.waitUntil(d -> d.getCurrentUrl().matches(".*/deals/[0-9a-f-]{36}$"));
		assertThat(this.browser.text(By.id("deal-title"))).isEqualTo("Flour supply");
		// 2 × 500 + 3 × 200
		assertThat(this.browser.find(By.id("deal-value")).getAttribute("data-value")).isEqualTo("1600.00");
		assertThat(this.browser.text(By.id("deal-value"))).isEqualTo("1 600,00 ₸");
		assertThat(this.browser.all(By.cssSelector("tr.deal-line"))).hasSize(2);
		assertThat(this.browser.find(By.id("deal-stage")).getAttribute("data-stage")).isEqualTo("NEW");
		assertThat(this.browser.text(By.id("deal-customer"))).isEqualTo("Almaty Bakery LLP");
		assertThat(this.browser.text(By.cssSelector("#deal-process .process-step"))).isEqualTo("Qualify deal");
		assertThat(this.browser.find(By.id("open-task")).getAttribute("href"))
			.contains("/camunda/app/tasklist/default/#/?task=");
		WebElement created = this.browser.find(By.cssSelector("#deal-history tr[data-kind=CREATED]"));
		assertThat(created.getText()).contains("Created the deal \"Flour supply\"").contains("Aigerim Testov");

		this.browser.open(app + "/deals?q=flour");
		assertThat(this.browser.text(By.id("deals-table"))).contains("Flour supply", "Almaty Bakery LLP");
		this.browser.open(app + "/deals?q=nothing-like-this");
		assertThat(this.browser.find(By.cssSelector(".empty-state")).getText()).isNotBlank();

		this.browser.open(app + "/deals");
		this.browser.click(By.id("deals-board"));
		WebElement column = this.browser.find(By.id("column-NEW"));
		assertThat(column.getText()).contains("Flour supply", "1 600,00 ₸");
		assertThat(this.browser.text(By.id("column-WON"))).doesNotContain("Flour supply");
	}

	@Test
	void aWrongBinIsShownNextToItsFieldAndNothingIsCreated() {
		TestData.User owner = this.data.user("Bolat");
		TestData.Org org = this.data.organization(owner, "Bin Check Trade");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/customers/new");
		this.browser.find(By.id("name")).sendKeys("Wrong Digits LLP");
		this.browser.find(By.id("taxId")).sendKeys("123456789012");
		this.browser.click(By.id("save-customer"));

		assertThat(this.browser.text(By.id("taxId-error"))).contains("BIN");
		assertThat(this.browser.find(By.id("taxId")).getAttribute("class")).contains("is-invalid");
		assertThat(this.browser.find(By.id("name")).getAttribute("value")).isEqualTo("Wrong Digits LLP");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId() + "/customers", owner.token()).items())
			.isEmpty();
	}

	@Test
	void anotherWorkspacesDealIsNotFound() {
		TestData.User owner = this.data.user("Dana");
		TestData.Org own = this.data.organization(owner, "Own Deals Trade");
		TestData.User stranger = this.data.user("Erlan");
		TestData.Org other = this.data.organization(stranger, "Their Deals Trade");
		UUID theirCustomer = this.data.customer(stranger, other.workspaceId(), "Their Buyer LLP");
		String theirDeal = this.data.deal(stranger, other.workspaceId(), theirCustomer, "Secret cement", Map.of())
			.path("id")
			.asText();
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		for (String path : new String[] { "/app/" + own.workspaceId() + "/deals/" + theirDeal,
				"/app/" + own.workspaceId() + "/deals/" + theirDeal + "/edit",
				"/app/" + other.workspaceId() + "/deals/" + theirDeal,
				"/app/" + own.workspaceId() + "/customers/" + theirCustomer }) {
			this.browser.open(path);
			assertThat(this.browser.text(By.cssSelector(".error-page h1"))).as(path).isEqualTo("404");
			assertThat(this.browser.driver().getPageSource()).doesNotContain("Secret cement", "Their Buyer");
		}
	}

	@Test
	void editingADealChangesOnlyWhatChangedAndTheHistorySaysWhoDidIt() {
		TestData.User owner = this.data.user("Kairat");
		TestData.Org org = this.data.organization(owner, "Edit Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Edit Buyer LLP");
		String deal = this.data
			.deal(owner, org.workspaceId(), customer, "Coal delivery",
					Map.of("value", "1000.00", "description", "First line\nSecond line"))
			.path("id")
			.asText();
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/deals/" + deal);
		this.browser.click(By.id("edit-deal"));
		WebElement value = this.browser.find(By.id("value"));
		value.clear();
		value.sendKeys("2500");
		this.browser.find(By.id("deal-form")).submit();

		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/deals/" + deal));
		assertThat(this.browser.find(By.id("deal-value")).getAttribute("data-value")).isEqualTo("2500.00");
		assertThat(this.browser.all(By.cssSelector("#deal-history tr[data-source=change]")))
			.extracting(WebElement::getText)
			.satisfiesExactly(changed -> assertThat(changed).contains("1 000,00 ₸", "2 500,00 ₸", "Kairat Testov"),
					created -> assertThat(created).contains("Created the deal"));
	}

	@Test
	void theDealPagesSpeakRussian() {
		TestData.User owner = this.data.user("Gulnar");
		TestData.Org org = this.data.organization(owner, "Russian Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Караганда Снаб ТОО");
		String deal = this.data.deal(owner, org.workspaceId(), customer, "Поставка муки", Map.of()).path("id").asText();
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/deals");
		assertThat(this.browser.text(By.cssSelector("main h1"))).isEqualTo("Сделки");
		assertThat(this.browser.text(By.id("new-deal"))).isEqualTo("Новая сделка");
		assertThat(this.browser.text(By.id("deals-table"))).contains("Название", "Клиент", "Этап", "Поставка муки");

		this.browser.open("/app/" + org.workspaceId() + "/deals/" + deal);
		assertThat(this.browser.text(By.id("deal-stage"))).isEqualTo("Новая");
		assertThat(this.browser.text(By.id("deal-history"))).contains("История", "Создал(а) сделку «Поставка муки»");
		assertThat(this.browser.text(By.id("open-task"))).isEqualTo("Открыть в Tasklist");
	}

	private String product(TestData.User owner, TestData.Org org, String code, String name, String price) {
		Api.Response product = this.api.post("/api/workspaces/" + org.workspaceId() + "/products", owner.token(),
				Map.of("code", code, "name", name, "unit", "pcs", "price", price));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		return product.json().path("id").asText();
	}

}
