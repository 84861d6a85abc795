package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceCredited;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceIssued;
import kz.prometric.erp.finance.InvoiceEvents.InvoicePaid;
import kz.prometric.erp.finance.InvoiceEvents.PaymentReminderDue;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.OrganizationView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.sales.OrderLine;
import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.sales.OrderStatus;
import kz.prometric.erp.sales.OrderView;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.DocumentNumbers;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;
import kz.prometric.erp.shared.VatCategory;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices, payments and credit notes. An order is invoiced exactly once (a second call
 * answers the existing invoice; the database refuses a second invoice even under a race).
 * Numbers ({@code INV-2026-000001}, credit notes {@code CN-…}) are gapless per workspace
 * and year, taken in the issuing transaction. Payments lock the invoice row, so
 * concurrent payments cannot overpay.
 */
@Service
public class InvoiceManagement {

	/** Series of invoice numbers. */
	public static final String INVOICE_SERIES = "INV";

	/** Series of credit note numbers. */
	public static final String CREDIT_NOTE_SERIES = "CN";

	/** Engine message correlated when an invoice is fully paid. */
	public static final String MESSAGE_INVOICE_PAID = "Msg_InvoicePaid";

	/** Process variable holding the invoice id (a String). */
	public static final String VAR_INVOICE_ID = "invoiceId";

	/** The business time zone: issue dates and years are taken here. */
	public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	static final SortableFields INVOICE_SORT = SortableFields.of("issueDate", "issueDate", "number", "number", "gross",
			"grossTotal", "dueDate", "dueDate", "status", "status");

	private static final String DEFAULT_UNIT = "pcs";

	private final Invoices invoices;

	private final Payments payments;

	private final OrderManagement orders;

	private final CustomerManagement customers;

	private final CatalogManagement catalog;

	private final OrganizationManagement organizations;

	private final WorkspaceManagement workspaces;

	private final VatRates vatRates;

	private final DocumentNumbers numbers;

	private final RuntimeService runtime;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int paymentTermsDays;

	InvoiceManagement(Invoices invoices, Payments payments, OrderManagement orders, CustomerManagement customers,
			CatalogManagement catalog, OrganizationManagement organizations, WorkspaceManagement workspaces,
			VatRates vatRates, DocumentNumbers numbers, RuntimeService runtime, ApplicationEventPublisher events,
			Clock clock, @Value("${prometric.finance.payment-terms-days:14}") int paymentTermsDays) {
		this.invoices = invoices;
		this.payments = payments;
		this.orders = orders;
		this.customers = customers;
		this.catalog = catalog;
		this.organizations = organizations;
		this.workspaces = workspaces;
		this.vatRates = vatRates;
		this.numbers = numbers;
		this.runtime = runtime;
		this.events = events;
		this.clock = clock;
		this.paymentTermsDays = paymentTermsDays;
	}

	/**
	 * The invoice of an order, issued on the first call (idempotent: later calls answer
	 * the same invoice). VAT rates are those in force on {@code turnoverDate}. A
	 * cancelled order is refused (422). Publishes {@link InvoiceIssued} once. For the
	 * process; no access check.
	 * @throws InvoiceAlreadyIssuedException when a concurrent call issued it first; a
	 * retry answers that invoice
	 */
	@Transactional
	public InvoiceView issueForOrder(UUID orderId, LocalDate turnoverDate) {
		if (turnoverDate == null) {
			throw new BusinessRuleViolation("turnoverDate", "An invoice needs a turnover date");
		}
		return this.invoices.findByOrderIdAndKind(orderId, InvoiceKind.INVOICE)
			.map(i -> i.view(today()))
			.orElseGet(() -> {
				OrderView order = this.orders.requireOrder(orderId);
				if (order.status() == OrderStatus.CANCELLED) {
					throw new BusinessRuleViolation("orderId", "A cancelled order is not invoiced");
				}
				try {
					return issue(order, turnoverDate);
				}
				catch (DataIntegrityViolationException ex) {
					if (DatabaseConstraints.isUniqueViolation(ex, "uq_fin_invoice_order")) {
						throw new InvoiceAlreadyIssuedException(orderId);
					}
					throw ex;
				}
			});
	}

