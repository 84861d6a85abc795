package kz.prometric.erp.finance.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceStatus;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.PageSession;
import kz.prometric.erp.support.PageSession.Page;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice page's credit-note form over HTTP, as a browser posts it (session cookie,
 * CSRF token): a part of a line and then the rest are credited, the invoice lists its
 * notes with the new balance, and the note has its own page, document and PDF; what the
 * service refuses comes back beside the field in the page's language; another workspace's
 * invoice is 404; a member below the crediting role sees no form and is refused (403),
 * and so is a post without the CSRF token.
 */
@ErpIntegrationTest
class CreditNotePagesTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	@Test
	void creditsPartOfALineThenTheRestAndTheInvoiceShowsItsNotesAndBalance() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Credit Page Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		PageSession pages = PageSession.login(this.api.baseUrl(), owner.email(), TestData.PASSWORD, "en");
		String address = "/app/" + org.workspaceId() + "/invoices/" + invoice.id();

		Page form = pages.get(address);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("id=\"issue-credit-note\"", "name=\"quantity1\"");
		assertThat(text(form, "credit-remaining-1")).isEqualTo("1 140");
		assertThat(text(form, "invoice-in-words"))
			.isEqualTo("Total to pay: One million three hundred twenty-two thousand four hundred tenge 00 tiyn");

		Page issued = pages.post(address + "/credit-notes", form.csrf(),
				Map.of("quantity1", "140", "reason", "140 kg returned", "scope", "LINES"));

		assertThat(issued.status()).as(issued.toString()).isEqualTo(302);
		assertThat(issued.location()).endsWith(address);
		List<InvoiceView> notes = this.invoices.creditNotesOf(org.workspaceId(), owner.id(), invoice.id());
		assertThat(notes).singleElement().satisfies(n -> {
			assertThat(n.grossTotal()).isEqualByComparingTo("-162400.00");
			assertThat(n.creditReason()).isEqualTo("140 kg returned");
		});
		InvoiceView note = notes.get(0);
		Page after = pages.get(address);
		assertThat(text(after, "credit-note-issued-link")).isEqualTo(note.number());
		assertThat(text(after, "invoice-status")).isEqualTo("Partially credited");
		assertThat(text(after, "invoice-balance")).isEqualTo("1 160 000,00 ₸");
		assertThat(text(after, "credit-remaining-1")).isEqualTo("1 000");
		assertThat(after.text()).contains(note.number(), "140 kg returned", "-162 400,00 ₸",
				"/invoices/" + note.id() + "/document.pdf");

		Page notePage = pages.get("/app/" + org.workspaceId() + "/invoices/" + note.id());
		assertThat(notePage.status()).isEqualTo(200);
		assertThat(text(notePage, "invoice-number")).isEqualTo(note.number());
		assertThat(notePage.text()).contains(invoice.number()).doesNotContain("id=\"issue-credit-note\"");
		assertThat(text(notePage, "invoice-in-words"))
			.isEqualTo("Total credited: One hundred sixty-two thousand four hundred tenge 00 tiyn");
		Page document = pages.get("/app/" + org.workspaceId() + "/invoices/" + note.id() + "/document");
		assertThat(text(document, "document-title")).isEqualTo("Credit note " + note.number());
		assertThat(document.text()).contains("Credits invoice " + invoice.number(), "Reason: 140 kg returned",
				"-162 400,00 ₸", "Total credited: One hundred sixty-two thousand four hundred tenge 00 tiyn");
		Page pdf = pages.get("/app/" + org.workspaceId() + "/invoices/" + note.id() + "/document.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");

		Page rest = pages.post(address + "/credit-notes", after.csrf(),
				Map.of("quantity1", "", "reason", "Contract cancelled", "scope", "ALL"));

		assertThat(rest.status()).as(rest.toString()).isEqualTo(302);
		Page credited = pages.get(address);
		assertThat(text(credited, "invoice-status")).isEqualTo("Credited");
		assertThat(text(credited, "invoice-balance")).isEqualTo("0,00 ₸");
		assertThat(credited.html()).doesNotContain("id=\"issue-credit-note\"", "id=\"record-payment\"");
		assertThat(this.invoices.creditNotesOf(org.workspaceId(), owner.id(), invoice.id())).hasSize(2)
			.last()
			.satisfies(n -> assertThat(n.grossTotal()).isEqualByComparingTo("-1160000.00"));
	}

	@Test
	void showsWhatIsRefusedBesideTheFieldInThePagesLanguage() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Refused Credit Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		PageSession pages = PageSession.login(this.api.baseUrl(), owner.email(), TestData.PASSWORD, "ru");
		String address = "/app/" + org.workspaceId() + "/invoices/" + invoice.id();
		String csrf = pages.get(address).csrf();

		Page tooMuch = pages.post(address + "/credit-notes", csrf,
				Map.of("quantity1", "2000", "reason", "Возврат", "scope", "LINES"));
		Page unreadable = pages.post(address + "/credit-notes", csrf,
				Map.of("quantity1", "два", "reason", " ", "scope", "LINES"));
		Page nothing = pages.post(address + "/credit-notes", csrf,
				Map.of("quantity1", "", "reason", "Возврат", "scope", "LINES"));

		assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
		assertThat(text(tooMuch, "credit-quantity-1-error"))
			.isEqualTo("Не более 1 140: столько по этой строке ещё не сторнировано.");
		assertThat(tooMuch.html()).contains("value=\"2000\"", "Возврат").contains("<details open");
		assertThat(unreadable.status()).isEqualTo(422);
		assertThat(text(unreadable, "credit-quantity-1-error")).startsWith("Введите количество больше 0");
		assertThat(text(unreadable, "credit-reason-error")).isEqualTo("Укажите причину.");
		assertThat(nothing.status()).isEqualTo(422);
		assertThat(text(nothing, "credit-lines-error")).startsWith("Укажите количество хотя бы по одной строке");
		assertThat(this.invoices.invoice(org.workspaceId(), owner.id(), invoice.id()).creditedTotal()).isZero();

		this.invoices.recordPayment(org.workspaceId(), owner.id(), invoice.id(), new BigDecimal("500000.00"), null,
				null);
		Page overBalance = pages.post(address + "/credit-notes", csrf,
				Map.of("quantity1", "", "reason", "Всё вернули", "scope", "ALL"));

		assertThat(overBalance.status()).isEqualTo(422);
		assertThat(text(overBalance, "credit-lines-error"))
			.isEqualTo("Кредит-нота превысила бы остаток к оплате 822 400,00 ₸; оплаты здесь не возвращаются.");
		assertThat(this.invoices.creditNotesOf(org.workspaceId(), owner.id(), invoice.id())).isEmpty();
	}

	@Test
	void anotherWorkspacesInvoiceIsNotFound() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Credit Trade");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Credit Trade");
		InvoiceView mine = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		InvoiceView theirs = InvoiceSamples.invoice(this.api, this.invoices, stranger, other);
		PageSession pages = PageSession.login(this.api.baseUrl(), owner.email(), TestData.PASSWORD, "en");
		String csrf = pages.get("/app/" + org.workspaceId() + "/invoices/" + mine.id()).csrf();
		Map<String, String> form = Map.of("quantity1", "1", "reason", "Not mine", "scope", "LINES");

		Page viaMine = pages.post("/app/" + org.workspaceId() + "/invoices/" + theirs.id() + "/credit-notes", csrf,
				form);
		Page viaTheirs = pages.post("/app/" + other.workspaceId() + "/invoices/" + theirs.id() + "/credit-notes", csrf,
				form);
		Page unreadable = pages.post("/app/" + org.workspaceId() + "/invoices/" + theirs.id() + "/credit-notes", csrf,
				Map.of("quantity1", "x", "reason", "", "scope", "LINES"));
		Page badScope = pages.post("/app/" + org.workspaceId() + "/invoices/" + mine.id() + "/credit-notes", csrf,
				Map.of("quantity1", "1", "reason", "Scope", "scope", "EVERYTHING"));

		assertThat(viaMine.status()).isEqualTo(404);
		assertThat(viaTheirs.status()).isEqualTo(404);
		assertThat(unreadable.status()).isEqualTo(404);
		assertThat(viaMine.html() + viaTheirs.html() + unreadable.html()).doesNotContain(theirs.number());
		assertThat(badScope.status()).isEqualTo(422);
		assertThat(this.invoices.invoice(other.workspaceId(), stranger.id(), theirs.id()).status())
			.isEqualTo(InvoiceStatus.ISSUED);
		assertThat(this.invoices.invoice(org.workspaceId(), owner.id(), mine.id()).status())
			.isEqualTo(InvoiceStatus.ISSUED);
	}

	@Test
	void aMemberBelowTheCreditingRoleSeesNoFormAndIsRefusedAsIsAPostWithoutToken() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Role Credit Trade");
		TestData.User member = this.data.user("Member");
		TestData.User manager = this.data.user("Manager");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		this.data.join(owner, org.workspaceId(), manager, "MANAGER");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		String address = "/app/" + org.workspaceId() + "/invoices/" + invoice.id();
		Map<String, String> form = Map.of("quantity1", "1", "reason", "Member tries", "scope", "LINES");
		PageSession memberPages = PageSession.login(this.api.baseUrl(), member.email(), TestData.PASSWORD, "en");
		PageSession managerPages = PageSession.login(this.api.baseUrl(), manager.email(), TestData.PASSWORD, "en");

		Page memberView = memberPages.get(address);
		Page refused = memberPages.post(address + "/credit-notes", memberView.csrf(), form);
		Page managerView = managerPages.get(address);
		Page withoutToken = managerPages.post(address + "/credit-notes", null, form);
		// the REST API refuses the member in the same way
		Api.Response api = this.api.post(
				"/api/workspaces/" + org.workspaceId() + "/invoices/" + invoice.id() + "/credit-notes", member.token(),
				Map.of("reason", "Member tries"));

		assertThat(memberView.status()).isEqualTo(200);
		assertThat(memberView.html()).contains("id=\"record-payment\"").doesNotContain("id=\"issue-credit-note\"");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(api.status()).isEqualTo(403);
		assertThat(managerView.html()).contains("id=\"issue-credit-note\"");
		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(this.invoices.creditNotesOf(org.workspaceId(), owner.id(), invoice.id())).isEmpty();

		Page managerCredits = managerPages.post(address + "/credit-notes", managerView.csrf(), form);
		assertThat(managerCredits.status()).as(managerCredits.toString()).isEqualTo(302);
	}

	/** The text of the element with {@code id} (no markup inside), spaces plain. */
	private static String text(Page page, String id) {
		Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page.html());
		assertThat(element.find()).as("#%s on %s", id, page).isTrue();
		return element.group(1).replace('\u00a0', ' ').replace("&#39;", "'").strip();
	}

}
