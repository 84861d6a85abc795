package kz.prometric.erp.inventory.ui;

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
 * Products with stock, warehouses and stock receipts in a real browser: the list shows
 * what is on hand, the Replenish stock link receives into the right warehouse, the
 * warehouse page lists the movement, minimums are set on the product's page, another
 * workspace's ids are 404 pages, and the pages speak Russian.
 */
@ErpIntegrationTest
class StockPagesBrowserTests {

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
	void theProductListShowsStockOnHandAndFindsByName() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Stock List Trade");
		UUID almaty = warehouse(owner, org, "ALA", "Almaty store");
		UUID astana = warehouse(owner, org, "AST", "Astana store");
		UUID flour = product(owner, org, "FL-1", "Flour 50 kg", "bag");
		product(owner, org, "SU-1", "Sugar", "kg");
		receive(owner, org, almaty, flour, "12");
		receive(owner, org, astana, flour, "0.5");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/products");

		assertThat(this.browser.text(By.cssSelector("[data-product-code='FL-1'] .stock-on-hand")))
			.isEqualTo("12,5 bag");
		assertThat(this.browser.text(By.cssSelector("[data-product-code='SU-1'] .stock-on-hand"))).isEqualTo("0 kg");
		assertThat(this.browser.text(By.cssSelector("[data-product-code='FL-1'] .money"))).isEqualTo("9 000,00 ₸");

		this.browser.find(By.id("product-search")).sendKeys("sug");

