package kz.prometric.erp.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order to cash as a person does it, in a real browser: log in, the home page's pipeline
 * chart, a new customer and a deal with product lines on the ERP's pages, its task
 * completed in Tasklist, the deal's new stage and history, the win, the order, Ship order
 * completed in Tasklist, the invoice and its PDF, a payment, paid. The engine's jobs are
 * run by the test, as the job executor would.
 */
@ErpIntegrationTest
class OrderToCashBrowserTests {

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
	void aDealBecomesAPaidInvoiceThroughThePagesAndTasklist() throws Exception {
		TestData.User owner = this.data.user("Aigerim");
		TestData.Org org = this.data.organization(owner, "Bekova Trade");
		String ws = "/api/workspaces/" + org.workspaceId();
		String warehouse = id(
				this.api.post(ws + "/warehouses", owner.token(), Map.of("code", "ALA-1", "name", "Almaty store")));
		String product = id(this.api.post(ws + "/products", owner.token(),
				Map.of("code", "FL-50", "name", "Flour 50 kg", "unit", "bag", "price", "14500.00")));
		assertThat(this.api
			.post(ws + "/stock/receipts", owner.token(),
					Map.of("warehouseId", warehouse, "productId", product, "quantity", "500"))
			.status()).isEqualTo(201);
		String pages = "/app/" + org.workspaceId();

		// log in: the home page draws the pipeline
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser
			.waitUntil(d -> !d.findElements(By.cssSelector("#pipeline-chart svg, #pipeline-chart canvas")).isEmpty());

		// a customer
		this.browser.open(pages + "/customers");
		this.browser.click(By.id("new-customer"));
		this.browser.find(By.id("name")).sendKeys("Almaty Retail LLP");
		this.browser.find(By.id("taxId")).sendKeys(TestData.nextBin());
		this.browser.click(By.id("save-customer"));
		assertThat(this.browser.text(By.id("customer-name"))).isEqualTo("Almaty Retail LLP");

		// a deal with two product lines from the catalog
		this.browser.click(By.id("new-deal"));
		this.browser.find(By.id("title")).sendKeys("Flour supply");
		new Select(this.browser.find(By.name("lines[0].productId"))).selectByValue(product);
		type(By.name("lines[0].quantity"), "60");
		new Select(this.browser.find(By.name("lines[1].productId"))).selectByValue(product);
		type(By.name("lines[1].quantity"), "40");
		this.browser.click(By.id("save-deal"));
		assertThat(this.browser.text(By.id("deal-title"))).isEqualTo("Flour supply");
		assertThat(money(this.browser.text(By.id("deal-value")))).isEqualTo("1 450 000,00 ₸");
		String dealPage = this.browser.url();

		// its task, opened from the deal's page, completed in Tasklist
		String tasklist = this.browser.find(By.id("open-task")).getAttribute("href");
		this.browser.driver().get(tasklist);
		chooseInTasklistForm("Field_Outcome", "Move on");
		completeInTasklist();
		this.browser.driver().get(dealPage);
		this.browser.reloadUntil(d -> d.findElement(By.id("deal-stage")).getText().toUpperCase().contains("QUALIFIED"));
		assertThat(this.browser.text(By.id("deal-history"))).contains("Aigerim");

		// win: the order is placed
		new Select(this.browser.find(By.id("stage-select"))).selectByValue("WON");
		this.browser.click(By.id("change-stage"));
		this.browser.waitUntil(d -> d.findElement(By.id("deal-stage")).getText().toUpperCase().contains("WON"));
		runJobsUntil(org.workspaceId().toString(),
				() -> !this.engine.getTaskService()
					.createTaskQuery()
					.tenantIdIn(org.workspaceId().toString())
					.taskDefinitionKey("Task_ShipOrder")
					.list()
					.isEmpty());
		this.browser.open(pages + "/orders");
		this.browser.click(By.cssSelector("#order-list a.order-link"));
		String orderNumber = this.browser.text(By.id("order-number"));
		assertThat(orderNumber).startsWith("SO-");
		assertThat(this.browser.text(By.id("order-lines"))).contains("Flour 50 kg");
		String orderPage = this.browser.url();

		// Ship order in Tasklist
		this.browser.driver().get(this.browser.find(By.id("open-task")).getAttribute("href"));
		claimInTasklist();
		typeInTasklistForm("Field_Carrier", "KazPost");
		completeInTasklist();
		runJobsUntil(org.workspaceId().toString(),
				() -> this.api.get(ws + "/invoices", owner.token()).json().path("total").asInt() == 1);

		// the invoice, its PDF, a payment
		this.browser.driver().get(orderPage);
		this.browser.click(By.cssSelector("#order-invoices a"));
		String invoiceNumber = this.browser.text(By.id("invoice-number"));
		assertThat(invoiceNumber).startsWith("INV-");
		String total = money(this.browser.text(By.id("invoice-total")));
		String pdfText = pdfText(this.browser.find(By.id("invoice-pdf")).getAttribute("href"));
		assertThat(pdfText).contains(invoiceNumber);
		assertThat(money(pdfText)).contains(total);

		WebElement amount = this.browser.find(By.id("payment-amount"));
		amount.clear();
		amount.sendKeys(total.replace(" ₸", "").replace(" ", ""));
		this.browser.click(By.id("record-payment-submit"));
		this.browser.waitUntil(d -> d.findElement(By.id("invoice-status")).getText().toUpperCase().contains("PAID")
				|| d.findElement(By.id("invoice-status")).getText().contains("Оплач"));
		assertThat(this.browser.text(By.id("invoice-status"))).doesNotContainIgnoringCase("partially");
	}

