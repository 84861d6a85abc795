package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.WorkspaceOwned;
import org.hibernate.annotations.BatchSize;

/**
 * An invoice or credit note. Once issued its lines, amounts and parties never change;
 * only payments (paid total, status) and crediting move it on.
 */
@Entity
@Table(name = "fin_invoice")
class Invoice implements WorkspaceOwned {

	@Id
	private UUID id;

	private UUID workspaceId;

	@Enumerated(EnumType.STRING)
	private InvoiceKind kind;

	private String number;

	private UUID orderId;

	private String sourceDocument;

	private UUID customerId;

	private UUID originalInvoiceId;

	private String originalNumber;

	private String creditReason;

	private String sellerName;

	private String sellerBin;

	private String buyerName;

	private String buyerTaxId;

	private String buyerAddress;

	private String buyerEmail;

	private LocalDate issueDate;

	private LocalDate turnoverDate;

	private LocalDate dueDate;

	private String currency;

	private BigDecimal netTotal;

	private BigDecimal vatTotal;

	private BigDecimal grossTotal;

	private BigDecimal paidTotal;

	private BigDecimal creditedTotal;

	@Enumerated(EnumType.STRING)
	private InvoiceStatus status;

	private Instant createdAt;

	private Instant updatedAt;

	// a list page reads the lines of all its rows in one statement, not one per row
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = PageQuery.MAX_SIZE + 1)
	@CollectionTable(name = "fin_invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
	@OrderColumn(name = "line_no")
	private List<InvoiceLine> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = PageQuery.MAX_SIZE + 1)
	@CollectionTable(name = "fin_invoice_vat", joinColumns = @JoinColumn(name = "invoice_id"))
	@OrderColumn(name = "line_no")
	private List<InvoiceVat> vat = new ArrayList<>();

	@Version
	private long version;

	protected Invoice() {
	}

	/** The parties, dates and amounts of a new document. */
	record Draft(UUID workspaceId, InvoiceKind kind, String number, UUID orderId, String sourceDocument,
			UUID customerId, String sellerName, String sellerBin, String buyerName, String buyerTaxId,
			String buyerAddress, String buyerEmail, LocalDate issueDate, LocalDate turnoverDate, LocalDate dueDate,
			List<InvoiceLine> lines, List<InvoiceVat> vat, BigDecimal netTotal, BigDecimal vatTotal,
			BigDecimal grossTotal) {
	}

	Invoice(Draft draft, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = draft.workspaceId();
		this.kind = draft.kind();
		this.number = draft.number();
		this.orderId = draft.orderId();
		this.sourceDocument = draft.sourceDocument();
		this.customerId = draft.customerId();
		this.sellerName = draft.sellerName();
		this.sellerBin = draft.sellerBin();
		this.buyerName = draft.buyerName();
		this.buyerTaxId = draft.buyerTaxId();
		this.buyerAddress = draft.buyerAddress();
		this.buyerEmail = draft.buyerEmail();
		this.issueDate = draft.issueDate();
		this.turnoverDate = draft.turnoverDate();
		this.dueDate = draft.dueDate();
		this.currency = "KZT";
		this.lines = new ArrayList<>(draft.lines());
		this.vat = new ArrayList<>(draft.vat());
		this.netTotal = draft.netTotal();
		this.vatTotal = draft.vatTotal();
		this.grossTotal = draft.grossTotal();
		this.paidTotal = BigDecimal.ZERO.setScale(2);
		this.creditedTotal = BigDecimal.ZERO.setScale(2);
		this.status = InvoiceStatus.ISSUED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A credit note taking {@code lines} (negative quantities and amounts, each naming
	 * its invoice line) and {@code vat} (negative) off {@code original}: the same
	 * parties, referring to the original's number.
	 */
	static Invoice creditNoteOf(Invoice original, String number, String reason, LocalDate issueDate,
			List<InvoiceLine> lines, List<InvoiceVat> vat, BigDecimal net, BigDecimal vatTotal, BigDecimal gross,
			Instant now) {
		Invoice note = new Invoice(new Draft(original.workspaceId, InvoiceKind.CREDIT_NOTE, number, original.orderId,
				original.sourceDocument, original.customerId, original.sellerName, original.sellerBin,
				original.buyerName, original.buyerTaxId, original.buyerAddress, original.buyerEmail, issueDate,
				original.turnoverDate, issueDate, lines, vat, net, vatTotal, gross), now);
		note.originalInvoiceId = original.id;
		note.originalNumber = original.number;
		note.creditReason = reason;
		return note;
	}

	/** What is still owed: gross − paid − credited. */
	BigDecimal balance() {
		return this.grossTotal.subtract(this.paidTotal).subtract(this.creditedTotal);
	}

	boolean isOpen() {
		return this.kind == InvoiceKind.INVOICE && (this.status == InvoiceStatus.ISSUED
				|| this.status == InvoiceStatus.PARTIALLY_PAID || this.status == InvoiceStatus.PARTIALLY_CREDITED);
	}

	/**
	 * Records a payment of {@code amount} made on {@code paidOn}; answers whether it
	 * settled the invoice. Refuses a payment of more than the balance (422
	 * {@code amount}), dated after {@code today} or before the issue date (422
	 * {@code paidOn}), and any payment of a paid or credited invoice (409).
	 */
	boolean pay(BigDecimal amount, LocalDate paidOn, LocalDate today, Instant now) {
		if (this.kind != InvoiceKind.INVOICE) {
			throw new ConflictException("A credit note is not paid");
		}
		if (this.status == InvoiceStatus.PAID) {
			throw new ConflictException("The invoice is already paid");
		}
		if (this.status == InvoiceStatus.CREDITED) {
			throw new ConflictException("The invoice was credited and is not to be paid");
		}
		if (paidOn.isAfter(today)) {
			throw new BusinessRuleViolation("paidOn",
					"A payment cannot be dated in the future (today is " + today + " in Asia/Almaty)");
		}
		if (paidOn.isBefore(this.issueDate)) {
			throw new BusinessRuleViolation("paidOn",
					"A payment cannot be dated before the invoice date " + this.issueDate);
		}
		if (amount.compareTo(balance()) > 0) {
			throw new BusinessRuleViolation("amount", "The payment of " + amount.toPlainString()
					+ " exceeds the balance of " + balance().toPlainString());
		}
		this.paidTotal = this.paidTotal.add(amount);
		this.updatedAt = now;
		return settle();
	}

	/**
	 * Takes a credit note of {@code gross} (positive) off the balance. Refused for a
	 * credit note (409), a paid or fully credited invoice (409) and a credit of more than
	 * the balance (422 {@code lines}). Answers whether it settled the invoice (the rest
	 * was paid before: PAID); a fully credited invoice becomes CREDITED.
	 */
	boolean credit(BigDecimal gross, Instant now) {
		ensureCreditable();
		if (gross.signum() <= 0) {
			throw new BusinessRuleViolation("lines", "A credit note takes off more than 0");
		}
		if (gross.compareTo(balance()) > 0) {
			throw new BusinessRuleViolation("lines", "The credit of " + gross.toPlainString()
					+ " exceeds the balance of " + balance().toPlainString() + " (payments are not refunded here)");
		}
		this.creditedTotal = this.creditedTotal.add(gross);
		this.updatedAt = now;
		return settle() && this.status == InvoiceStatus.PAID;
	}

	/**
	 * Refuses a credit note of a credit note, of a paid or of a fully credited invoice
	 * (409).
	 */
	void ensureCreditable() {
		if (this.kind != InvoiceKind.INVOICE) {
			throw new ConflictException("A credit note cannot be credited");
		}
		if (this.status == InvoiceStatus.CREDITED) {
			throw new ConflictException("The invoice is already fully credited");
		}
		if (this.status == InvoiceStatus.PAID) {
			throw new ConflictException("The invoice is paid; a paid invoice is not credited");
		}
	}

	/** Sets the status from the amounts; answers whether nothing is owed any more. */
	private boolean settle() {
		if (balance().signum() == 0) {
			this.status = (this.creditedTotal.compareTo(this.grossTotal) == 0) ? InvoiceStatus.CREDITED
					: InvoiceStatus.PAID;
			return true;
		}
		if (this.paidTotal.signum() > 0) {
			this.status = InvoiceStatus.PARTIALLY_PAID;
		}
		else if (this.creditedTotal.signum() > 0) {
			this.status = InvoiceStatus.PARTIALLY_CREDITED;
		}
		else {
			this.status = InvoiceStatus.ISSUED;
		}
		return false;
	}

	InvoiceStatus status() {
		return this.status;
	}

	List<InvoiceLine> lines() {
		return this.lines;
	}

	List<InvoiceVat> vat() {
		return this.vat;
	}

	BigDecimal netTotal() {
		return this.netTotal;
	}

	BigDecimal vatTotal() {
		return this.vatTotal;
	}

	BigDecimal grossTotal() {
		return this.grossTotal;
	}

	LocalDate issueDate() {
		return this.issueDate;
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID workspaceId() {
		return this.workspaceId;
	}

	UUID orderId() {
		return this.orderId;
	}

	String number() {
		return this.number;
	}

	String buyerEmail() {
		return this.buyerEmail;
	}

	LocalDate dueDate() {
		return this.dueDate;
	}

	InvoiceView view(LocalDate today) {
		boolean overdue = isOpen() && today.isAfter(this.dueDate);
		return new InvoiceView(this.id, this.workspaceId, this.kind, this.number, this.orderId, this.sourceDocument,
				this.customerId, this.originalInvoiceId, this.originalNumber, this.creditReason, this.sellerName,
				this.sellerBin, this.buyerName, this.buyerTaxId, this.buyerAddress, this.buyerEmail, this.issueDate,
				this.turnoverDate, this.dueDate, this.currency, List.copyOf(this.lines), List.copyOf(this.vat),
				this.netTotal, this.vatTotal, this.grossTotal, this.paidTotal, this.creditedTotal,
				(this.kind == InvoiceKind.INVOICE) ? balance() : BigDecimal.ZERO.setScale(2), this.status, overdue,
				this.createdAt, this.updatedAt, this.version);
	}

}
