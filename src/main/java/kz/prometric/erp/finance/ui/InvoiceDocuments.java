package kz.prometric.erp.finance.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import kz.prometric.erp.finance.InvoiceKind;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.shared.UiFormat;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * An invoice or credit note as a document a customer accepts: one Thymeleaf template
 * ({@code finance/invoice-document.html}, well-formed XHTML) renders the printable HTML
 * page and, through openhtmltopdf, the PDF, which embeds DejaVu Sans (Cyrillic, the
 * Kazakh letters ә ғ қ ң ө ұ ү һ і and ₸). Labels follow the locale (ru, kk, en); amounts
 * and dates are written as in Kazakhstan whatever the language.
 */
@Component
public class InvoiceDocuments {

	/** The font family the document's style sheet names. */
	static final String FONT_FAMILY = "DejaVu Sans";

	static final String TEMPLATE = "finance/invoice-document";

	private final ITemplateEngine templates;

	private final UiFormat fmt;

	InvoiceDocuments(ITemplateEngine templates, UiFormat fmt) {
		this.templates = templates;
		this.fmt = fmt;
	}

	/** The document as a self-contained XHTML page. */
	public String html(InvoiceView invoice, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("invoice", invoice);
		context.setVariable("credit", invoice.kind() == InvoiceKind.CREDIT_NOTE);
		context.setVariable("fmt", this.fmt);
		return this.templates.process(TEMPLATE, context);
	}

	/** The document as a PDF with its fonts embedded. */
	public byte[] pdf(InvoiceView invoice, Locale locale) {
		String html = html(invoice, locale);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.withProducer("Prometric ERP");
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				PDDocument document = renderer.createPDFKeepOpen();
				// the document's id comes from the invoice and its version, not from the
				// clock
				COSString id = new COSString(MessageDigest.getInstance("MD5")
					.digest((invoice.id() + ":" + invoice.version() + ":" + locale.toLanguageTag())
						.getBytes(StandardCharsets.UTF_8)));
				COSArray ids = new COSArray();
				ids.add(id);
				ids.add(id);
				document.getDocument().getTrailer().setItem(COSName.ID, ids);
				document.save(out);
				document.close();
			}
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render invoice " + invoice.number() + " as PDF", ex);
		}
		return out.toByteArray();
	}

	private static java.io.InputStream font(String file) {
		java.io.InputStream in = InvoiceDocuments.class.getResourceAsStream("/fonts/" + file);
		if (in == null) {
			throw new IllegalStateException("Font /fonts/" + file + " is missing from the classpath");
		}
		return in;
	}

}
