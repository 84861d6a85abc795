package kz.prometric.erp.hr.ui;

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
 * The employee list (search, department filter) and an employee's page with the
 * onboarding checklist and his processes, in a real browser; another company's employee
 * is a 404 page; Russian labels.
 */
@ErpIntegrationTest
class EmployeePagesBrowserTests {

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
	void listsSearchesAndOpensAnEmployeeWithHisOnboarding() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "People Trade");
		UUID sales = department(owner, org, "Sales");
		UUID aida = employee(owner, org, "Aida Nurlanova", "Accountant", null);
		employee(owner, org, "Bolat Seitkali", "Sales manager", sales);

		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/employees");

		assertThat(this.browser.text(By.id("employee-list"))).contains("Aida Nurlanova").contains("Bolat Seitkali");
		this.browser.open("/app/" + org.workspaceId() + "/employees?departmentId=" + sales);
		assertThat(this.browser.text(By.id("employee-list"))).contains("Bolat Seitkali").doesNotContain("Aida");
		this.browser.open("/app/" + org.workspaceId() + "/employees?q=nurlan&sort=name,desc");
		assertThat(this.browser.text(By.id("employee-list"))).contains("Aida Nurlanova").doesNotContain("Bolat");
		this.browser.open("/app/" + org.workspaceId() + "/employees?q=nobody-has-this-name");
		assertThat(this.browser.all(By.cssSelector(".empty-state"))).isNotEmpty();

		this.browser.open("/app/" + org.workspaceId() + "/employees");
		this.browser.find(By.linkText("Aida Nurlanova")).click();
		this.browser.waitUntil(d -> d.getCurrentUrl().endsWith("/employees/" + aida));
		assertThat(this.browser.text(By.id("employee-name"))).isEqualTo("Aida Nurlanova");
		assertThat(this.browser.text(By.id("employee-record"))).contains("Accountant");
		assertThat(this.browser.text(By.id("onboarding"))).contains("Onboarding checklist");
		assertThat(this.browser.all(By.id("process-panel"))).isNotEmpty();
	}

	@Test
	void anotherCompanysEmployeeIsNotFoundAndPagesSpeakRussian() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own People");
		employee(owner, org, "Dana Own", "Cashier", null);
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other People");
		UUID theirs = employee(stranger, other, "Secret Person", "Director", null);

		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/employees/" + theirs);

		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		assertThat(this.browser.driver().getPageSource()).doesNotContain("Secret Person");

		this.browser.open("/app/" + org.workspaceId() + "/employees");
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Сотрудники");
		assertThat(this.browser.text(By.id("employee-list"))).contains("Должность").contains("Dana Own");
	}

	private UUID department(TestData.User owner, TestData.Org org, String name) {
		Api.Response created = this.api.post("/api/organizations/" + org.id() + "/departments", owner.token(),
				Map.of("name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID employee(TestData.User owner, TestData.Org org, String name, String position, UUID department) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("name", name);
		body.put("email", name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8)
				+ "@example.kz");
		body.put("position", position);
		if (department != null) {
			body.put("departmentId", department);
		}
		Api.Response created = this.api.post("/api/organizations/" + org.id() + "/employees", owner.token(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

}