	private InvoiceView issue(OrderView order, LocalDate turnoverDate) {
		UUID ws = order.workspaceId();
		CustomerView buyer = this.customers.requireCustomer(ws, order.customerId());
		List<VatCalculator.Line> calcLines = new ArrayList<>();
		List<String[]> described = new ArrayList<>();
		for (OrderLine line : order.lines()) {
			VatCategory category = VatCategory.STANDARD;
			boolean includesVat = false;
			String unit = DEFAULT_UNIT;
			if (line.productId() != null) {
				ProductView product = this.catalog.requireProduct(ws, line.productId());
				category = (product.vatCategory() != null) ? product.vatCategory() : VatCategory.STANDARD;
				includesVat = product.priceIncludesVat();
				unit = product.unit();
			}
			VatRate rate = this.vatRates.rateFor(category, turnoverDate);
			calcLines.add(new VatCalculator.Line(line.quantity(), line.unitPrice(), line.discountPercent(), includesVat,
					rate));
			described.add(new String[] { category.name(), unit });
		}
		VatCalculator.Calculation calc = VatCalculator.calculate(calcLines);
		List<InvoiceLine> lines = new ArrayList<>();
		for (int i = 0; i < order.lines().size(); i++) {
			OrderLine line = order.lines().get(i);
			VatCalculator.LineAmounts amounts = calc.lines().get(i);
			VatRate rate = amounts.line().vatRate();
			lines.add(new InvoiceLine(ws, line.productId(), line.productName(), described.get(i)[1],
					amounts.line().quantity(), amounts.line().unitPrice(), amounts.line().discountPercent(),
					amounts.line().priceIncludesVat(), described.get(i)[0], rate.percent(), rate.exempt(),
					amounts.amount(), amounts.net()));
		}
		List<InvoiceVat> vat = calc.rates()
			.stream()
			.map(r -> new InvoiceVat(ws, r.rate().percent(), r.rate().exempt(), r.taxableBase(), r.vat(), r.gross()))
			.toList();
		Instant now = this.clock.instant();
		LocalDate issueDate = today();
		String sellerName;
		String sellerBin;
		OrganizationView seller = this.organizations.organizationOfWorkspace(ws).orElse(null);
		if (seller != null) {
			sellerName = seller.name();
			sellerBin = seller.bin();
		}
		else {
			sellerName = this.workspaces.workspaceNames(List.of(ws)).getOrDefault(ws, "—");
			sellerBin = null;
		}
		String number = this.numbers.next(ws, INVOICE_SERIES, issueDate.getYear());
		Invoice invoice = this.invoices.saveAndFlush(new Invoice(
				new Invoice.Draft(ws, InvoiceKind.INVOICE, number, order.id(), order.customerId(), sellerName,
						sellerBin, buyer.name(), buyer.taxId(), buyer.address(), buyer.email(), issueDate, turnoverDate,
						issueDate.plusDays(this.paymentTermsDays), lines, vat, calc.net(), calc.vat(), calc.gross()),
				now));
		this.events.publishEvent(new InvoiceIssued(invoice.id(), ws, order.id(), number, buyer.email(), now));
		return invoice.view(issueDate);
	}

	/**
	 * Records a payment (members of the workspace): {@code amount} more than 0 with at
	 * most 2 decimals and not more than the balance (422, field {@code amount}). Locks
	 * the invoice row, so concurrent payments cannot overpay. The payment that settles
	 * the invoice publishes {@link InvoicePaid} and correlates
	 * {@value #MESSAGE_INVOICE_PAID} to the process instances waiting for it, in the same
	 * transaction.
	 */
	@Transactional
	public PaymentView recordPayment(UUID workspaceId, UUID callerId, UUID invoiceId, BigDecimal amount,
			LocalDate paidOn, String reference) {
		this.workspaces.requireMember(workspaceId, callerId);
		if (amount == null || amount.signum() <= 0) {
			throw new BusinessRuleViolation("amount", "A payment is more than 0");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new BusinessRuleViolation("amount", "A payment has at most 2 decimals");
		}
		BigDecimal money = amount.setScale(2);
		Invoice invoice = this.invoices.lockByIdAndWorkspaceId(invoiceId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
		Instant now = this.clock.instant();
		boolean settled = invoice.pay(money, now);
		Payment payment = this.payments.save(new Payment(workspaceId, invoiceId, money,
				(paidOn != null) ? paidOn : today(), (reference == null) ? null : reference.strip(), callerId, now));
		this.invoices.flush();
		if (settled) {
			this.events.publishEvent(new InvoicePaid(invoiceId, workspaceId, invoice.orderId(), now));
			this.runtime.createMessageCorrelation(MESSAGE_INVOICE_PAID)
				.processInstanceVariableEquals(VAR_INVOICE_ID, invoiceId.toString())
				.correlateAll();
		}
		return payment.view();
	}

	@Transactional(readOnly = true)
	public List<PaymentView> payments(UUID workspaceId, UUID callerId, UUID invoiceId) {
		this.workspaces.requireMember(workspaceId, callerId);
		load(workspaceId, invoiceId);
		return this.payments.findByInvoiceIdAndWorkspaceIdOrderByCreatedAt(invoiceId, workspaceId)
			.stream()
			.map(Payment::view)
			.toList();
	}

	/**
	 * Reverses an invoice with a credit note (managers): a new document of series
	 * {@code CN} with its own gapless number and the invoice's amounts negated, referring
	 * to the invoice's number; the invoice becomes CREDITED and is otherwise unchanged.
	 * An invoice with payments, or already credited, is refused (409).
	 */
	@Transactional
	public InvoiceView creditNote(UUID workspaceId, UUID callerId, UUID invoiceId, String reason) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleViolation("reason", "A credit note needs a reason");
		}
		Invoice invoice = this.invoices.lockByIdAndWorkspaceId(invoiceId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
		Instant now = this.clock.instant();
		invoice.credit(now);
		LocalDate issueDate = today();
		String number = this.numbers.next(workspaceId, CREDIT_NOTE_SERIES, issueDate.getYear());
		Invoice note = this.invoices
			.saveAndFlush(Invoice.creditNoteOf(invoice, number, reason.strip(), issueDate, now));
		this.events.publishEvent(new InvoiceCredited(invoiceId, workspaceId, note.id(), number, now));
		return note.view(issueDate);
	}

