package kz.prometric.erp.finance;

import java.util.UUID;

import kz.prometric.erp.document.DocumentKind;
import kz.prometric.erp.document.DocumentManagement;
import kz.prometric.erp.document.DocumentManagement.KeptFile;
import kz.prometric.erp.document.ObjectType;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceCredited;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceIssued;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issued invoices and credit notes kept as documents: the PDF, in the document language,
 * stored once per invoice (a document of kind {@code invoice} or {@code credit-note}
 * attached to the invoice, which nobody may delete or give a new version). It is stored
 * after the issuing transaction commits ({@link InvoiceIssued}, {@link InvoiceCredited}:
 * a failure retries with the event publication) or earlier, when the invoice e-mail asks
 * for it first; either way the e-mail attaches the stored bytes ({@link #pdf}), so what
 * was sent is what is kept.
 */
@Component
public class InvoiceArchive {

	private final InvoiceManagement invoices;

	private final InvoiceDocuments renderer;

	private final DocumentManagement documents;

	InvoiceArchive(InvoiceManagement invoices, InvoiceDocuments renderer, DocumentManagement documents) {
		this.invoices = invoices;
		this.renderer = renderer;
		this.documents = documents;
	}

	/**
	 * The invoice's (or credit note's) kept PDF: rendered and stored on the first call,
	 * the stored file on every later one, whatever retries or parallel callers do.
	 * Commits in a transaction of its own before it answers, so a mail that fails
	 * afterwards sends the same stored bytes on its retry.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public KeptFile pdf(UUID invoiceId) {
		InvoiceView invoice = this.invoices.requireInvoice(invoiceId);
		boolean credit = invoice.kind() == InvoiceKind.CREDIT_NOTE;
		return this.documents.keep(invoice.workspaceId(), ObjectType.INVOICE, invoice.id(),
				credit ? DocumentKind.CREDIT_NOTE : DocumentKind.INVOICE, "finance:invoice:" + invoice.id(),
				() -> new KeptFile(null, invoice.number() + ".pdf", "application/pdf",
						this.renderer.pdf(invoice, this.renderer.documentLanguage())));
	}

	@ApplicationModuleListener
	void on(InvoiceIssued issued) {
		pdf(issued.invoiceId());
	}

	@ApplicationModuleListener
	void on(InvoiceCredited credited) {
		pdf(credited.creditNoteId());
	}

}