		this.browser.waitUntil(d -> d.findElements(By.cssSelector("#product-list [data-product-code]")).size() == 1);
		assertThat(this.browser.text(By.id("product-list"))).contains("Sugar").doesNotContain("Flour");
		assertThat(this.browser.url()).contains("q=sug");
		assertThat(this.browser.all(By.cssSelector(".empty-state"))).isEmpty();
		this.browser.find(By.id("product-search")).sendKeys("ar-nothing");
		this.browser.waitUntil(d -> !d.findElements(By.cssSelector("#product-results .empty-state")).isEmpty());
	}

	@Test
	void aReceiptFromThePrefilledLinkRaisesTheStockAndShowsInTheWarehouse() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Receipt Trade");
		UUID store = warehouse(owner, org, "ALA", "Almaty store");
		warehouse(owner, org, "AST", "Astana store");
		UUID flour = product(owner, org, "FL-1", "Flour 50 kg", "bag");
		receive(owner, org, store, flour, "5");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser
			.open("/app/" + org.workspaceId() + "/inventory/receipts/new?productId=" + flour + "&warehouseId=" + store);
		assertThat(new Select(this.browser.find(By.id("productId"))).getFirstSelectedOption().getText())
			.contains("Flour 50 kg");
		assertThat(new Select(this.browser.find(By.id("warehouseId"))).getFirstSelectedOption().getText())
			.contains("Almaty store");
		this.browser.find(By.id("quantity")).sendKeys("-2");
		this.browser.click(By.id("receive"));
		assertThat(this.browser.text(By.id("quantity-error"))).isEqualTo("Must be greater than 0.");
		this.browser.find(By.id("quantity")).clear();
		this.browser.find(By.id("quantity")).sendKeys("7,5");
		this.browser.find(By.id("unitCost")).sendKeys("1200");
		this.browser.find(By.id("note")).sendKeys("Truck 12");
		this.browser.click(By.id("receive"));

		assertThat(this.browser.text(By.id("receipt-done"))).isEqualTo("Received 7,5 bag of Flour 50 kg.");
		assertThat(this.browser.url()).endsWith("/warehouses/" + store);
		WebElement movement = this.browser.find(By.cssSelector("#movement-list .movement[data-movement-type=RECEIPT]"));
		assertThat(movement.getText()).contains("Receipt", "Flour 50 kg", "7,5 bag", "1 200,00 ₸", "Truck 12");
		assertThat(this.browser.all(By.cssSelector("#movement-list .movement"))).hasSize(2);
		assertThat(
				this.browser.text(By.cssSelector("#warehouse-stock [data-product-id='" + flour + "'] .stock-on-hand")))
			.isEqualTo("12,5 bag");

		this.browser.open("/app/" + org.workspaceId() + "/products/" + flour);

		assertThat(this.browser.text(By.id("stock-on-hand"))).isEqualTo("12,5");
		assertThat(this.browser.text(By.id("recent-movements"))).contains("Truck 12");
	}

	@Test
	void aManagerCreatesAWarehouseEditsItAndFindsItInTheList() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Warehouse Form Trade");
		warehouse(owner, org, "AST", "Астана хаб");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/warehouses");

		this.browser.click(By.id("new-warehouse"));
		this.browser.find(By.id("code")).sendKeys("-ala");
		this.browser.find(By.id("name")).sendKeys("Алматы склад");
		this.browser.find(By.id("address")).sendKeys("Алматы, Рыскулова 57");
		this.browser.click(By.id("save-warehouse"));
		assertThat(this.browser.text(By.id("code-error")))
			.isEqualTo("Letters, digits and . _ / - only, starting with a letter or digit.");
		this.browser.find(By.id("code")).clear();
		this.browser.find(By.id("code")).sendKeys("ALA-1");
		this.browser.click(By.id("save-warehouse"));

		assertThat(this.browser.find(By.id("warehouse-saved")).isDisplayed()).isTrue();
		assertThat(this.browser.text(By.id("warehouse-name"))).isEqualTo("Алматы склад");
		assertThat(this.browser.text(By.id("warehouse-address"))).contains("Алматы, Рыскулова 57");
		this.browser.click(By.id("edit-warehouse"));
		this.browser.find(By.id("name")).clear();
		this.browser.find(By.id("name")).sendKeys("Алматы, центральный склад");
		this.browser.click(By.id("save-warehouse"));
		assertThat(this.browser.text(By.id("warehouse-name"))).isEqualTo("Алматы, центральный склад");

		this.browser.open("/app/" + org.workspaceId() + "/warehouses");
		assertThat(this.browser.all(By.cssSelector("#warehouse-list [data-warehouse-code]"))).hasSize(2);
		this.browser.find(By.id("warehouse-search")).sendKeys("АЛМАТЫ");
		this.browser
			.waitUntil(d -> d.findElements(By.cssSelector("#warehouse-list [data-warehouse-code]")).size() == 1);
		assertThat(this.browser.text(By.id("warehouse-list"))).contains("ALA-1", "Алматы, центральный склад")
			.doesNotContain("Астана");
		assertThat(this.browser.url()).contains("q=");
		this.browser.find(By.id("warehouse-search")).sendKeys(" нет такого");
		this.browser.waitUntil(d -> !d.findElements(By.cssSelector("#warehouse-results .empty-state")).isEmpty());
		assertThat(this.browser.text(By.cssSelector("#warehouse-results .empty-state")))
			.startsWith("No warehouse matches");
	}

	@Test
	void minimumsAreSetPerWarehouseOnTheProductPage() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Minimum Trade");
		UUID store = warehouse(owner, org, "ALA", "Almaty store");
		UUID flour = product(owner, org, "FL-1", "Flour 50 kg", "bag");
		receive(owner, org, store, flour, "3");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/products/" + flour);
		By row = By.cssSelector("#stock-by-warehouse [data-warehouse-id='" + store + "']");

		WebElement input = this.browser.find(row).findElement(By.cssSelector(".minimum-quantity"));
		input.sendKeys("-1");
		input.submit();
		assertThat(this.browser.text(By.cssSelector(".minimum-error"))).isEqualTo("Must not be negative.");
		input = this.browser.find(row).findElement(By.cssSelector(".minimum-quantity"));
		input.clear();
		input.sendKeys("10");
		input.submit();

		assertThat(this.browser.find(By.id("minimum-saved")).isDisplayed()).isTrue();
		assertThat(this.browser.find(row).findElement(By.cssSelector(".below-minimum")).getText())
			.isEqualTo("Below minimum");
		Api.Response below = this.api.get("/api/workspaces/" + org.workspaceId() + "/stock/below-minimum",
				owner.token());
		assertThat(below.text()).contains("\"shortfall\":7.000");
		assertThat(below.json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void anotherWorkspacesProductAndWarehouseAreNotFoundAndMembersCannotReceive() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Stock Trade");
		TestData.User member = this.data.user("Member");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Stock Trade");
		UUID secretStore = warehouse(stranger, other, "SEC", "Secret store");
		UUID secretProduct = product(stranger, other, "SEC-1", "Secret product", "pcs");
		this.browser.at(this.api.baseUrl()).login(member.email(), TestData.PASSWORD);
		String ws = "/app/" + org.workspaceId();

		for (String path : new String[] { ws + "/products/" + secretProduct, ws + "/warehouses/" + secretStore,
				ws + "/products/" + secretProduct + "/edit",
				"/app/" + other.workspaceId() + "/warehouses/" + secretStore }) {
			this.browser.open(path);
			assertThat(this.browser.text(By.cssSelector(".error-page h1"))).as(path).isEqualTo("404");
			assertThat(this.browser.driver().getPageSource()).as(path).doesNotContain("Secret");
		}
		this.browser.open(ws + "/inventory/receipts/new");
		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("403");
		this.browser.open(ws + "/products");
		assertThat(this.browser.find(By.cssSelector(".empty-state")).getText()).contains("No products yet");
	}

	@Test
	void thePagesSpeakRussian() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Russian Stock Trade");
		UUID store = warehouse(owner, org, "ALA", "Алматы склад");
		UUID flour = product(owner, org, "FL-1", "Мука 50 кг", "мешок");
		receive(owner, org, store, flour, "2");
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/products");
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Товары");
		assertThat(this.browser.text(By.cssSelector("#product-list thead"))).contains("Наименование", "В наличии");
		this.browser.open("/app/" + org.workspaceId() + "/warehouses/" + store);

		assertThat(this.browser.text(By.cssSelector("#warehouse-movements .movement"))).contains("Приход");
		assertThat(this.browser.text(By.id("receive-here"))).isEqualTo("Принять на склад");
	}

	private UUID warehouse(TestData.User by, TestData.Org org, String code, String name) {
		return created(this.api.post("/api/workspaces/" + org.workspaceId() + "/warehouses", by.token(),
				Map.of("code", code, "name", name)));
	}

	private UUID product(TestData.User by, TestData.Org org, String code, String name, String unit) {
		return created(this.api.post("/api/workspaces/" + org.workspaceId() + "/products", by.token(),
				Map.of("code", code, "name", name, "unit", unit, "price", "9000.00")));
	}

	private void receive(TestData.User by, TestData.Org org, UUID warehouse, UUID product, String quantity) {
		Api.Response received = this.api.post("/api/workspaces/" + org.workspaceId() + "/stock/receipts", by.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", quantity));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private static UUID created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().path("id").asText());
	}

}
