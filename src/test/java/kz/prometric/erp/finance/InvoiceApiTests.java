package kz.prometric.erp.finance;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices issued from orders, payments, credit notes and the HTML document, through the
 * façade (issuing) and the REST API (everything else), on real PostgreSQL.
 */
@ErpIntegrationTest
class InvoiceApiTests {

	static final LocalDate NEW_CODE = LocalDate.of(2026, 1, 1);

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Dana");
		this.org = this.data.organization(this.owner, "Dana Trading LLP");
		Api.Response customer = this.api.post(ws() + "/customers", this.owner.token(),
				Map.of("type", "COMPANY", "name", "Buyer <b>& Sons</b> LLP", "taxId", TestData.nextBin(), "email",
						"buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz", "address",
						"Astana, Kabanbay batyr 1"));
		assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
		this.customerId = UUID.fromString(customer.json().path("id").asText());
	}

	@Test
	void issuesAnInvoiceWithMixedVatCategoriesAndPriceBases() {
		UUID standard = product("STD", "Steel beam", "STANDARD", false);
		UUID standardGross = product("STG", "Retail kit", "STANDARD", true);
		UUID export = product("EXP", "Export cement", "ZERO_RATED_EXPORT", false);
		UUID exempt = product("EXM", "Loan service", "EXEMPT", false);
		UUID order = order(
				List.of(line(standard, "Steel beam", "2", "1000.00"), line(standardGross, "Retail kit", "1", "1160.00"),
						line(export, "Export cement", "1", "500.00"), line(exempt, "Loan service", "1", "300.00"),
						line(null, "Delivery <script>alert(1)</script>", "1", "100.00")));

		InvoiceView invoice = issue(order, NEW_CODE);

		assertThat(invoice.number()).isEqualTo("INV-" + Year.now(InvoiceManagement.BUSINESS_ZONE) + "-000001");
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
		assertThat(invoice.sellerName()).isEqualTo("Dana Trading LLP");
		assertThat(invoice.sellerBin()).isEqualTo(this.org.bin());
		assertThat(invoice.buyerAddress()).isEqualTo("Astana, Kabanbay batyr 1");
		assertThat(invoice.turnoverDate()).isEqualTo(NEW_CODE);
		assertThat(invoice.dueDate()).isEqualTo(invoice.issueDate().plusDays(14));
		assertThat(invoice.vat()).hasSize(3);
		InvoiceVat sixteen = invoice.vat().get(0);
		assertThat(sixteen.label()).isEqualTo("16%");
		// 2000 + 100 net → 336.00; 1160 gross → 160.00 inside, base 1000
		assertThat(sixteen.taxableBase()).isEqualByComparingTo("3100.00");
		assertThat(sixteen.vat()).isEqualByComparingTo("496.00");
		InvoiceVat zero = invoice.vat().get(1);
		assertThat(zero.label()).isEqualTo("0%");
		assertThat(zero.taxableBase()).isEqualByComparingTo("500.00");
		assertThat(zero.vat()).isEqualByComparingTo("0.00");
		InvoiceVat none = invoice.vat().get(2);
		assertThat(none.vatExempt()).isTrue();
		assertThat(none.taxableBase()).isEqualByComparingTo("300.00");
		assertThat(invoice.netTotal()).isEqualByComparingTo("3900.00");
		assertThat(invoice.vatTotal()).isEqualByComparingTo("496.00");
		assertThat(invoice.grossTotal()).isEqualByComparingTo("4396.00");
		assertThat(invoice.balance()).isEqualByComparingTo("4396.00");
		assertThat(invoice.lines()).extracting(InvoiceLine::vatCategory)
			.containsExactly("STANDARD", "STANDARD", "ZERO_RATED_EXPORT", "EXEMPT", "STANDARD");

		Api.Response fetched = this.api.get(invoices() + "/" + invoice.id(), this.owner.token());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().path("grossTotal").decimalValue()).isEqualByComparingTo("4396.00");
		assertThat(fetched.json().path("overdue").asBoolean()).isFalse();
	}

	@Test
	void appliesTheRateInForceOnTheTurnoverDate() {
		UUID before = order(List.of(line(null, "Consulting", "1", "1000.00")));
		UUID after = order(List.of(line(null, "Consulting", "1", "1000.00")));

		InvoiceView old = issue(before, LocalDate.of(2025, 12, 31));
		InvoiceView current = issue(after, NEW_CODE);

		assertThat(old.vatTotal()).isEqualByComparingTo("120.00");
		assertThat(current.vatTotal()).isEqualByComparingTo("160.00");
	}

	@Test
	void issuesExactlyOneInvoicePerOrderEvenConcurrentlyWithGaplessNumbers() throws Exception {
		UUID first = order(List.of(line(null, "Service", "1", "10.00")));
		UUID second = order(List.of(line(null, "Service", "1", "10.00")));
		Callable<InvoiceView> issue = () -> {
			try {
				return issue(first, NEW_CODE);
			}
			catch (ConflictException raced) {
				return issue(first, NEW_CODE);
			}
		};

		List<InvoiceView> answers = Concurrently.run(Collections.nCopies(4, issue));
		InvoiceView again = issue(first, NEW_CODE);
		InvoiceView next = issue(second, NEW_CODE);

		assertThat(answers).extracting(InvoiceView::id).containsOnly(again.id());
		String year = String.valueOf(Year.now(InvoiceManagement.BUSINESS_ZONE).getValue());
		assertThat(again.number()).isEqualTo("INV-" + year + "-000001");
		assertThat(next.number()).isEqualTo("INV-" + year + "-000002");
		assertThat(this.api.get(invoices(), this.owner.token()).json().path("total").asInt()).isEqualTo(2);
		assertThat(this.api.get(invoices() + "?orderId=" + first, this.owner.token()).itemValues("number"))
			.containsExactly(again.number());
	}

	@Test
	void paysPartlyThenFullyAndRefusesOverpayment() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "1000.00"))), NEW_CODE);
		String payments = invoices() + "/" + invoice.id() + "/payments";

		Api.Response partial = this.api.post(payments, this.owner.token(),
				Map.of("amount", "400.00", "paidOn", invoice.issueDate().toString(), "reference", "PP-1"));
		assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
		assertThat(status(invoice)).isEqualTo("PARTIALLY_PAID");

		Api.Response over = this.api.post(payments, this.owner.token(), Map.of("amount", "760.01"));
		assertThat(over.status()).isEqualTo(422);
		assertThat(over.contentType()).startsWith("application/problem+json");
		assertThat(over.errorFields()).containsExactly("amount");
		assertThat(over.text()).contains("exceeds the balance");
		Api.Response tooPrecise = this.api.post(payments, this.owner.token(), Map.of("amount", "1.001"));
		Api.Response negative = this.api.post(payments, this.owner.token(), Map.of("amount", "-5"));
		// more decimals than money has are refused while the body is read (400 naming the
		// field), before any arithmetic
		assertThat(tooPrecise.status()).isEqualTo(400);
		assertThat(tooPrecise.errorFields()).containsExactly("amount");
		assertThat(negative.status()).isEqualTo(422);
		assertThat(this.api.get(payments, this.owner.token()).json()).hasSize(1);

		Api.Response rest = this.api.post(payments, this.owner.token(), Map.of("amount", "760.00"));
		assertThat(rest.status()).isEqualTo(201);
		JsonNode paid = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(paid.path("status").asText()).isEqualTo("PAID");
		assertThat(paid.path("balance").decimalValue()).isEqualByComparingTo("0");
		assertThat(this.api.post(payments, this.owner.token(), Map.of("amount", "1")).status()).isEqualTo(409);
		assertThat(this.api.get(payments, this.owner.token()).json()).hasSize(2);
	}

	@Test
	void anotherTenantsInvoiceIsNotFound() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "50.00"))), NEW_CODE);
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other LLP");
		String foreign = "/api/workspaces/" + other.workspaceId() + "/invoices/" + invoice.id();

		assertThat(this.api.post(foreign + "/payments", stranger.token(), Map.of("amount", "50.00")).status())
			.isEqualTo(404);
		assertThat(this.api.get(foreign, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api
			.post(invoices() + "/" + invoice.id() + "/payments", stranger.token(), Map.of("amount", "50.00"))
			.status()).isIn(403, 404);
		assertThat(status(invoice)).isEqualTo("ISSUED");
	}

	@Test
	void concurrentPaymentsCannotOverpay() throws Exception {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "100.00"))), NEW_CODE);
		String payments = invoices() + "/" + invoice.id() + "/payments";
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			calls.add(() -> this.api.post(payments, this.owner.token(), Map.of("amount", "40.00")).status());
		}

		List<Integer> statuses = Concurrently.run(calls);

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
		assertThat(statuses).filteredOn(s -> s == 422).hasSize(3);
		JsonNode after = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(after.path("paidTotal").decimalValue()).isEqualByComparingTo("80.00");
		assertThat(after.path("status").asText()).isEqualTo("PARTIALLY_PAID");
	}

	@Test
	void replaysAPaymentSentAgainWithTheSameKey() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "100.00"))), NEW_CODE);
		String payments = invoices() + "/" + invoice.id() + "/payments";
		Map<String, String> headers = Map.of("Idempotency-Key", "pay-" + UUID.randomUUID(), "Authorization",
				"Bearer " + this.owner.token(), "Content-Type", "application/json");
		String body = "{\"amount\":\"30.00\",\"reference\":\"bank-1\"}";

		Api.Response first = this.api.send("POST", payments, null, body, headers);
		Api.Response retry = this.api.send("POST", payments, null, body, headers);

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
		assertThat(this.api.get(payments, this.owner.token()).json()).hasSize(1);
	}

	@Test
	void creditsAnUnpaidInvoiceOnceWithItsOwnNumber() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "2", "100.00"))), NEW_CODE);
		String credit = invoices() + "/" + invoice.id() + "/credit-notes";

		Api.Response noReason = this.api.post(credit, this.owner.token(), Map.of("reason", ""));
		Api.Response note = this.api.post(credit, this.owner.token(), Map.of("reason", "Goods returned"));
		Api.Response twice = this.api.post(credit, this.owner.token(), Map.of("reason", "Again"));

		assertThat(noReason.status()).isEqualTo(400);
		assertThat(note.status()).as(note.toString()).isEqualTo(201);
		String year = String.valueOf(Year.now(InvoiceManagement.BUSINESS_ZONE).getValue());
		assertThat(note.json().path("number").asText()).isEqualTo("CN-" + year + "-000001");
		assertThat(note.json().path("kind").asText()).isEqualTo("CREDIT_NOTE");
		assertThat(note.json().path("originalNumber").asText()).isEqualTo(invoice.number());
		assertThat(note.json().path("grossTotal").decimalValue()).isEqualByComparingTo("-232.00");
		assertThat(twice.status()).isEqualTo(409);
		JsonNode original = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(original.path("status").asText()).isEqualTo("CREDITED");
		assertThat(original.path("grossTotal").decimalValue()).isEqualByComparingTo("232.00");
		assertThat(this.api
			.post(invoices() + "/" + invoice.id() + "/payments", this.owner.token(), Map.of("amount", "1.00"))
			.status()).isEqualTo(409);
		assertThat(this.api.get(invoices() + "?kind=CREDIT_NOTE", this.owner.token()).itemValues("number"))
			.containsExactly("CN-" + year + "-000001");
		String html = this.api.get(invoices() + "/" + note.json().path("id").asText() + "/document", this.owner.token())
			.text();
		assertThat(html).contains("Кредит-нота № CN-" + year + "-000001", invoice.number(), "Goods returned",
				"Всего сторнировано: Двести тридцать два тенге 00 тиынов");
	}

	@Test
	void creditsPartOfALineThenTheRestAndTheBalanceAndStatusFollow() {
		InvoiceView invoice = issue(
				order(List.of(line(null, "Consulting hour", "4", "100.00"), line(null, "Travel", "1", "50.00"))),
				NEW_CODE);
		assertThat(invoice.grossTotal()).isEqualByComparingTo("522.00");
		String credit = invoices() + "/" + invoice.id() + "/credit-notes";
		String year = String.valueOf(Year.now(InvoiceManagement.BUSINESS_ZONE).getValue());

		Api.Response part = this.api.post(credit, this.owner.token(),
				Map.of("reason", "One hour not worked", "lines", List.of(Map.of("line", 1, "quantity", "1"))));

		assertThat(part.status()).as(part.toString()).isEqualTo(201);
		assertThat(part.json().path("number").asText()).isEqualTo("CN-" + year + "-000001");
		assertThat(part.json().path("grossTotal").decimalValue()).isEqualByComparingTo("-116.00");
		assertThat(part.json().path("lines")).singleElement().satisfies(l -> {
			assertThat(l.path("originalLineNo").asInt()).isEqualTo(1);
			assertThat(l.path("quantity").decimalValue()).isEqualByComparingTo("-1");
		});
		JsonNode after = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(after.path("status").asText()).isEqualTo("PARTIALLY_CREDITED");
		assertThat(after.path("creditedTotal").decimalValue()).isEqualByComparingTo("116.00");
		assertThat(after.path("balance").decimalValue()).isEqualByComparingTo("406.00");
		assertThat(after.path("grossTotal").decimalValue()).isEqualByComparingTo("522.00");

		Api.Response rest = this.api.post(credit, this.owner.token(), Map.of("reason", "Contract ended"));

		assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
		assertThat(rest.json().path("number").asText()).isEqualTo("CN-" + year + "-000002");
		assertThat(rest.json().path("grossTotal").decimalValue()).isEqualByComparingTo("-406.00");
		assertThat(rest.json().path("vatTotal").decimalValue()).isEqualByComparingTo("-56.00");
		JsonNode credited = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(credited.path("status").asText()).isEqualTo("CREDITED");
		assertThat(credited.path("balance").decimalValue()).isEqualByComparingTo("0");
		assertThat(this.api.post(credit, this.owner.token(), Map.of("reason", "Again")).status()).isEqualTo(409);
		assertThat(this.api
			.post(invoices() + "/" + invoice.id() + "/payments", this.owner.token(), Map.of("amount", "1.00"))
			.status()).isEqualTo(409);
	}

	@Test
	void refusesToCreditMoreThanRemainsOnALineAndKeepsNumbersGapless() {
		InvoiceView invoice = issue(order(List.of(line(null, "Consulting hour", "4", "100.00"))), NEW_CODE);
		String credit = invoices() + "/" + invoice.id() + "/credit-notes";
		Api.Response three = this.api.post(credit, this.owner.token(),
				Map.of("reason", "Three hours", "lines", List.of(Map.of("line", 1, "quantity", "3"))));
		assertThat(three.status()).as(three.toString()).isEqualTo(201);

		Api.Response tooMuch = this.api.post(credit, this.owner.token(),
				Map.of("reason", "Two more", "lines", List.of(Map.of("line", 1, "quantity", "2"))));
		Api.Response noSuchLine = this.api.post(credit, this.owner.token(),
				Map.of("reason", "Line 2", "lines", List.of(Map.of("line", 2, "quantity", "1"))));

		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.errorFields()).containsExactly("lines[0].quantity");
		assertThat(tooMuch.text()).contains("At most 1");
		assertThat(noSuchLine.status()).isEqualTo(422);
		assertThat(noSuchLine.errorFields()).containsExactly("lines[0].line");
		JsonNode after = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(after.path("balance").decimalValue()).isEqualByComparingTo("116.00");
		Api.Response last = this.api.post(credit, this.owner.token(),
				Map.of("reason", "Last hour", "lines", List.of(Map.of("line", 1, "quantity", "1"))));
		String year = String.valueOf(Year.now(InvoiceManagement.BUSINESS_ZONE).getValue());
		assertThat(last.json().path("number").asText()).isEqualTo("CN-" + year + "-000002");
		assertThat(status(invoice)).isEqualTo("CREDITED");
	}

	@Test
	void aPartlyCreditedInvoiceIsPaidByItsBalanceAndNotMore() {
		InvoiceView invoice = issue(
				order(List.of(line(null, "Consulting hour", "4", "100.00"), line(null, "Travel", "1", "50.00"))),
				NEW_CODE);
		Api.Response credit = this.api.post(invoices() + "/" + invoice.id() + "/credit-notes", this.owner.token(),
				Map.of("reason", "No travel", "lines", List.of(Map.of("line", 2, "quantity", "1"))));
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		String payments = invoices() + "/" + invoice.id() + "/payments";

		Api.Response over = this.api.post(payments, this.owner.token(), Map.of("amount", "464.01"));
		Api.Response exact = this.api.post(payments, this.owner.token(), Map.of("amount", "464.00"));

		assertThat(over.status()).isEqualTo(422);
		assertThat(over.errorFields()).containsExactly("amount");
		assertThat(exact.status()).as(exact.toString()).isEqualTo(201);
		JsonNode paid = this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json();
		assertThat(paid.path("status").asText()).isEqualTo("PAID");
		assertThat(paid.path("balance").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void refusesAPaymentDatedTomorrowOrBeforeTheInvoice() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "100.00"))), NEW_CODE);
		String payments = invoices() + "/" + invoice.id() + "/payments";
		LocalDate today = LocalDate.now(InvoiceManagement.BUSINESS_ZONE);

		Api.Response tomorrow = this.api.post(payments, this.owner.token(),
				Map.of("amount", "10.00", "paidOn", today.plusDays(1).toString()));
		Api.Response farFuture = this.api.post(payments, this.owner.token(),
				Map.of("amount", "10.00", "paidOn", "2099-01-01"));
		Api.Response beforeInvoice = this.api.post(payments, this.owner.token(),
				Map.of("amount", "10.00", "paidOn", invoice.issueDate().minusDays(1).toString()));
		Api.Response onTheDay = this.api.post(payments, this.owner.token(),
				Map.of("amount", "10.00", "paidOn", today.toString()));

		for (Api.Response refused : List.of(tomorrow, farFuture, beforeInvoice)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
			assertThat(refused.errorFields()).containsExactly("paidOn");
		}
		assertThat(onTheDay.status()).as(onTheDay.toString()).isEqualTo(201);
		assertThat(this.api.get(payments, this.owner.token()).json()).hasSize(1);
	}

	@Test
	void refusesToCreditAPaidInvoice() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "10.00"))), NEW_CODE);
		this.invoices.recordPayment(this.org.workspaceId(), this.owner.id(), invoice.id(), invoice.grossTotal(), null,
				null);

		Api.Response refused = this.api.post(invoices() + "/" + invoice.id() + "/credit-notes", this.owner.token(),
				Map.of("reason", "Too late"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(status(invoice)).isEqualTo("PAID");
	}

	@Test
	void rendersAnEscapedHtmlDocument() {
		UUID exempt = product("EXM", "Insurance <i>cover</i>", "EXEMPT", false);
		UUID export = product("EXP", "Export goods", "ZERO_RATED_EXPORT", false);
		InvoiceView invoice = issue(order(List.of(line(null, "<script>alert('x')</script>", "3", "10.03"),
				line(exempt, "Insurance <i>cover</i>", "1", "50.00"), line(export, "Export goods", "1", "20.00"))),
				NEW_CODE);

		Api.Response document = this.api.send("GET", invoices() + "/" + invoice.id() + "/document", null, null,
				Map.of("Authorization", "Bearer " + this.owner.token(), "Accept", "text/html", "Accept-Language",
						"en-GB,en;q=0.9"));

		assertThat(document.status()).as(document.toString()).isEqualTo(200);
		assertThat(document.contentType()).startsWith("text/html");
		assertThat(document.header("Content-Language")).isEqualTo("en");
		String html = document.text().replace('\u00a0', ' ');
		assertThat(html).contains("Invoice " + invoice.number(), "Dana Trading LLP", this.org.bin(),
				"Buyer &lt;b&gt;&amp; Sons&lt;/b&gt; LLP", invoice.buyerTaxId(), "Astana, Kabanbay batyr 1",
				"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Insurance &lt;i&gt;cover&lt;/i&gt;", "VAT 16 %",
				"VAT 0 %", "Exempt from VAT", "30,09 ₸", "4,81 ₸", "Due date", "Turnover date", "01.01.2026",
				"Total to pay: One hundred four tenge 90 tiyn");
		assertThat(html).doesNotContain("<script>", "<i>cover", "<b>&");
		assertThat(this.api.get(invoices() + "/" + UUID.randomUUID() + "/document", this.owner.token()).status())
			.isEqualTo(404);
	}

	@Test
	void writesTheDocumentInRussianUnlessAskedForKazakhOrEnglish() {
		InvoiceView invoice = issue(order(List.of(line(null, "Goods", "1", "1000.00"))), NEW_CODE);
		String document = invoices() + "/" + invoice.id() + "/document";

		Api.Response noLanguage = this.api.get(document, this.owner.token());
		Api.Response german = this.api.send("GET", document, this.owner.token(), null,
				Map.of("Accept-Language", "de-DE,de;q=0.9"));
		Api.Response malformed = this.api.send("GET", document, this.owner.token(), null,
				Map.of("Accept-Language", ";;q=x"));
		Api.Response kazakh = this.api.send("GET", document, this.owner.token(), null,
				Map.of("Accept-Language", "kk-KZ, ru;q=0.8"));

		for (Api.Response russian : List.of(noLanguage, german, malformed)) {
			assertThat(russian.status()).as(russian.toString()).isEqualTo(200);
			assertThat(russian.header("Content-Language")).isEqualTo("ru");
			assertThat(russian.text()).contains("Счёт на оплату № " + invoice.number(),
					"Всего к оплате: Одна тысяча сто шестьдесят тенге 00 тиынов");
		}
		assertThat(kazakh.header("Content-Language")).isEqualTo("kk");
		assertThat(kazakh.text()).contains("Төлем шоты № " + invoice.number(),
				"Төлеуге барлығы: Бір мың бір жүз алпыс теңге 00 тиын");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Document Trade");
		assertThat(this.api
			.get("/api/workspaces/" + other.workspaceId() + "/invoices/" + invoice.id() + "/document", stranger.token())
			.status()).isEqualTo(404);
		assertThat(this.api.get(document, stranger.token()).status()).isEqualTo(404);
	}

	private InvoiceView issue(UUID orderId, LocalDate turnoverDate) {
		return this.invoices.issueInvoice(
				OrderInvoices.requestFor(this.api, this.owner.token(), this.org.workspaceId(), orderId, turnoverDate));
	}

	private String status(InvoiceView invoice) {
		return this.api.get(invoices() + "/" + invoice.id(), this.owner.token()).json().path("status").asText();
	}

	private UUID product(String code, String name, String category, boolean includesVat) {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(), Map.of("code", code, "name", name,
				"unit", "pcs", "price", "1", "vatCategory", category, "priceIncludesVat", includesVat));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private Map<String, Object> line(UUID productId, String name, String quantity, String price) {
		Map<String, Object> line = new HashMap<>(Map.of("productName", name, "quantity", quantity, "unitPrice", price));
		if (productId != null) {
			line.put("productId", productId);
		}
		return line;
	}

	private UUID order(List<Map<String, Object>> lines) {
		Api.Response created = this.api.post(ws() + "/orders", this.owner.token(),
				Map.of("customerId", this.customerId, "lines", lines));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

	private String invoices() {
		return ws() + "/invoices";
	}

}
