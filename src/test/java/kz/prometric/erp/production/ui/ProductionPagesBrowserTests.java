package kz.prometric.erp.production.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Production orders in a real browser: the list, and a released order's page with its
 * operations, materials and its production-run process drawn as a diagram with the
 * current step highlighted; another workspace's order is a 404 page; Russian labels.
 */
@ErpIntegrationTest
class ProductionPagesBrowserTests {

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
	void listsOrdersAndShowsAReleasedOrderWithItsProcess() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Shop Floor");
		JsonNode order = releasedOrder(owner, org.workspaceId());

		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/production");

		assertThat(this.browser.text(By.id("production-list"))).contains(order.path("orderNumber").asText())
			.contains("Product CAB-1");
		this.browser.find(By.linkText(order.path("orderNumber").asText())).click();
		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/production/" + order.path("id").asText()));

		assertThat(this.browser.text(By.id("production-product"))).isEqualTo("Product CAB-1");
		assertThat(this.browser.text(By.id("production-operations"))).contains("Assemble");
		assertThat(this.browser.text(By.id("production-materials"))).contains("Product PNL-1");
		assertThat(this.browser.all(By.cssSelector("#process-panel .process-diagram svg"))).hasSize(1);
		assertThat(this.browser.all(By.cssSelector("#process-panel svg g.bpmn-shape.current"))).isNotEmpty();
		assertThat(this.browser.all(By.cssSelector("#process-panel svg g.bpmn-shape.completed"))).isNotEmpty();
		assertThat(this.browser.text(By.id("task-history"))).isNotEmpty();
	}

	@Test
	void anotherWorkspacesOrderIsNotFoundAndTheListSpeaksRussian() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Floor");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Floor");
		JsonNode theirs = releasedOrder(stranger, other.workspaceId());

		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/production/" + theirs.path("id").asText());

		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		assertThat(this.browser.driver().getPageSource()).doesNotContain(theirs.path("orderNumber").asText());

		this.browser.open("/app/" + org.workspaceId() + "/production");
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Производственные заказы");
		assertThat(this.browser.all(By.cssSelector(".empty-state"))).isNotEmpty();
	}

	private JsonNode releasedOrder(TestData.User owner, UUID workspaceId) {
		String ws = "/api/workspaces/" + workspaceId;
		UUID cabinet = id(this.api.post(ws + "/products", owner.token(), Map.of("code", "CAB-1", "name",
				"Product CAB-1", "unit", "pcs", "price", "100000.00", "cost", "60000.00")));
		UUID panel = id(this.api.post(ws + "/products", owner.token(), Map.of("code", "PNL-1", "name", "Product PNL-1",
				"unit", "pcs", "price", "10000.00", "cost", "5000.00")));
		UUID warehouse = id(this.api.post(ws + "/warehouses", owner.token(), Map.of("code", "MAIN", "name", "Main")));
		assertThat(
				this.api
					.post(ws + "/stock/receipts", owner.token(),
							Map.of("warehouseId", warehouse, "productId", panel, "quantity", "100", "unitCost",
									"5000.00"))
					.status())
			.isEqualTo(201);
		UUID assembly = id(this.api.post(ws + "/work-centers", owner.token(), Map.of("code", "ASSEMBLY", "name",
				"Assembly", "kind", "MANUAL", "hourlyRate", "6000.00", "capacityHoursPerDay", "8")));
		Api.Response routing = this.api.send("PUT", ws + "/products/" + cabinet + "/routing", owner.token(),
				Map.of("operations", List.of(Map.of("workCenterId", assembly, "name", "Assemble", "setupMinutes", "5",
						"runMinutesPerUnit", "30", "instructions", "Assemble carefully", "inspectionAfter", true))),
				Map.of());
		assertThat(routing.status()).as(routing.toString()).isEqualTo(200);
		Api.Response bom = this.api.send("PUT", ws + "/products/" + cabinet + "/bom", owner.token(),
				Map.of("components", List.of(Map.of("productId", panel, "quantity", "2"))), Map.of());
		assertThat(bom.status()).as(bom.toString()).isEqualTo(200);
		Api.Response order = this.api.post(ws + "/production-orders", owner.token(),
				Map.of("productId", cabinet, "quantity", "2", "warehouseId", warehouse, "dueDate", "2026-12-20"));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		Api.Response released = this.api
			.post(ws + "/production-orders/" + order.json().path("id").asText() + "/release", owner.token(), null);
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		return released.json();
	}

	private static UUID id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

}
