package kz.prometric.erp.sales.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's delivery address in a real browser: the order form fills it in from the
 * chosen customer and keeps one typed by hand (none at all is refused beside the field);
 * the order's page changes it until shipment (a blank one refused, the change in the
 * history), refuses it once the order was shipped meanwhile and offers no form after;
 * another workspace's order is a 404; members below manager see no form; Russian labels.
 */
@ErpIntegrationTest
class OrderDeliveryAddressBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ProcessEngine engine;

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void theOrderFormFillsInTheCustomersAddressAndKeepsOneTypedByHand() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Form Address Trade");
		customer(owner, org, "Almaty Retail LLP", "Almaty, Abay 1");
		customer(owner, org, "Astana Foods LLP", "Astana, Kabanbay 2");
		customer(owner, org, "Homeless Trade LLP", null);
		product(owner, org, "Rice 5 kg", "3000.00");
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/orders/new");
		Select customer = new Select(this.browser.find(By.id("order-customer")));
		WebElement address = this.browser.find(By.id("order-delivery-address"));

		customer.selectByVisibleText("Almaty Retail LLP");
		assertThat(address.getAttribute("value")).isEqualTo("Almaty, Abay 1");
		customer.selectByVisibleText("Astana Foods LLP");
		assertThat(address.getAttribute("value")).as("the customer's, as long as nobody typed another")
			.isEqualTo("Astana, Kabanbay 2");
		customer.selectByVisibleText("Homeless Trade LLP");
		assertThat(address.getAttribute("value")).isEmpty();
		new Select(this.browser.find(By.id("line-product-0"))).selectByIndex(1);
		this.browser.find(By.id("line-quantity-0")).sendKeys("2");
		this.browser.click(By.id("create-order"));
		assertThat(this.browser.text(By.id("order-delivery-address-error"))).isEqualTo("Enter the delivery address.");

		customer = new Select(this.browser.find(By.id("order-customer")));
		address = this.browser.find(By.id("order-delivery-address"));
		address.sendKeys("Karaganda, Bukhar-Zhyrau 3");
		customer.selectByVisibleText("Almaty Retail LLP");
		assertThat(address.getAttribute("value")).as("typed by hand: kept").isEqualTo("Karaganda, Bukhar-Zhyrau 3");
		this.browser.click(By.id("create-order"));

		this.browser.waitUntil(d -> d.getCurrentUrl().matches(".*/orders/[0-9a-f-]{36}$"));
		assertThat(this.browser.text(By.id("order-customer"))).contains("Almaty Retail LLP");
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Karaganda, Bukhar-Zhyrau 3");
	}

	@Test
	void theOrderPageChangesTheAddressUntilShipmentAndRecordsIt() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Page Address Trade");
		UUID customer = customer(owner, org, "Shymkent Market LLP", "Shymkent, Tauke khan 5");
		UUID product = product(owner, org, "Cement M400", "2500.00");
		receive(owner, org, product, "10");
		JsonNode order = order(owner, org, customer, product);
		String page = "/app/" + org.workspaceId() + "/orders/" + order.path("id").asText();
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open(page);
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Shymkent, Tauke khan 5");

		this.browser.click(By.cssSelector("#delivery-address-edit summary"));
		this.browser.find(By.id("delivery-address")).clear();
		this.browser.click(By.id("save-delivery-address"));
		assertThat(this.browser.text(By.id("delivery-address-error"))).isEqualTo("Enter the delivery address.");
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Shymkent, Tauke khan 5");

		this.browser.find(By.id("delivery-address")).sendKeys("Shymkent, Baidibek bi 12");
		this.browser.click(By.id("save-delivery-address"));

		assertThat(this.browser.text(By.id("address-saved"))).isEqualTo("Delivery address saved.");
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Shymkent, Baidibek bi 12");
		assertThat(this.browser.text(By.id("order-history"))).contains("Delivery address changed",
				"Shymkent, Tauke khan 5 \u2192 Shymkent, Baidibek bi 12");

		// the order is shipped while the page is open: the change is refused beside the
		// field
		ship(org, order);
		this.browser.click(By.cssSelector("#delivery-address-edit summary"));
		WebElement address = this.browser.find(By.id("delivery-address"));
		address.clear();
		address.sendKeys("Too late 1");
		this.browser.click(By.id("save-delivery-address"));

		assertThat(this.browser.text(By.id("delivery-address-error"))).contains("shipped");
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Shymkent, Baidibek bi 12");
		assertThat(this.browser.all(By.id("delivery-address-edit"))).as("no form once shipped").isEmpty();
		this.browser.open(page);
		assertThat(this.browser.text(By.id("order-status"))).isEqualTo("Shipped");
		assertThat(this.browser.all(By.id("delivery-address-edit"))).isEmpty();
		assertThat(this.api
			.get("/api/workspaces/" + org.workspaceId() + "/orders/" + order.path("id").asText(), owner.token())
			.json()
			.path("deliveryAddress")
			.asText()).isEqualTo("Shymkent, Baidibek bi 12");
	}

	@Test
	void anotherWorkspacesOrderIsNotFoundMembersSeeNoFormAndRussianLabels() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Address Trade");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Address Trade");
		JsonNode theirs = order(stranger, other, customer(stranger, other, "Secret Buyer LLP", "Secret street 1"),
				product(stranger, other, "Secret goods", "10.00"));
		JsonNode mine = order(owner, org, customer(owner, org, "Pavlodar Oil LLP", "Pavlodar, Lomov 1"),
				product(owner, org, "Oil", "100.00"));
		TestData.User member = this.data.user("Member");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/orders/" + mine.path("id").asText());
		assertThat(this.browser.text(By.cssSelector("#delivery-address-edit summary")))
			.isEqualTo("Изменить адрес доставки");
		this.browser.click(By.cssSelector("#delivery-address-edit summary"));
		this.browser.find(By.id("delivery-address")).clear();
		this.browser.click(By.id("save-delivery-address"));
		assertThat(this.browser.text(By.id("delivery-address-error"))).isEqualTo("Укажите адрес доставки.");

		// a form posted (with the page's CSRF token) to another workspace's order
		((JavascriptExecutor) this.browser.driver()).executeScript("""
				var form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				[['_csrf', document.querySelector('meta[name="_csrf"]').content], ['deliveryAddress', 'Mine now 1']]
				  .forEach(function (pair) {
				    var input = document.createElement('input');
				    input.name = pair[0];
				    input.value = pair[1];
				    form.appendChild(input);
				  });
				document.body.appendChild(form);
				form.submit();""",
				"/app/" + org.workspaceId() + "/orders/" + theirs.path("id").asText() + "/delivery-address");
		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/delivery-address"));
		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		assertThat(this.browser.driver().getPageSource()).doesNotContain("Secret");
		assertThat(this.api
			.get("/api/workspaces/" + other.workspaceId() + "/orders/" + theirs.path("id").asText(), stranger.token())
			.json()
			.path("deliveryAddress")
			.asText()).isEqualTo("Secret street 1");

		this.browser.close();
		this.browser.at(this.api.baseUrl()).login(member.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/orders/" + mine.path("id").asText());
		assertThat(this.browser.text(By.id("order-address"))).isEqualTo("Pavlodar, Lomov 1");
		assertThat(this.browser.all(By.id("delivery-address-edit"))).as("members below manager change nothing")
			.isEmpty();
	}

	private void ship(TestData.Org org, JsonNode order) {
		var process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(org.workspaceId().toString())
			.singleResult();
		var management = this.engine.getManagementService();
		management.executeJob(management.createJobQuery().processInstanceId(process.getId()).singleResult().getId());
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey(OrderFulfilment.TASK_SHIP_ORDER)
			.singleResult();
		this.engine.getTaskService().complete(task.getId(), Map.of(OrderFulfilment.VAR_CARRIER, "KazPost"));
		management.executeJob(management.createJobQuery().processInstanceId(process.getId()).singleResult().getId());
	}

	private UUID customer(TestData.User owner, TestData.Org org, String name, String address) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "COMPANY", "name", name));
		if (address != null) {
			body.put("address", address);
		}
		Api.Response created = this.api.post("/api/workspaces/" + org.workspaceId() + "/customers", owner.token(),
				body);
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

	private void receive(TestData.User owner, TestData.Org org, UUID product, String quantity) {
		String ws = "/api/workspaces/" + org.workspaceId();
		Api.Response warehouse = this.api.post(ws + "/warehouses", owner.token(),
				Map.of("code", "W-" + UUID.randomUUID().toString().substring(0, 6), "name", "Main"));
		assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(201);
		Api.Response received = this.api.post(ws + "/stock/receipts", owner.token(), Map.of("warehouseId",
				warehouse.json().path("id").asText(), "productId", product, "quantity", quantity));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private JsonNode order(TestData.User owner, TestData.Org org, UUID customer, UUID product) {
		Api.Response created = this.api.post("/api/workspaces/" + org.workspaceId() + "/orders", owner.token(), Map.of(
				"customerId", customer, "lines",
				List.of(Map.of("productId", product, "productName", "Goods", "quantity", "1", "unitPrice", "10.00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

}
