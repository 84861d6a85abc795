package kz.prometric.erp.sales.ui;

import java.util.List;
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
 * Orders in a real browser: the list leads to an order's page with its lines, where its
 * process stands and its history; an order entered by hand (refused without lines);
 * another workspace's order is a 404 page; Russian labels.
 */
@ErpIntegrationTest
class OrderPagesBrowserTests {

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
	void theListLeadsToTheOrderWithItsLinesProcessAndHistory() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Order Page Trade");
		UUID customer = customer(owner, org, "Almaty Retail LLP");
		UUID product = product(owner, org, "Flour 50 kg", "12500.00");
		String number = order(owner, org, customer, product, "4").path("orderNumber").asText();
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/orders");
		this.browser.find(By.id("order-search")).sendKeys("Almaty Retail");
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("q=Almaty"));
		this.browser.find(By.linkText(number)).click();

		assertThat(this.browser.text(By.id("order-number"))).isEqualTo(number);
		assertThat(this.browser.text(By.id("order-status"))).isEqualTo("Pending");
		assertThat(this.browser.text(By.id("order-customer"))).contains("Almaty Retail LLP");
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Almaty, Abay 1");
		String lines = this.browser.text(By.id("order-lines"));
		assertThat(lines).contains("Flour 50 kg", "4 pcs", "12 500,00 ₸", "50 000,00 ₸");
		assertThat(this.browser.text(By.cssSelector("#order-process .process-name"))).isNotBlank();
		assertThat(this.browser.all(By.cssSelector("#order-process .current-step"))).isNotEmpty();
		assertThat(this.browser.text(By.id("order-history"))).contains("Order created", "Entered by hand");
	}

	@Test
	void anOrderEnteredByHandNeedsALineAndThenOpensItsPage() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Hand Order Trade");
		customer(owner, org, "Shymkent Foods LLP");
		product(owner, org, "Sugar 1 kg", "650.00");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/orders");
		assertThat(this.browser.find(By.className("empty-state")).isDisplayed()).isTrue();
		this.browser.click(By.id("new-order"));

		new Select(this.browser.find(By.id("order-customer"))).selectByVisibleText("Shymkent Foods LLP");
		this.browser.click(By.id("create-order"));
		assertThat(this.browser.text(By.id("order-lines-error"))).contains("at least one line");

		new Select(this.browser.find(By.id("line-product-0"))).selectByIndex(1);
		this.browser.find(By.id("line-quantity-0")).sendKeys("0");
		this.browser.click(By.id("create-order"));
		assertThat(this.browser.text(By.id("line-quantity-error-0"))).contains("More than 0");

		WebElement quantity = this.browser.find(By.id("line-quantity-0"));
		quantity.clear();
		quantity.sendKeys("12");
		this.browser.click(By.id("create-order"));

		this.browser.waitUntil(d -> d.getCurrentUrl().matches(".*/orders/[0-9a-f-]{36}$"));
		assertThat(this.browser.text(By.id("order-number"))).startsWith("SO-");
		assertThat(this.browser.text(By.id("order-lines"))).contains("Sugar 1 kg", "12 pcs", "7 800,00 ₸");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId() + "/orders", owner.token()).items()).hasSize(1);
	}

	@Test
	void anotherWorkspacesOrderIsNotFoundAndRussianLabels() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Order Trade");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Order Trade");
		UUID theirs = UUID.fromString(order(stranger, other, customer(stranger, other, "Secret Buyer LLP"),
				product(stranger, other, "Secret goods", "10.00"), "1")
			.path("id")
			.asText());
		order(owner, org, customer(owner, org, "Karaganda Steel LLP"), product(owner, org, "Steel", "100.00"), "2");
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/orders/" + theirs);
		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		assertThat(this.browser.driver().getPageSource()).doesNotContain("Secret Buyer");

		this.browser.open("/app/" + org.workspaceId() + "/orders");
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Заказы");
		assertThat(this.browser.text(By.id("order-list"))).contains("Номер", "Клиент", "Новый", "Karaganda Steel LLP");
	}

	private UUID customer(TestData.User owner, TestData.Org org, String name) {
		Api.Response created = this.api.post("/api/workspaces/" + org.workspaceId() + "/customers", owner.token(),
				Map.of("type", "COMPANY", "name", name, "address", "Almaty, Abay 1"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID product(TestData.User owner, TestData.Org org, String name, String price) {
		Api.Response created = this.api.post("/api/workspaces/" + org.workspaceId() + "/products", owner.token(),
				Map.of("code", "P-" + UUID.randomUUID().toString().substring(0, 6), "name", name, "unit", "pcs",
						"price", price, "vatCategory", "STANDARD", "priceIncludesVat", false));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private com.fasterxml.jackson.databind.JsonNode order(TestData.User owner, TestData.Org org, UUID customer,
			UUID product, String quantity) {
		com.fasterxml.jackson.databind.JsonNode item = this.api
			.get("/api/workspaces/" + org.workspaceId() + "/products/" + product, owner.token())
			.json();
		Api.Response created = this.api.post("/api/workspaces/" + org.workspaceId() + "/orders", owner.token(),
				Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "productName",
						item.path("name").asText(), "quantity", quantity, "unitPrice", item.path("price").asText()))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

}