	// ---- Tasklist (Camunda's webapp, with its Camunda Forms)

	/** A Camunda Forms select: its display opens a list of the options' labels. */
	private void chooseInTasklistForm(String fieldId, String optionLabel) {
		this.browser.click(By.cssSelector("[id$='" + fieldId + "-display']"));
		this.browser.click(
				By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + optionLabel + "']"));
		this.browser.waitUntil(
				d -> d.findElement(By.cssSelector("[id$='" + fieldId + "-display']")).getText().equals(optionLabel));
	}

	private void typeInTasklistForm(String fieldId, String text) {
		this.browser.find(By.cssSelector("input[id$='" + fieldId + "']")).sendKeys(text);
	}

	private void claimInTasklist() {
		List<WebElement> claim = this.browser.waitUntil(d -> {
			List<WebElement> found = d.findElements(By.cssSelector("[ng-click='claim()']"));
			return found.isEmpty() && d.findElements(By.cssSelector(".fjs-form")).isEmpty() ? null : found;
		});
		claim.stream().filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
		this.browser.find(By.cssSelector(".fjs-form"));
	}

	private void completeInTasklist() {
		WebElement complete = this.browser.find(By.cssSelector("button[ng-click='complete()']"));
		this.browser.waitUntil(d -> complete.isEnabled());
		this.browser.click(By.cssSelector("button[ng-click='complete()']"));
		this.browser.waitUntil(d -> d.findElements(By.cssSelector(".fjs-form")).isEmpty());
	}

	// ---- helpers

	private void type(By field, String text) {
		WebElement input = this.browser.find(field);
		input.clear();
		input.sendKeys(text);
	}

	private void runJobsUntil(String tenant, BooleanSupplier done) {
		long deadline = System.currentTimeMillis() + Duration.ofSeconds(60).toMillis();
		while (!done.getAsBoolean()) {
			assertThat(System.currentTimeMillis()).as("the process reached the next step in time").isLessThan(deadline);
			for (Job job : this.engine.getManagementService().createJobQuery().tenantIdIn(tenant).executable().list()) {
				try {
					this.engine.getManagementService().executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// a job that failed is retried by the next round: the loop checks the
					// outcome
				}
			}
		}
	}

	/** The PDF behind the link, fetched with the browser's session, as text. */
	private String pdfText(String href) throws Exception {
		Cookie session = this.browser.driver().manage().getCookieNamed("SESSION");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "SESSION=" + session.getValue()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static String money(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText()).toString();
	}

}
