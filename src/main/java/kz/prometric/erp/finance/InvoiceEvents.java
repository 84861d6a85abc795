package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of invoices, published in the changing transaction (listeners that send mail run
 * after it commits).
 */
public final class InvoiceEvents {

	private InvoiceEvents() {
	}

	/** An invoice was issued; {@code customerEmail} may be null. */
	public record InvoiceIssued(UUID invoiceId, UUID workspaceId, UUID orderId, String number, String customerEmail,
			Instant occurredAt) {
	}

	/**
	 * Nothing is owed on the invoice any more: the last payment settled it (or a credit
	 * note took off the rest of a partly paid invoice). {@code orderId} is the source
	 * document the invoice was issued for.
	 */
	public record InvoicePaid(UUID invoiceId, UUID workspaceId, UUID orderId, Instant occurredAt) {
	}

	/** A credit note took (part of) the invoice off. */
	public record InvoiceCredited(UUID invoiceId, UUID workspaceId, UUID creditNoteId, String creditNoteNumber,
			Instant occurredAt) {
	}

	/** The invoice is still unpaid when the process asks to remind the customer. */
	public record PaymentReminderDue(UUID invoiceId, UUID workspaceId, String number, String customerEmail,
			BigDecimal balance, LocalDate dueDate, Instant occurredAt) {
	}

}
