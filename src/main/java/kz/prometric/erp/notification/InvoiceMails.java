package kz.prometric.erp.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
 * part and the PDF attached, in the document language (ru unless configured). A failed
 * send throws, so the event publication stays incomplete and the resubmission job retries
 * it; a successful one completes the publication and is not sent again.
 */
@Component
class InvoiceMails {

	private static final Logger log = LoggerFactory.getLogger(InvoiceMails.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Mailer mailer;

	private final InvoiceManagement invoices;

	private final InvoiceDocuments documents;

	InvoiceMails(Mailer mailer, InvoiceManagement invoices, InvoiceDocuments documents) {
		this.mailer = mailer;
		this.invoices = invoices;
		this.documents = documents;
	}

	@ApplicationModuleListener
	void on(InvoiceIssued issued) {
		if (issued.customerEmail() == null || issued.customerEmail().isBlank()) {
			log.info("Invoice {} not e-mailed: the customer has no e-mail address", issued.number());
			return;
		}
		InvoiceView invoice = this.invoices.requireInvoice(issued.invoiceId());
		Locale language = this.documents.documentLanguage();
		this.mailer.sendHtml(issued.customerEmail(), this.documents.title(invoice, language),
				this.documents.text(invoice, language), this.documents.html(invoice, language), new Mailer.Attachment(
						invoice.number() + ".pdf", this.documents.pdf(invoice, language), "application/pdf"));
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
