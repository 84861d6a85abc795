package kz.prometric.erp.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import kz.prometric.erp.document.DocumentManagement.KeptFile;
import kz.prometric.erp.finance.InvoiceArchive;
import kz.prometric.erp.finance.InvoiceDocuments;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceIssued;
import kz.prometric.erp.finance.InvoiceEvents.PaymentReminderDue;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails an issued invoice to the customer, and payment reminders, once the issuing
 * transaction has committed. The invoice mail is the invoice's document (the same as its
 * page, PDF and API document: {@link InvoiceDocuments}) as the HTML body, a short text
 * part and the PDF attached, in the document language (ru unless configured). The PDF
 * attached is the one finance keeps as the invoice's document ({@link InvoiceArchive}),
 * stored (once) before the mail is sent, so what was sent is what is kept. A failed send
 * throws, so the event publication stays incomplete and the resubmission job retries it
 * (with the same stored PDF); a successful one completes the publication and is not sent
 * again.
 */
@Component
class InvoiceMails {

	private static final Logger log = LoggerFactory.getLogger(InvoiceMails.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Mailer mailer;

	private final InvoiceManagement invoices;

	private final InvoiceDocuments documents;

	private final InvoiceArchive archive;

	InvoiceMails(Mailer mailer, InvoiceManagement invoices, InvoiceDocuments documents, InvoiceArchive archive) {
		this.mailer = mailer;
		this.invoices = invoices;
		this.documents = documents;
		this.archive = archive;
	}

	@ApplicationModuleListener
	void on(InvoiceIssued issued) {
		if (issued.customerEmail() == null || issued.customerEmail().isBlank()) {
			log.info("Invoice {} not e-mailed: the customer has no e-mail address", issued.number());
			return;
		}
		InvoiceView invoice = this.invoices.requireInvoice(issued.invoiceId());
		Locale language = this.documents.documentLanguage();
		KeptFile pdf = this.archive.pdf(invoice.id());
		this.mailer.sendHtml(issued.customerEmail(), this.documents.title(invoice, language),
				this.documents.text(invoice, language), this.documents.html(invoice, language),
				new Mailer.Attachment(pdf.fileName(), pdf.content(), pdf.contentType()));
	}

	@ApplicationModuleListener
	void on(PaymentReminderDue due) {
		if (due.customerEmail() == null || due.customerEmail().isBlank()) {
			log.info("Reminder for invoice {} not e-mailed: the customer has no e-mail address", due.number());
			return;
		}
		this.mailer.send(due.customerEmail(), "Payment reminder: invoice " + due.number(), """
				Hello,

				our records show an open balance of %s KZT on invoice %s, due on %s.
				Please arrange payment, or ignore this message if you have already paid.
				""".formatted(due.balance().toPlainString(), due.number(), DATE.format(due.dueDate())));
	}

}