	/**
	 * For the process's payment-due timer: publishes {@link PaymentReminderDue} when the
	 * invoice is still unpaid; a paid or credited invoice is left alone.
	 */
	@Transactional
	public void remind(UUID invoiceId) {
		Invoice invoice = this.invoices.findById(invoiceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
		if (!invoice.isOpen()) {
			return;
		}
		this.events.publishEvent(new PaymentReminderDue(invoiceId, invoice.workspaceId(), invoice.number(),
				invoice.buyerEmail(), invoice.balance(), invoice.dueDate(), this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public InvoiceView invoice(UUID workspaceId, UUID callerId, UUID invoiceId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, invoiceId).view(today());
	}

	/**
	 * The invoice of any workspace, for the process and other modules (no access check).
	 */
	@Transactional(readOnly = true)
	public InvoiceView requireInvoice(UUID invoiceId) {
		return this.invoices.findById(invoiceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId))
			.view(today());
	}

	@Transactional(readOnly = true)
	public PageResult<InvoiceView> invoices(UUID workspaceId, UUID callerId, InvoiceFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		LocalDate today = today();
		return PageResult.of(this.invoices.search(workspaceId, filter.kind(), filter.status(), filter.orderId(),
				filter.customerId(), query.toPageable(INVOICE_SORT)), i -> i.view(today));
	}

	/** The invoice as an HTML page a customer accepts (members of the workspace). */
	@Transactional(readOnly = true)
	public String document(UUID workspaceId, UUID callerId, UUID invoiceId) {
		return InvoiceDocument.html(invoice(workspaceId, callerId, invoiceId));
	}

	/** The HTML page of any invoice, for the invoice e-mail (no access check). */
	@Transactional(readOnly = true)
	public String documentFor(UUID invoiceId) {
		return InvoiceDocument.html(requireInvoice(invoiceId));
	}

	/**
	 * Process variables of an issued invoice: {@code invoiceId} (String),
	 * {@code invoiceNumber} and {@code invoiceDueDate} (ISO-8601 date-time at 09:00
	 * Asia/Almaty on the due date, for a timer).
	 */
	public static Map<String, Object> processVariables(InvoiceView invoice) {
		return Map.of(VAR_INVOICE_ID, invoice.id().toString(), "invoiceNumber", invoice.number(), "invoiceDueDate",
				DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(invoice.dueDate().atTime(9, 0).atZone(BUSINESS_ZONE)));
	}

	private Invoice load(UUID workspaceId, UUID invoiceId) {
		return this.invoices.findByIdAndWorkspaceId(invoiceId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(BUSINESS_ZONE));
	}

	/** Optional filters of the invoice list. */
	public record InvoiceFilter(InvoiceKind kind, InvoiceStatus status, UUID orderId, UUID customerId) {
	}

	/**
	 * A concurrent call issued the order's invoice first; the caller's transaction is
	 * rolled back and a retry answers that invoice.
	 */
	public static class InvoiceAlreadyIssuedException extends ConflictException {

		InvoiceAlreadyIssuedException(UUID orderId) {
			super("An invoice for order " + orderId + " was issued concurrently");
		}

	}

}
