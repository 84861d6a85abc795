package kz.prometric.erp.workflow;

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

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared process panel ({@code workflow/process :: panel}): as it is by default (an
 * employee's page: {@code #process-panel} with the engine's task history), and as a page
 * with a history of its own names it and leaves that task history out (the deal's page:
 * {@code #deal-process}, the tasks in the deal's history).
 */
@ErpIntegrationTest
class ProcessPanelBrowserTests {

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
	void aDealsPageNamesItsPanelAndKeepsTheTasksInItsOwnHistory() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Panel Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Panel Buyer LLP");
		String deal = this.data.deal(owner, org.workspaceId(), customer, "Panel supply", Map.of()).path("id").asText();
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/deals/" + deal);

		assertThat(this.browser.all(By.id("process-panel"))).isEmpty();
		assertThat(this.browser.text(By.cssSelector("#deal-process .process-name"))).isEqualTo("Deal lifecycle");
		assertThat(this.browser.find(By.cssSelector("#deal-process .process")).getAttribute("data-state"))
			.isEqualTo("ACTIVE");
		assertThat(this.browser.all(By.cssSelector(
				"#deal-process .process-diagram svg g.bpmn-shape.current[data-element-id='Task_QualifyDeal']")))
			.hasSize(1);
		assertThat(this.browser.text(By.cssSelector("#deal-process .current-step"))).isEqualTo("Qualify deal");
		assertThat(this.browser.find(By.cssSelector("#deal-process #open-task")).getAttribute("href"))
			.contains("/camunda/app/tasklist/default/#/?task=");
		assertThat(this.browser.all(By.id("task-history"))).isEmpty();
		assertThat(this.browser.text(By.cssSelector("#deal-history tr[data-kind=TASK_OPEN]"))).contains("Qualify deal");
	}

	@Test
	void anEmployeesPageShowsThePanelWithTheEnginesTaskHistory() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Panel People");
		Api.Response employee = this.api.post("/api/organizations/" + org.id() + "/employees", owner.token(),
				Map.of("name", "Aida Panel", "position", "Accountant", "email",
						"aida." + UUID.randomUUID().toString().substring(0, 8) + "@example.kz"));
		assertThat(employee.status()).as(employee.toString()).isEqualTo(201);
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/employees/" + employee.json().path("id").asText());
		this.browser.reloadUntil(d -> !d.findElements(By.cssSelector("#process-panel .process")).isEmpty());

		assertThat(this.browser.all(By.cssSelector("#process-panel .process-diagram svg"))).isNotEmpty();
		assertThat(this.browser.all(By.cssSelector("#process-panel #task-history"))).hasSize(1);
	}

}
