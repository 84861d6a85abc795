package kz.prometric.erp.notification;

import java.time.format.DateTimeFormatter;

import kz.prometric.erp.finance.InvoiceEvents.InvoiceIssued;
import kz.prometric.erp.finance.InvoiceEvents.PaymentReminderDue;
import kz.prometric.erp.finance.InvoiceManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails an issued invoice (as HTML) to the customer, and payment reminders, once the
 * issuing transaction has committed. A failed send throws, so the event publication stays
 * incomplete and the resubmission job retries it; a successful one completes the
 * publication and is not sent again.
 */
@Component
class InvoiceMails {

	private static final Logger log = LoggerFactory.getLogger(InvoiceMails.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Mailer mailer;

	private final InvoiceManagement invoices;

	InvoiceMails(Mailer mailer, InvoiceManagement invoices) {
		this.mailer = mailer;
		this.invoices = invoices;
	}

	@ApplicationModuleListener
	void on(InvoiceIssued issued) {
		if (issued.customerEmail() == null || issued.customerEmail().isBlank()) {
			log.info("Invoice {} not e-mailed: the customer has no e-mail address", issued.number());
			return;
		}
		String text = """
				Hello,

				please find invoice %s attached below (HTML).

				Thank you for your business.
				""".formatted(issued.number());
		this.mailer.sendHtml(issued.customerEmail(), "Invoice " + issued.number(), text,
				this.invoices.documentFor(issued.invoiceId()));
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
