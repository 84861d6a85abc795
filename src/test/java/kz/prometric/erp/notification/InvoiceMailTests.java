package kz.prometric.erp.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceIssued;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invoice e-mail (the invoice's document as HTML, a text part and the PDF, in
 * Russian; once, after commit) and payment reminders, received by the test context's
 * GreenMail server.
 */
@ErpIntegrationTest
class InvoiceMailTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	IncompleteEventPublications resubmission;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor tasks;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Gulnara");
		this.org = this.data.organization(this.owner, "Gulnara Textiles");
	}

	@Test
	void emailsTheIssuedInvoiceToTheCustomerOnce() throws Exception {
		String email = "accounts-" + System.nanoTime() + "@example.kz";
		UUID order = order(customer(email));

		InvoiceView invoice = issue(order);
		issue(order);

		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email).size() == 1);
		Thread.sleep(1000);
		assertThat(mailsTo(email)).hasSize(1);
		MimeMessage mail = mailsTo(email).get(0);
		assertThat(mail.getSubject()).isEqualTo("Счёт на оплату № " + invoice.number());
		Map<String, Object> parts = Mailboxes.parts(mail);
		assertThat((String) parts.get("text/html")).contains("Счёт на оплату № " + invoice.number(), "Gulnara Textiles",
				this.org.bin(), "Всего к оплате: Сто шестнадцать тенге 00 тиынов");
		assertThat((String) parts.get("text/plain")).contains("Счёт на оплату № " + invoice.number(),
				"Всего к оплате: Сто шестнадцать тенге 00 тиынов", "Оплатить до");
		try (PDDocument pdf = Loader.loadPDF((byte[]) parts.get(invoice.number() + ".pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Счёт на оплату", invoice.number(),
					"Gulnara Textiles");
		}
	}

	@Test
	void remindsOfAnUnpaidInvoiceAndNotOfAPaidOne() throws Exception {
		String email = "payables-" + System.nanoTime() + "@example.kz";
		InvoiceView invoice = issue(order(customer(email)));
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email).size() == 1);

		this.invoices.remind(this.org.workspaceId(), invoice.id());

		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email).size() == 2);
		MimeMessage reminder = mailsTo(email).get(1);
		assertThat(reminder.getSubject()).isEqualTo("Payment reminder: invoice " + invoice.number());
		assertThat(GreenMailUtil.getBody(reminder)).contains("116.00");

		this.invoices.recordPayment(this.org.workspaceId(), this.owner.id(), invoice.id(), new BigDecimal("116.00"),
				null, null);
		this.invoices.remind(this.org.workspaceId(), invoice.id());
		Thread.sleep(1000);
		assertThat(mailsTo(email)).hasSize(2);
	}

	@Test
	void sendsTheInvoiceOnceTheMailServerIsBackAndNeverTwice() throws Exception {
		String email = "later-" + System.nanoTime() + "@example.kz";
		UUID order = order(customer(email));
		this.greenMail.stop();
		UUID invoiceId;
		try {
			invoiceId = issue(order).id();
			// the after-commit send (rendering the PDF first) fails: the publication
			// stays
			// incomplete once the attempt is over
			await().atMost(Duration.ofSeconds(15))
				.until(() -> mailPending(invoiceId) && this.tasks.getActiveCount() == 0
						&& this.tasks.getThreadPoolExecutor().getQueue().isEmpty());
		}
		finally {
			this.greenMail.start();
		}
		assertThat(mailsTo(email)).isEmpty();

		this.resubmission.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email).size() == 1);
		await().atMost(Duration.ofSeconds(15)).until(() -> !mailPending(invoiceId));
		this.resubmission.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		Thread.sleep(1000);
		assertThat(mailsTo(email)).hasSize(1);
	}

	private InvoiceView issue(UUID orderId) {
		return this.invoices.issueInvoice(OrderInvoices.requestFor(this.api, this.owner.token(), this.org.workspaceId(),
				orderId, LocalDate.of(2026, 1, 1)));
	}

	private boolean mailPending(UUID invoiceId) {
		return this.publications.findIncompletePublications()
			.stream()
			.anyMatch(p -> p.getEvent() instanceof InvoiceIssued issued && issued.invoiceId().equals(invoiceId));
	}

	private UUID customer(String email) {
		Api.Response created = this.api.post("/api/workspaces/" + this.org.workspaceId() + "/customers",
				this.owner.token(),
				Map.of("type", "COMPANY", "name", "Mail Buyer LLP", "taxId", TestData.nextBin(), "email", email));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID order(UUID customerId) {
		Api.Response created = this.api.post("/api/workspaces/" + this.org.workspaceId() + "/orders",
				this.owner.token(), Map.of("customerId", customerId, "lines",
						List.of(Map.of("productName", "Cloth", "quantity", "1", "unitPrice", "100.00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private List<MimeMessage> mailsTo(String address) {
		return Mailboxes.of(this.greenMail, address);
	}

}
