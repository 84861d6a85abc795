package kz.prometric.erp.finance.ui;

import java.awt.Font;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import kz.prometric.erp.finance.InvoiceDocuments;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice as a PDF a customer can read: the number, the total written as in
 * Kazakhstan ({@code 1 322 400,00 ₸}, no-break spaces) and Kazakh text come out of the
 * PDF's text, its fonts are embedded, and another workspace's invoice is 404.
 */
@ErpIntegrationTest
class InvoicePdfTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	private final HttpClient client = HttpClient.newHttpClient();

	@ParameterizedTest
	@ValueSource(strings = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
	void theEmbeddedFontsHaveCyrillicKazakhLettersAndTheTengeSign(String file) throws Exception {
		try (InputStream in = InvoiceDocuments.class.getResourceAsStream("/fonts/" + file)) {
			assertThat(in).as(file).isNotNull();
			Font font = Font.createFont(Font.TRUETYPE_FONT, in);
			String letters = "АаБбЖжЩщЪъЁё" + "ӘәҒғҚқҢңӨөҰұҮүҺһІі" + "₸" + "\u00a0№";
			letters.codePoints()
				.forEach(c -> assertThat(font.canDisplay(c)).as("%s has %s", file, Character.toString(c)).isTrue());
		}
		assertThat(InvoiceDocuments.class.getResource("/fonts/LICENSE-DejaVu.txt")).isNotNull();
	}

	@Test
	void theApiAndThePageGiveThePdfWithNumberTotalAndKazakhText() throws Exception {
		TestData.User owner = this.data.user("Aigerim");
		TestData.Org org = this.data.organization(owner, "Pdf Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);

		HttpResponse<byte[]> kazakh = get("/api/workspaces/" + org.workspaceId() + "/invoices/" + invoice.id() + "/pdf",
				owner.token(), "kk");

		assertThat(kazakh.statusCode()).isEqualTo(200);
		assertThat(kazakh.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
		try (PDDocument pdf = Loader.loadPDF(kazakh.body())) {
			// the PDF keeps the no-break spaces of 1 322 400,00 ₸ as such or as plain
			// spaces, depending on the font's glyphs: either reads the same
			String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
			assertThat(text).contains(invoice.number(), InvoiceSamples.TOTAL.replace('\u00a0', ' '),
					InvoiceSamples.CUSTOMER, "Төлем шоты", "Сатып алушы", "ҚҚС", "Ұн");
			for (var page : pdf.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font.getName()).contains("DejaVuSans");
				}
			}
		}

		HttpResponse<byte[]> russian = get(
				"/api/workspaces/" + org.workspaceId() + "/invoices/" + invoice.id() + "/pdf", owner.token(), "ru");
		try (PDDocument pdf = Loader.loadPDF(russian.body())) {
			assertThat(new PDFTextStripper().getText(pdf).replace('\u00a0', ' ')).contains("Счёт на оплату",
					"Покупатель", InvoiceSamples.TOTAL.replace('\u00a0', ' '));
		}
	}

	@Test
	void anotherWorkspacesInvoiceIsNotFound() throws Exception {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Own Pdf Trade");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Pdf Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);

		assertThat(get("/api/workspaces/" + other.workspaceId() + "/invoices/" + invoice.id() + "/pdf",
				stranger.token(), "en")
			.statusCode()).isEqualTo(404);
		assertThat(get("/api/workspaces/" + org.workspaceId() + "/invoices/" + UUID.randomUUID() + "/pdf",
				owner.token(), "en")
			.statusCode()).isEqualTo(404);
	}

	private HttpResponse<byte[]> get(String path, String token, String language) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", language)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
