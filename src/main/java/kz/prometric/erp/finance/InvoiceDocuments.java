package kz.prometric.erp.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import kz.prometric.erp.shared.UiFormat;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An invoice or credit note as the document a customer accepts, the same wherever it is
 * shown: the invoice's page, its PDF, the REST API's {@code /document} and {@code /pdf}
 * and the invoice e-mail. One Thymeleaf template ({@code finance/invoice-document.html},
 * well-formed XHTML, with the lines, VAT and totals of
 * {@code finance/invoice-tables.html} that the invoice page shows too) renders the HTML
 * and, through openhtmltopdf, the PDF, which embeds DejaVu Sans (Cyrillic, the Kazakh
 * letters ә ғ қ ң ө ұ ү һ і and ₸). Labels and the total in words ({@link AmountInWords})
 * follow the language (ru, kk, en); amounts and dates are written as in Kazakhstan
 * whatever the language. Where no reader's language is known (an API call without
 * {@code Accept-Language}, the e-mail) the document language
 * {@code prometric.finance.document-language} applies, Russian unless configured. Renders
 * what it is given: callers check access when they load the invoice.
 */
@Component
public class InvoiceDocuments {

	/** The languages a document is written in. */
	public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"),
			Locale.ENGLISH);

	/** The font family the document's style sheet names. */
	static final String FONT_FAMILY = "DejaVu Sans";

	static final String TEMPLATE = "finance/invoice-document";

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	private final MessageSource messages;

	private final UiFormat fmt;

	private final Locale documentLanguage;

	private final DocumentFonts fonts = new DocumentFonts();

	InvoiceDocuments(ITemplateEngine templates, ApplicationContext context, MessageSource messages, UiFormat fmt,
			@Value("${prometric.finance.document-language:ru}") String documentLanguage) {
		this.templates = templates;
		this.context = context;
		this.messages = messages;
		this.fmt = fmt;
		PdfRendererLogging.install();
		this.documentLanguage = supported(Locale.forLanguageTag(documentLanguage));
		if (this.documentLanguage == null) {
			throw new IllegalStateException(
					"prometric.finance.document-language is one of ru, kk, en, not '" + documentLanguage + "'");
		}
	}

	/** The language of documents whose reader's language is not known (default ru). */
	public Locale documentLanguage() {
		return this.documentLanguage;
	}

	/**
	 * The language an {@code Accept-Language} header asks for among ru, kk and en; the
	 * document language when it names none of them, is missing or is malformed.
	 */
	public Locale languageFor(String acceptLanguage) {
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
				if (best != null) {
					return best;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header: the document language
			}
		}
		return this.documentLanguage;
	}

	/** "Счёт на оплату № INV-…" or "Кредит-нота № CN-…" in the language. */
	public String title(InvoiceView invoice, Locale locale) {
		return this.messages.getMessage(credit(invoice) ? "finance.doc.creditNoteTitle" : "finance.doc.invoiceTitle",
				new Object[] { invoice.number() }, language(locale));
	}

	/**
	 * A few lines of plain text for the e-mail's text part: the title, seller, total (in
	 * figures and in words) and due date.
	 */
	public String text(InvoiceView invoice, Locale locale) {
		Locale language = language(locale);
		boolean credit = credit(invoice);
		StringBuilder text = new StringBuilder(title(invoice, language)).append("\n\n");
		text.append(message("finance.doc.seller", language)).append(": ").append(invoice.sellerName()).append('\n');
		text.append(message("finance.doc.buyer", language)).append(": ").append(invoice.buyerName()).append('\n');
		text.append(message(credit ? "finance.doc.creditTotal" : "finance.doc.grossTotal", language))
			.append(": ")
			.append(this.fmt.money(invoice.grossTotal()))
			.append('\n');
		text.append(this.messages.getMessage(credit ? "finance.doc.creditInWords" : "finance.doc.inWords",
				new Object[] { inWords(invoice, language) }, language))
			.append('\n');
		if (!credit && invoice.dueDate() != null) {
			text.append(message("finance.doc.dueDate", language))
				.append(": ")
				.append(this.fmt.date(invoice.dueDate()))
				.append('\n');
		}
		return text.toString();
	}

	/** The document as a self-contained XHTML page. */
	public String html(InvoiceView invoice, Locale locale) {
		Locale language = language(locale);
		Context page = new Context(language);
		page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		page.setVariable("invoice", invoice);
		page.setVariable("credit", credit(invoice));
		page.setVariable("inWords", inWords(invoice, language));
		return this.templates.process(TEMPLATE, page);
	}

	/** The document as a PDF with its fonts embedded. */
	public byte[] pdf(InvoiceView invoice, Locale locale) {
		Locale language = language(locale);
		String html = html(invoice, language);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.withProducer("Prometric ERP");
		try (PDDocument document = new PDDocument();
				DocumentFonts.Lease fonts = this.fonts.lend(builder, document, FONT_FAMILY);
				PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.layout();
			renderer.createPDFWithoutClosing();
			// the document's id comes from the invoice and its version, not from the
			// clock
			COSString id = new COSString(MessageDigest.getInstance("MD5")
				.digest((invoice.id() + ":" + invoice.version() + ":" + language.toLanguageTag())
					.getBytes(StandardCharsets.UTF_8)));
			COSArray ids = new COSArray();
			ids.add(id);
			ids.add(id);
			document.getDocument().getTrailer().setItem(COSName.ID, ids);
			document.save(out);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render invoice " + invoice.number() + " as PDF", ex);
		}
		return out.toByteArray();
	}

	/** The gross total in words; a credit note's without its minus ("Total credited"). */
	static String inWords(InvoiceView invoice, Locale language) {
		return AmountInWords.of(invoice.grossTotal().abs(), language);
	}

	private String message(String key, Locale language) {
		return this.messages.getMessage(key, null, language);
	}

	/** A language the documents are written in; otherwise the document language. */
	private Locale language(Locale locale) {
		Locale supported = supported(locale);
		return (supported != null) ? supported : this.documentLanguage;
	}

	private static Locale supported(Locale locale) {
		if (locale == null) {
			return null;
		}
		return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
	}

	private static boolean credit(InvoiceView invoice) {
		return invoice.kind() == InvoiceKind.CREDIT_NOTE;
	}

}
