package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.DocumentNumbers;
import kz.prometric.erp.shared.ListQuery;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;
import kz.prometric.erp.shared.VatCategory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices, payments and credit notes. A source document (an order) is invoiced exactly
 * once (a second call answers the existing invoice; the database refuses a second invoice
 * even under a race). Finance knows nothing of the source's module: the caller passes
 * what an invoice needs ({@link InvoiceRequest}), and finance publishes what happened
 * ({@link InvoiceIssued}, {@link InvoicePaid}, {@link InvoiceCredited}). Numbers
 * ({@code INV-2026-000001}, credit notes {@code CN-…}) are gapless per workspace and
 * year, taken in the issuing transaction. Payments lock the invoice row, so concurrent
 * payments cannot overpay.
 */
@Service
public class InvoiceManagement {

	/** Series of invoice numbers. */
	public static final String INVOICE_SERIES = "INV";

	/** Series of credit note numbers. */
	public static final String CREDIT_NOTE_SERIES = "CN";

	/** The least role that issues credit notes (REST, pages). */
	public static final WorkspaceRole CREDITING_ROLE = WorkspaceRole.MANAGER;

	/** The longest reason of a credit note. */
	public static final int MAX_REASON_LENGTH = 2000;

	/** The business time zone: issue dates, payment dates and years are taken here. */
	public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	static final SortableFields INVOICE_SORT = SortableFields.of("issueDate", "issueDate", "number", "number", "gross",
			"grossTotal", "dueDate", "dueDate", "status", "status");

	private static final String DEFAULT_UNIT = "pcs";

