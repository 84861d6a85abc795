package kz.prometric.erp.finance.ui;

import java.util.UUID;

import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Browser;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices in a real browser: the list finds an invoice by its customer, its page shows
 * the totals, a payment over the balance is refused beside the field, payments make it
 * partially paid and then paid; a manager credits part of a line from the invoice's page
 * (a quantity over what is left is refused beside the field); the document prints its
 * total in words; another workspace's invoice and its PDF are 404 pages; Russian labels.
 */
@ErpIntegrationTest
class InvoicePagesBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void theInvoicePageShowsTotalsAndPaymentsMakeItPaid() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Invoice Page Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		this.browser.at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/invoices?q=" + invoice.number().substring(4));
		this.browser.find(By.linkText(invoice.number())).click();

		assertThat(this.browser.text(By.id("invoice-number"))).isEqualTo(invoice.number());
		assertThat(this.browser.text(By.id("invoice-status"))).isEqualTo("Issued");
		assertThat(this.browser.text(By.id("invoice-net"))).isEqualTo("1 140 000,00 ₸");
		assertThat(this.browser.text(By.id("invoice-vat"))).isEqualTo("182 400,00 ₸");
		assertThat(this.browser.text(By.id("invoice-total"))).isEqualTo("1 322 400,00 ₸");
		assertThat(this.browser.text(By.id("invoice-lines"))).contains("Ұн (бидай)", "1 140", "16 %");
		assertThat(this.browser.find(By.id("invoice-pdf")).getAttribute("href"))
			.endsWith("/invoices/" + invoice.id() + "/document.pdf");

		pay("2000000");
		assertThat(this.browser.text(By.id("payment-amount-error"))).contains("exceeds the balance");

		pay("322400");
		assertThat(this.browser.text(By.id("payment-recorded"))).isNotBlank();
		assertThat(this.browser.text(By.id("invoice-status"))).isEqualTo("Partially paid");
		assertThat(this.browser.text(By.id("invoice-balance"))).isEqualTo("1 000 000,00 ₸");

		pay("1000000,00");
		assertThat(this.browser.text(By.id("invoice-status"))).isEqualTo("Paid");
		assertThat(this.browser.text(By.id("invoice-payments"))).contains("322 400,00 ₸", "1 000 000,00 ₸");
		assertThat(this.browser.all(By.id("record-payment"))).isEmpty();
	}

	@Test
	void aManagerIssuesACreditNoteFromTheInvoicePage() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Credit Browser Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);
		this.browser.open("/app/" + org.workspaceId() + "/invoices/" + invoice.id());
		assertThat(this.browser.text(By.id("invoice-in-words")))
			.isEqualTo("Всего к оплате: Один миллион триста двадцать две тысячи четыреста тенге 00 тиынов");

		this.browser.click(By.id("issue-credit-note-toggle"));
		this.browser.find(By.id("credit-quantity-1")).sendKeys("1 500");
		this.browser.find(By.id("credit-reason")).sendKeys("Возврат части товара");
		this.browser.click(By.id("credit-note-submit"));

		assertThat(this.browser.text(By.id("credit-quantity-1-error"))).contains("Не более 1 140");
		WebElement quantity = this.browser.find(By.id("credit-quantity-1"));
		quantity.clear();
		quantity.sendKeys("40,5");
		this.browser.click(By.id("credit-note-submit"));

		assertThat(this.browser.text(By.id("credit-note-issued"))).contains("Кредит-нота выписана");
		assertThat(this.browser.text(By.id("invoice-status"))).isEqualTo("Частично сторнирован");
		// 40.5 kg × 1 000,00 ₸ + 16 % = 46 980,00 ₸ off the balance
		assertThat(this.browser.text(By.id("invoice-balance"))).isEqualTo("1 275 420,00 ₸");
		assertThat(this.browser.text(By.id("invoice-credit-notes"))).contains("Возврат части товара", "-46 980,00 ₸");
		this.browser.click(By.id("credit-note-issued-link"));
		assertThat(this.browser.text(By.tagName("h1"))).startsWith("Кредит-нота");
		assertThat(this.browser.text(By.id("invoice-in-words")))
			.isEqualTo("Всего сторнировано: Сорок шесть тысяч девятьсот восемьдесят тенге 00 тиынов");
	}

	@Test
	void thePrintableDocumentIsTheSameAsThePdf() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Document Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		this.browser.language("kk-KZ").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/invoices/" + invoice.id() + "/document");

		assertThat(this.browser.text(By.id("document-title"))).isEqualTo("Төлем шоты № " + invoice.number());
		assertThat(this.browser.text(By.id("document-total"))).isEqualTo("1 322 400,00 ₸");
		assertThat(this.browser.text(By.id("document-in-words")))
			.isEqualTo("Төлеуге барлығы: Бір миллион үш жүз жиырма екі мың төрт жүз теңге 00 тиын");
		assertThat(this.browser.text(By.tagName("body"))).contains(InvoiceSamples.CUSTOMER, "Сатып алушы", "ҚҚС 16 %");
	}

	@Test
	void anotherWorkspacesInvoiceAndItsPdfAreNotFoundAndRussianLabels() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Invoice Trade");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Invoice Trade");
		InvoiceView theirs = InvoiceSamples.invoice(this.api, this.invoices, stranger, other);
		InvoiceView mine = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		this.browser.language("ru-RU").at(this.api.baseUrl()).login(owner.email(), TestData.PASSWORD);

		this.browser.open("/app/" + org.workspaceId() + "/invoices/" + theirs.id());
		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		this.browser.open("/app/" + org.workspaceId() + "/invoices/" + theirs.id() + "/document.pdf");
		assertThat(this.browser.text(By.cssSelector(".error-page h1"))).isEqualTo("404");
		assertThat(this.browser.driver().getPageSource()).doesNotContain(theirs.number());

		this.browser.open("/app/" + org.workspaceId() + "/invoices");
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Счета");
		assertThat(this.browser.text(By.id("invoice-list"))).contains(mine.number(), "Клиент", "Выставлен");
		this.browser.open("/app/" + org.workspaceId() + "/invoices?status=OVERDUE");
		assertThat(this.browser.text(By.className("empty-state"))).contains("Счетов не найдено");
		this.browser.open("/app/" + org.workspaceId() + "/invoices/" + mine.id());
		assertThat(this.browser.text(By.id("record-payment"))).contains("Зарегистрировать оплату");
	}

	private void pay(String amount) {
		WebElement field = this.browser.find(By.id("payment-amount"));
		field.clear();
		field.sendKeys(amount);
		String before = this.browser.url();
		this.browser.click(By.id("record-payment-submit"));
		this.browser.waitUntil(d -> d.findElements(By.id("invoice-status")).size() == 1
				&& (d.findElements(By.id("payment-recorded")).size() == 1
						|| d.findElements(By.id("payment-amount-error")).size() == 1));
		assertThat(before).isNotNull();
	}

}
