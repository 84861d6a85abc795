package kz.prometric.erp.ui;

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
 * The home page in a real browser: the pipeline chart drawn by ECharts from the deals, my
 * task with its deal, the pipeline numbers in tenge, the overdue tasks page, and the
 * Russian labels.
 */
@ErpIntegrationTest
class HomePageBrowserTests {

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
	void homeShowsThePipelineChartAndMyTaskWithItsDeal() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Home Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Almaty Retail LLP");
		JsonNode deal = this.data.deal(owner, org.workspaceId(), customer, "Flour supply",
				Map.of("value", "1322400.00", "expectedCloseDate", "2027-01-15"));
		String task = takeTheDealsTask(owner, org.workspaceId(), deal.path("id").asText());

		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		assertThat(this.browser.url()).endsWith("/app/" + org.workspaceId());
		this.browser
			.waitUntil(d -> !d.findElements(By.cssSelector("#pipeline-chart svg, #pipeline-chart canvas")).isEmpty());
		assertThat(this.browser.all(By.cssSelector("#forecast-chart svg, #forecast-chart canvas"))).isNotEmpty();
		assertThat(this.browser.text(By.cssSelector("#pipeline-table tr[data-stage=NEW]")).replace('\u00a0', ' '))
			.contains("1 322 400,00 ₸");
		String myTask = this.browser.text(By.cssSelector("#my-tasks tr[data-task-id='" + task + "']"));
		assertThat(myTask).contains("Flour supply");
		// a list with tasks says nothing of an empty one
		assertThat(this.browser.text(By.id("my-tasks"))).doesNotContain("No tasks are waiting");
		assertThat(
				this.browser.find(By.cssSelector("#my-tasks tr[data-task-id='" + task + "'] a")).getAttribute("href"))
			.contains("/camunda/app/tasklist/default/#/?task=" + task);
		assertThat(this.browser.text(By.id("work-in-progress"))).contains("Open orders");
		assertThat(this.browser.text(By.id("low-stock"))).contains("Stock below minimum");

		this.browser.click(By.id("all-overdue-tasks"));
		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks/overdue"));
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Overdue tasks");
	}

	@Test
	void homeListsStockBelowItsMinimumWithALinkToReceiveIt() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Low Stock Trade");
		String ws = "/api/workspaces/" + org.workspaceId();
		String warehouse = this.api
			.post(ws + "/warehouses", owner.token(), Map.of("code", "ALA-1", "name", "Almaty store"))
			.json()
			.path("id")
			.asText();
		String product = this.api
			.post(ws + "/products", owner.token(),
					Map.of("code", "SUGAR-50", "name", "Sugar 50 kg", "unit", "bag", "price", "21000.00"))
			.json()
			.path("id")
			.asText();
		assertThat(this.api
			.send("PUT", ws + "/warehouses/" + warehouse + "/minimums/" + product, owner.token(),
					"{\"minimumQuantity\": \"12\"}", Map.of())
			.status()).isEqualTo(200);

		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		String row = this.browser
			.text(By.cssSelector("#low-stock tr.low-stock-row[data-product-id='" + product + "']"));
		assertThat(row).contains("Sugar 50 kg", "Almaty store", "12 bag");
		this.browser.click(By.cssSelector("#low-stock tr.low-stock-row a.btn"));
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("/inventory/receipts/new"));
		assertThat(this.browser.url()).contains("productId=" + product).contains("warehouseId=" + warehouse);
	}

	@Test
	void homeSpeaksRussian() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Russian Trade");
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		assertThat(this.browser.url()).endsWith("/app/" + org.workspaceId());
		assertThat(this.browser.text(By.id("pipeline"))).contains("Воронка по этапам").contains("Новая");
		assertThat(this.browser.text(By.id("overdue-invoices"))).contains("Просроченные счета");
		assertThat(this.browser.text(By.id("work-in-progress"))).contains("Производственные заказы в работе");
	}

	private String takeTheDealsTask(TestData.User owner, UUID workspaceId, String dealId) {
		String tasks = "/api/workspaces/" + workspaceId + "/tasks";
		Api.Response found = this.api.get(tasks + "?objectKind=DEAL&objectId=" + dealId, owner.token());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.items()).isNotEmpty();
		String task = found.items().get(0).path("id").asText();
		Api.Response claimed = this.api.post(tasks + "/" + task + "/claim", owner.token(), null);
		assertThat(claimed.status()).as(claimed.toString()).isIn(200, 204);
		return task;
	}

}
