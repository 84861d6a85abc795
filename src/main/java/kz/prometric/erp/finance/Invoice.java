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

/**
 * An invoice or credit note. Once issued its lines, amounts and parties never change;
 * only payments (paid total, status) and crediting move it on.
 */
@Entity
@Table(name = "fin_invoice")
class Invoice {

	@Id
	private UUID id;

	private UUID workspaceId;

	@Enumerated(EnumType.STRING)
	private InvoiceKind kind;

	private String number;

	private UUID orderId;

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

	@Enumerated(EnumType.STRING)
	private InvoiceStatus status;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "fin_invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
	@OrderColumn(name = "line_no")
	private List<InvoiceLine> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "fin_invoice_vat", joinColumns = @JoinColumn(name = "invoice_id"))
	@OrderColumn(name = "line_no")
	private List<InvoiceVat> vat = new ArrayList<>();

	@Version
	private long version;

	protected Invoice() {
	}

	/** The parties, dates and amounts of a new document. */
	record Draft(UUID workspaceId, InvoiceKind kind, String number, UUID orderId, UUID customerId, String sellerName,
			String sellerBin, String buyerName, String buyerTaxId, String buyerAddress, String buyerEmail,
			LocalDate issueDate, LocalDate turnoverDate, LocalDate dueDate, List<InvoiceLine> lines,
			List<InvoiceVat> vat, BigDecimal netTotal, BigDecimal vatTotal, BigDecimal grossTotal) {
	}

	Invoice(Draft draft, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = draft.workspaceId();
		this.kind = draft.kind();
		this.number = draft.number();
		this.orderId = draft.orderId();
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
		this.status = InvoiceStatus.ISSUED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A credit note reversing {@code original}: the same parties and lines with negative
	 * amounts, referring to the original's number.
	 */
	static Invoice creditNoteOf(Invoice original, String number, String reason, LocalDate issueDate, Instant now) {
		Invoice note = new Invoice(new Draft(original.workspaceId, InvoiceKind.CREDIT_NOTE, number, original.orderId,
				original.customerId, original.sellerName, original.sellerBin, original.buyerName, original.buyerTaxId,
				original.buyerAddress, original.buyerEmail, issueDate, original.turnoverDate, issueDate,
				original.lines.stream().map(InvoiceLine::negated).toList(),
				original.vat.stream().map(InvoiceVat::negated).toList(), original.netTotal.negate(),
				original.vatTotal.negate(), original.grossTotal.negate()), now);
		note.originalInvoiceId = original.id;
		note.originalNumber = original.number;
		note.creditReason = reason;
		return note;
	}

	BigDecimal balance() {
		return this.grossTotal.subtract(this.paidTotal);
	}

	boolean isOpen() {
		return this.kind == InvoiceKind.INVOICE
				&& (this.status == InvoiceStatus.ISSUED || this.status == InvoiceStatus.PARTIALLY_PAID);
	}

	/** Records a payment of {@code amount}; answers whether it settled the invoice. */
	boolean pay(BigDecimal amount, Instant now) {
		if (this.kind != InvoiceKind.INVOICE) {
			throw new ConflictException("A credit note is not paid");
		}
		if (this.status == InvoiceStatus.PAID) {
			throw new ConflictException("The invoice is already paid");
		}
		if (this.status == InvoiceStatus.CREDITED) {
			throw new ConflictException("The invoice was credited and is not to be paid");
		}
		if (amount.compareTo(balance()) > 0) {
			throw new BusinessRuleViolation("amount", "The payment of " + amount.toPlainString()
					+ " exceeds the balance of " + balance().toPlainString());
		}
		this.paidTotal = this.paidTotal.add(amount);
		this.status = (balance().signum() == 0) ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
		this.updatedAt = now;
		return this.status == InvoiceStatus.PAID;
	}

	/** Marks the invoice reversed by a credit note (refused once paid or credited). */
	void credit(Instant now) {
		if (this.kind != InvoiceKind.INVOICE) {
			throw new ConflictException("A credit note cannot be credited");
		}
		if (this.status == InvoiceStatus.CREDITED) {
			throw new ConflictException("The invoice is already credited");
		}
		if (this.status == InvoiceStatus.PAID || this.paidTotal.signum() != 0) {
			throw new ConflictException("The invoice has payments; a paid invoice is not credited");
		}
		this.status = InvoiceStatus.CREDITED;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
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
		return new InvoiceView(this.id, this.workspaceId, this.kind, this.number, this.orderId, this.customerId,
				this.originalInvoiceId, this.originalNumber, this.creditReason, this.sellerName, this.sellerBin,
				this.buyerName, this.buyerTaxId, this.buyerAddress, this.buyerEmail, this.issueDate, this.turnoverDate,
				this.dueDate, this.currency, List.copyOf(this.lines), List.copyOf(this.vat), this.netTotal,
				this.vatTotal, this.grossTotal, this.paidTotal, balance(), this.status, overdue, this.createdAt,
				this.updatedAt, this.version);
	}

}
