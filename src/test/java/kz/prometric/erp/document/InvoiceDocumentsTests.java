package kz.prometric.erp.document;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issued invoices and credit notes are kept as documents (their PDF, once), and the
 * invoice e-mail attaches exactly the kept bytes; the kept PDF cannot be deleted or
 * replaced.
 */
@ErpIntegrationTest
class InvoiceDocumentsTests {

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

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Zhanna");
		this.org = this.data.organization(this.owner, "Zhanna Ceramics");
	}

	@Test
	void keepsTheIssuedInvoicesPdfOnceAndMailsExactlyThoseBytes() throws Exception {
		String email = "kept-" + System.nanoTime() + "@example.kz";
		UUID order = order(customer(email));

		InvoiceView invoice = issue(order);
		issue(order);

		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size() == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> keptOf(invoice.id()).size() == 1);
		this.resubmission.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		Thread.sleep(1000);
		List<JsonNode> kept = keptOf(invoice.id());
		assertThat(kept).hasSize(1);
		JsonNode document = kept.get(0);
		assertThat(document.path("kind").asText()).isEqualTo("invoice");
		assertThat(document.path("keptByTheErp").asBoolean()).isTrue();
		assertThat(document.path("fileName").asText()).isEqualTo(invoice.number() + ".pdf");
		assertThat(document.path("contentType").asText()).isEqualTo("application/pdf");
		Uploads.Download stored = Uploads.download(this.api, this.owner.token(),
				ws() + "/documents/" + document.path("id").asText() + "/versions/1/content");
		byte[] attached = (byte[]) Mailboxes.parts(mailsTo(email).get(0)).get(invoice.number() + ".pdf");
		assertThat(attached).isNotNull();
		assertThat(stored.bytes()).startsWith("%PDF".getBytes()).isEqualTo(attached);
		assertThat(document.path("versions").get(0).path("sha256").asText())
			.isEqualTo(DocumentApiTests.sha256(attached));

		Api.Response delete = this.api.delete(ws() + "/documents/" + document.path("id").asText(), this.owner.token());
		Api.Response replace = Uploads.upload(this.api, this.owner.token(), this.org.workspaceId(),
				Map.of("documentId", document.path("id").asText()), "forged.pdf", DocumentApiTests.PDF);
		assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
		assertThat(replace.status()).as(replace.toString()).isEqualTo(422);
		assertThat(replace.errorFields()).containsExactly("documentId");
		assertThat(keptOf(invoice.id()).get(0).path("latestVersion").asInt()).isEqualTo(1);
	}

	@Test
	void keepsACreditNoteAndTheInvoiceOfACustomerWithoutAnAddress() {
		UUID order = order(customer(null));
		InvoiceView invoice = issue(order);
		Api.Response credited = this.api.post(ws() + "/invoices/" + invoice.id() + "/credit-notes", this.owner.token(),
				Map.of("reason", "Broken in transit"));
		assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
		UUID creditNote = UUID.fromString(credited.json().path("id").asText());

		await().atMost(Duration.ofSeconds(20)).until(() -> keptOf(invoice.id()).size() == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> keptOf(creditNote).size() == 1);
		assertThat(keptOf(creditNote).get(0).path("kind").asText()).isEqualTo("credit-note");
		assertThat(keptOf(creditNote).get(0).path("fileName").asText()).startsWith("CN-");
	}

	private List<JsonNode> keptOf(UUID invoiceId) {
		Api.Response response = this.api.get(ws() + "/documents?objectType=invoice&objectId=" + invoiceId,
				this.owner.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.items();
	}

	private InvoiceView issue(UUID orderId) {
		return this.invoices.issueInvoice(OrderInvoices.requestFor(this.api, this.owner.token(), this.org.workspaceId(),
				orderId, LocalDate.of(2026, 1, 1)));
	}

	private UUID customer(String email) {
		Map<String, Object> body = new HashMap<>(
				Map.of("type", "COMPANY", "name", "Kept Buyer LLP", "taxId", TestData.nextBin()));
		if (email != null) {
			body.put("email", email);
		}
		Api.Response created = this.api.post(ws() + "/customers", this.owner.token(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID order(UUID customerId) {
		Api.Response created = this.api.post(ws() + "/orders", this.owner.token(), Map.of("customerId", customerId,
				"lines", List.of(Map.of("productName", "Vase", "quantity", "1", "unitPrice", "100.00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

	private List<MimeMessage> mailsTo(String address) {
		return Mailboxes.of(this.greenMail, address);
	}

}