	private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);

	private final Invoices invoices;

	private final Payments payments;

	private final CustomerManagement customers;

	private final OrganizationManagement organizations;

	private final WorkspaceManagement workspaces;

	private final VatRates vatRates;

	private final DocumentNumbers numbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int paymentTermsDays;

	private final jakarta.persistence.EntityManager entities;

	InvoiceManagement(Invoices invoices, Payments payments, CustomerManagement customers,
			OrganizationManagement organizations, WorkspaceManagement workspaces, VatRates vatRates,
			DocumentNumbers numbers, ApplicationEventPublisher events, Clock clock,
			@Value("${prometric.finance.payment-terms-days:14}") int paymentTermsDays,
			jakarta.persistence.EntityManager entities) {
		this.entities = entities;
		this.invoices = invoices;
		this.payments = payments;
		this.customers = customers;
		this.organizations = organizations;
		this.workspaces = workspaces;
		this.vatRates = vatRates;
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
		this.paymentTermsDays = paymentTermsDays;
	}

	/**
	 * The invoice of a source document (an order), issued on the first call (idempotent
	 * per workspace and source: later calls answer the same invoice). Lines keep the
	 * price basis and VAT category the request gives; VAT rates are those in force on the
	 * request's turnover date. Publishes {@link InvoiceIssued} once. For the process of
	 * the source's module, which has bound the source to its instance; no access check.
	 * @throws InvoiceAlreadyIssuedException when a concurrent call issued it first; a
	 * retry answers that invoice
	 * @throws BusinessRuleViolation before anything is written (no turnover date, no
	 * lines, no VAT rate for a line's category on the turnover date); it leaves the
	 * caller's transaction usable, so a process step can take a modelled path
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public InvoiceView issueInvoice(InvoiceRequest request) {
		if (request.workspaceId() == null || request.sourceId() == null) {
			throw new IllegalArgumentException("An invoice needs a workspace and a source document");
		}
		if (request.turnoverDate() == null) {
			throw new BusinessRuleViolation("turnoverDate", "An invoice needs a turnover date");
		}
		if (request.lines() == null || request.lines().isEmpty()) {
			throw new BusinessRuleViolation("lines", "An invoice needs at least one line");
		}
		return this.invoices
			.findByWorkspaceIdAndOrderIdAndKind(request.workspaceId(), request.sourceId(), InvoiceKind.INVOICE)
			.map(i -> i.view(today()))
			.orElseGet(() -> {
				try {
					return issue(request);
				}
				catch (DataIntegrityViolationException ex) {
					if (DatabaseConstraints.isUniqueViolation(ex, "uq_fin_invoice_order")) {
						throw new InvoiceAlreadyIssuedException(request.sourceId());
					}
					throw ex;
				}
			});
	}

	private InvoiceView issue(InvoiceRequest request) {
		UUID ws = request.workspaceId();
		LocalDate turnoverDate = request.turnoverDate();
		CustomerView buyer = this.customers.requireCustomer(ws, request.customerId());
		List<VatCalculator.Line> calcLines = new ArrayList<>();
		for (InvoiceRequest.Line line : request.lines()) {
			VatCategory category = (line.vatCategory() != null) ? line.vatCategory() : VatCategory.STANDARD;
			calcLines.add(new VatCalculator.Line(line.quantity(), line.unitPrice(), line.discountPercent(),
					line.priceIncludesVat(), this.vatRates.rateFor(ws, category.name(), turnoverDate)));
		}
		VatCalculator.Calculation calc = VatCalculator.calculate(calcLines);
		List<InvoiceLine> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			InvoiceRequest.Line line = request.lines().get(i);
			VatCalculator.LineAmounts amounts = calc.lines().get(i);
			VatRate rate = amounts.line().vatRate();
			VatCategory category = (line.vatCategory() != null) ? line.vatCategory() : VatCategory.STANDARD;
			String unit = (line.unit() == null || line.unit().isBlank()) ? DEFAULT_UNIT : line.unit();
			lines.add(new InvoiceLine(ws, line.productId(), line.name(), unit, amounts.line().quantity(),
					amounts.line().unitPrice(), amounts.line().discountPercent(), amounts.line().priceIncludesVat(),
					category.name(), rate.percent(), rate.exempt(), amounts.amount(), amounts.net(), null));
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
		Invoice invoice = this.invoices.saveAndFlush(new Invoice(new Invoice.Draft(ws, InvoiceKind.INVOICE, number,
				request.sourceId(), request.sourceDocument(), request.customerId(), sellerName, sellerBin, buyer.name(),
				buyer.taxId(), buyer.address(), buyer.email(), issueDate, turnoverDate,
				issueDate.plusDays(this.paymentTermsDays), lines, vat, calc.net(), calc.vat(), calc.gross()), now));
		this.events.publishEvent(new InvoiceIssued(invoice.id(), ws, request.sourceId(), number, buyer.email(), now));
		return invoice.view(issueDate);
	}

	/**
	 * Records a payment (members of the workspace): {@code amount} more than 0 with at
	 * most 2 decimals and not more than the balance (422, field {@code amount}), dated
	 * ({@code paidOn}, default today in Asia/Almaty) neither after today nor before the
	 * invoice date (422, field {@code paidOn}). Locks the invoice row, so concurrent
	 * payments cannot overpay. The payment that settles the invoice publishes
	 * {@link InvoicePaid} in the same transaction (the module that owns the source
	 * document reacts to it, e.g. sales completes the order's process).
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
		LocalDate today = today();
		LocalDate paidDate = (paidOn != null) ? paidOn : today;
		boolean settled = invoice.pay(money, paidDate, today, now);
		Payment payment = this.payments.save(new Payment(workspaceId, invoiceId, money, paidDate,
				(reference == null) ? null : reference.strip(), callerId, now));
		this.invoices.flush();
		if (settled) {
			this.events.publishEvent(new InvoicePaid(invoiceId, workspaceId, invoice.orderId(), now));
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
	 * Credits an invoice (managers) with a credit note: a new document of series
	 * {@code CN} with its own gapless number, referring to the invoice's number, whose
	 * lines take {@code lines} off the invoice (a quantity of an invoice line, never more
	 * than what is not yet credited on that line: 422 {@code lines[i].quantity}). Without
	 * lines it takes off everything not yet credited. VAT is computed per rate of the
	 * note with the invoice lines' own rates; the note that takes off the last of an
	 * invoice takes exactly what remains of each total. The invoice's balance (gross −
	 * paid − credited) goes down by the note's gross, which must not exceed it (422
	 * {@code lines}); the invoice becomes PARTIALLY_CREDITED, or CREDITED when nothing is
	 * left, or PAID when payments cover the rest (then {@link InvoicePaid} is published).
	 * A paid or fully credited invoice, and a credit note, are refused (409); the reason
	 * is required, at most {@value #MAX_REASON_LENGTH} characters (422 {@code reason}).
	 * Needs {@link #CREDITING_ROLE} (403). Publishes {@link InvoiceCredited}.
	 */
	@Transactional
	public InvoiceView creditNote(UUID workspaceId, UUID callerId, UUID invoiceId, String reason,
			List<CreditLine> lines) {
		this.workspaces.requireRole(workspaceId, callerId, CREDITING_ROLE);
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleViolation("reason", "A credit note needs a reason");
		}
		if (reason.strip().length() > MAX_REASON_LENGTH) {
			throw new BusinessRuleViolation("reason", "A reason has at most " + MAX_REASON_LENGTH + " characters");
		}
		Invoice invoice = this.invoices.lockByIdAndWorkspaceId(invoiceId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
		invoice.ensureCreditable();
		List<Invoice> earlier = this.invoices.creditNotesOf(invoiceId, workspaceId);
		List<InvoiceLine> invoiceLines = invoice.lines();
		BigDecimal[] remaining = new BigDecimal[invoiceLines.size()];
		for (int i = 0; i < remaining.length; i++) {
			remaining[i] = invoiceLines.get(i).quantity();
		}
		for (Invoice note : earlier) {
			for (InvoiceLine line : note.lines()) {
				if (line.originalLineNo() != null) {
					int index = line.originalLineNo() - 1;
					remaining[index] = remaining[index].add(line.quantity());
				}
			}
		}
		BigDecimal[] take = quantitiesToCredit(lines, remaining);
		boolean last = true;
		for (int i = 0; i < remaining.length; i++) {
			last &= take[i].compareTo(remaining[i]) == 0;
		}
		List<Integer> credited = new ArrayList<>();
		List<VatCalculator.Line> calcLines = new ArrayList<>();
		for (int i = 0; i < remaining.length; i++) {
			if (take[i].signum() > 0) {
				InvoiceLine line = invoiceLines.get(i);
				credited.add(i);
				calcLines.add(new VatCalculator.Line(take[i], line.unitPrice(), line.discountPercent(),
						line.priceIncludesVat(), line.vatExempt() ? VatRate.EXEMPT : VatRate.of(line.vatRate())));
			}
		}
		VatCalculator.Calculation calc = VatCalculator.calculate(calcLines);
		List<InvoiceLine> noteLines = new ArrayList<>();
		for (int k = 0; k < credited.size(); k++) {
			InvoiceLine line = invoiceLines.get(credited.get(k));
			VatCalculator.LineAmounts amounts = calc.lines().get(k);
			noteLines.add(new InvoiceLine(workspaceId, line.productId(), line.name(), line.unit(),
					amounts.line().quantity().negate(), line.unitPrice(), line.discountPercent(),
					line.priceIncludesVat(), line.vatCategory(), line.vatRate(), line.vatExempt(),
					amounts.amount().negate(), amounts.net().negate(), credited.get(k) + 1));
		}
		List<InvoiceVat> noteVat;
		BigDecimal net;
		BigDecimal vat;
		BigDecimal gross;
		if (last) {
			// the last note takes exactly what remains, so the notes add up to the
			// invoice
			noteVat = remainingVat(invoice, earlier);
			net = invoice.netTotal();
			vat = invoice.vatTotal();
			gross = invoice.grossTotal();
			for (Invoice note : earlier) {
				net = net.add(note.netTotal());
				vat = vat.add(note.vatTotal());
				gross = gross.add(note.grossTotal());
			}
		}
		else {
			noteVat = calc.rates()
				.stream()
				.map(r -> new InvoiceVat(workspaceId, r.rate().percent(), r.rate().exempt(), r.taxableBase(), r.vat(),
						r.gross()))
				.toList();
			net = calc.net();
			vat = calc.vat();
			gross = calc.gross();
		}
		Instant now = this.clock.instant();
		boolean settled = invoice.credit(gross, now);
		LocalDate issueDate = today();
		String number = this.numbers.next(workspaceId, CREDIT_NOTE_SERIES, issueDate.getYear());
		Invoice note = this.invoices.saveAndFlush(Invoice.creditNoteOf(invoice, number, reason.strip(), issueDate,
				noteLines, noteVat.stream().map(InvoiceVat::negated).toList(), net.negate(), vat.negate(),
				gross.negate(), now));
		this.events.publishEvent(new InvoiceCredited(invoiceId, workspaceId, note.id(), number, now));
		if (settled) {
			this.events.publishEvent(new InvoicePaid(invoiceId, workspaceId, invoice.orderId(), now));
		}
		return note.view(issueDate);
	}

	/**
	 * The quantity to credit per invoice line: the requested ones, or everything not yet
	 * credited when no line is given.
	 */
	private static BigDecimal[] quantitiesToCredit(List<CreditLine> lines, BigDecimal[] remaining) {
		BigDecimal[] take = new BigDecimal[remaining.length];
		java.util.Arrays.fill(take, BigDecimal.ZERO);
		if (lines == null || lines.isEmpty()) {
			boolean any = false;
			for (int i = 0; i < remaining.length; i++) {
				take[i] = remaining[i];
				any |= remaining[i].signum() > 0;
			}
			if (!any) {
				throw new ConflictException("Everything on the invoice is credited already");
			}
			return take;
		}
		for (int j = 0; j < lines.size(); j++) {
			CreditLine line = lines.get(j);
			String field = "lines[" + j + "]";
			if (line == null) {
				throw new BusinessRuleViolation(field, "A credit line names an invoice line and a quantity");
			}
			if (line.line() < 1 || line.line() > remaining.length) {
				throw new BusinessRuleViolation(field + ".line",
						"The invoice has lines 1 to " + remaining.length + ", not " + line.line());
			}
			int index = line.line() - 1;
			if (take[index].signum() != 0) {
				throw new BusinessRuleViolation(field + ".line", "Line " + line.line() + " is named twice");
			}
			BigDecimal quantity = line.quantity();
			if (quantity == null || quantity.signum() <= 0) {
				throw new BusinessRuleViolation(field + ".quantity", "A credited quantity is more than 0");
			}
			if (quantity.stripTrailingZeros().scale() > 3) {
				throw new BusinessRuleViolation(field + ".quantity", "A quantity has at most 3 decimals");
			}
			if (quantity.compareTo(remaining[index]) > 0) {
				throw new BusinessRuleViolation(field + ".quantity",
						"At most " + remaining[index].stripTrailingZeros().toPlainString() + " of line " + line.line()
								+ " is not credited yet");
			}
			take[index] = quantity;
		}
		return take;
	}

	/** What remains of each VAT group of the invoice after its earlier credit notes. */
	private static List<InvoiceVat> remainingVat(Invoice invoice, List<Invoice> earlier) {
		Map<String, InvoiceVat> groups = new LinkedHashMap<>();
		for (InvoiceVat group : invoice.vat()) {
			groups.put(vatKey(group), group);
		}
		for (Invoice note : earlier) {
			for (InvoiceVat taken : note.vat()) {
				groups.computeIfPresent(vatKey(taken),
						(key, group) -> new InvoiceVat(group.workspaceId(), group.vatRate(), group.vatExempt(),
								group.taxableBase().add(taken.taxableBase()), group.vat().add(taken.vat()),
								group.gross().add(taken.gross())));
			}
		}
		return groups.values()
			.stream()
			.filter(g -> g.gross().signum() != 0 || g.taxableBase().signum() != 0 || g.vat().signum() != 0)
			.toList();
	}

	private static String vatKey(InvoiceVat group) {
		return group.vatExempt() ? "exempt" : group.vatRate().stripTrailingZeros().toPlainString();
	}

	/**
	 * For the payment-due timer of the process that issued the invoice: publishes
	 * {@link PaymentReminderDue} when the invoice of the workspace is still open; a paid
	 * or credited invoice is left alone. Another workspace's invoice is not found (404).
	 */
	@Transactional
	public void remind(UUID workspaceId, UUID invoiceId) {
		Invoice invoice = load(workspaceId, invoiceId);
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
	 * The invoice of any workspace, for the invoice e-mail (no access check).
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
		query.requireWithin(PageResult.TOTAL_CAP);
		String search = SearchText.containing(filter.search());
		ListQuery list = ListQuery.from("Invoice", "i")
			.where("i.workspaceId = :workspaceId", "workspaceId", workspaceId)
			.whereGiven(filter.kind(), "kind", "i.kind = :kind")
			.whereGiven(filter.status(), "status", "i.status = :status")
			.whereGiven(filter.orderId(), "orderId", "i.orderId = :orderId")
			.whereGiven(filter.customerId(), "customerId", "i.customerId = :customerId")
			.whereGiven(search, "search",
					"fold(i.number) like :search escape '\\' or fold(i.buyerName) like :search escape '\\'");
		if (filter.overdue()) {
			list.where(
					"i.kind = kz.prometric.erp.finance.InvoiceKind.INVOICE "
							+ "and i.status in (kz.prometric.erp.finance.InvoiceStatus.ISSUED, "
							+ "kz.prometric.erp.finance.InvoiceStatus.PARTIALLY_PAID, "
							+ "kz.prometric.erp.finance.InvoiceStatus.PARTIALLY_CREDITED) and i.dueDate < :today",
					"today", today);
		}
		return PageResult.capped(list.slice(this.entities, Invoice.class, query.toPageable(INVOICE_SORT)),
				limit -> list.countUpTo(this.entities, limit), i -> i.view(today));
	}

	/**
	 * The workspace's invoices still open after their due date (today in Almaty), by due
	 * date, oldest first unless sorted otherwise.
	 */
	@Transactional(readOnly = true)
	public PageResult<InvoiceView> overdueInvoices(UUID workspaceId, UUID callerId, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		LocalDate today = today();
		PageQuery sorted = (query.sortProperty() != null) ? query
				: new PageQuery(query.page(), query.size(), "dueDate", query.direction());
		return PageResult.of(this.invoices.overdue(workspaceId, today, sorted.toPageable(INVOICE_SORT)),
				i -> i.view(today));
	}

	/**
	 * The credit notes of an invoice of the workspace (members), oldest first; another
	 * workspace's invoice is not found (404).
	 */
	@Transactional(readOnly = true)
	public List<InvoiceView> creditNotesOf(UUID workspaceId, UUID callerId, UUID invoiceId) {
		this.workspaces.requireMember(workspaceId, callerId);
		load(workspaceId, invoiceId);
		LocalDate today = today();
		return this.invoices.creditNotesOf(invoiceId, workspaceId).stream().map(i -> i.view(today)).toList();
	}

	/**
	 * Whether the caller's role lets him issue credit notes ({@link #CREDITING_ROLE} or
	 * above), as {@link #creditNote} requires; a non-member's workspace is not found
	 * (404).
	 */
	@Transactional(readOnly = true)
	public boolean mayCredit(UUID workspaceId, UUID callerId) {
		return this.workspaces.requireMember(workspaceId, callerId).includes(CREDITING_ROLE);
	}

	private Invoice load(UUID workspaceId, UUID invoiceId) {
		return this.invoices.findByIdAndWorkspaceId(invoiceId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(BUSINESS_ZONE));
	}

	/**
	 * Optional filters of the invoice list: {@code search} matches the number or the
	 * buyer's name; {@code overdue} keeps only open invoices past their due date.
	 */
	public record InvoiceFilter(InvoiceKind kind, InvoiceStatus status, UUID orderId, UUID customerId, String search,
			boolean overdue) {

		public InvoiceFilter(InvoiceKind kind, InvoiceStatus status, UUID orderId, UUID customerId) {
			this(kind, status, orderId, customerId, null, false);
		}

	}

	/**
	 * A concurrent call issued the source document's invoice first; the caller's
	 * transaction is rolled back and a retry answers that invoice.
	 */
	public static class InvoiceAlreadyIssuedException extends ConflictException {

		InvoiceAlreadyIssuedException(UUID sourceId) {
			super("An invoice for " + sourceId + " was issued concurrently");
		}

	}

}
