package kz.prometric.erp.finance;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsed fonts are reused from one PDF to the next, and PDFs rendered at the same
 * time each get their own font and their own text.
 */
class DocumentFontsTests {

	private final DocumentFonts fonts = new DocumentFonts();

	@Test
	void fontsParsedOnceServeEveryLaterPdf() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(text(render("Счёт № " + i))).contains("Счёт № " + i);
		}
		assertThat(this.fonts.parsed()).as("regular and bold, parsed once").isEqualTo(2);
	}

	@Test
	void pdfsRenderedAtTheSameTimeKeepTheirOwnTextAndEmbedTheirFonts() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> texts = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				String words = "Төлем шоты № " + i + " ҚҚС ₸ " + "Ж".repeat(i % 5 + 1);
				Callable<String> task = () -> {
					byte[] pdf = render(words);
					assertEmbedded(pdf);
					return text(pdf).contains(words) ? words : "wrong text: " + text(pdf);
				};
				texts.add(threads.submit(task));
			}
			for (int i = 0; i < texts.size(); i++) {
				assertThat(texts.get(i).get()).startsWith("Төлем шоты № " + i + " ");
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(this.fonts.parsed()).as("at most one pair per rendering at a time").isBetween(2, 8);
	}

	private byte[] render(String words) throws Exception {
		String html = "<html><head><style>body { font-family: '" + InvoiceDocuments.FONT_FAMILY
				+ "'; } b { font-weight: bold; }</style></head><body><p>" + words + "</p><p><b>" + words
				+ "</b></p></body></html>";
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument();
				DocumentFonts.Lease lease = this.fonts.lend(builder, document, InvoiceDocuments.FONT_FAMILY);
				PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.layout();
			renderer.createPDFWithoutClosing();
			document.save(out);
		}
		return out.toByteArray();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\n', ' ').replace('\r', ' ');
		}
	}

	private static void assertEmbedded(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> names = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					names.add(font.getName());
				}
			}
			assertThat(names).hasSize(2).allSatisfy(n -> assertThat(n).contains("DejaVuSans"));
		}
	}

}
