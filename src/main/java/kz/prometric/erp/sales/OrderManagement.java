package kz.prometric.erp.sales;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerManagement.CustomerFilter;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealView;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceRequest;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.inventory.ReservationResult;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionManagement.Replenishment;
import kz.prometric.erp.production.ProductionManagement.SalesShortfall;
import kz.prometric.erp.sales.OrderEvents.OrderCancelled;
import kz.prometric.erp.sales.OrderEvents.OrderCreated;
import kz.prometric.erp.sales.process.OrderFulfilment;
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

import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales orders. An order is created from a won deal exactly once: a second call for the
 * same deal answers the existing order, and the database refuses a second order for one
 * deal even under a race. Order numbers ({@code SO-2026-000123}) are gapless per
 * workspace and year, assigned in the creating transaction. Every order, from a deal or
 * by hand, starts its own {@code order-fulfilment} instance in that transaction with the
 * order number as business key and the workspace as tenant; the process steps find the
 * order by these (see {@link FulfilmentInstance}), never by a variable.
 * <p>
 * An order has its own delivery address: given when it is entered, else the customer's
 * address at that moment (a snapshot; crm's deals carry no address of their own, so an
 * order of a won deal takes the customer's), changeable until the order is shipped.
 */
@Service
public class OrderManagement {

	static final String NUMBER_SERIES = "SO";

	static final SortableFields ORDER_SORT = SortableFields.of("createdAt", "createdAt", "orderNumber", "orderNumber",
			"totalAmount", "totalAmount", "status", "status");

	static final SortableFields HISTORY_SORT = SortableFields.of("changedAt", "changedAt");

	/** How many customers whose name matches a search the order list looks at. */
	private static final int CUSTOMER_MATCHES = 100;

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	private static final int COLLECTION_AFTER_DAYS = 14;

	private final Orders orders;

	private final DealManagement deals;

	private final CustomerManagement customers;

	private final WorkspaceManagement workspaces;

	private final DocumentNumbers numbers;

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final InvoiceManagement invoices;

	private final ProductionManagement production;

	private final RuntimeService runtime;

	private final WorkspaceDefinitions definitions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OrderChanges changes;

	private final IdentityManagement identity;

	private final OrderSubjects subjects;

	private final jakarta.persistence.EntityManager entities;

	OrderManagement(Orders orders, DealManagement deals, CustomerManagement customers, WorkspaceManagement workspaces,
			DocumentNumbers numbers, InventoryManagement inventory, CatalogManagement catalog,
			InvoiceManagement invoices, ProductionManagement production, RuntimeService runtime,
			WorkspaceDefinitions definitions, ApplicationEventPublisher events, Clock clock, OrderChanges changes,
			IdentityManagement identity, OrderSubjects subjects, jakarta.persistence.EntityManager entities) {
		this.entities = entities;
		this.orders = orders;
		this.subjects = subjects;
		this.changes = changes;
		this.identity = identity;
		this.deals = deals;
		this.customers = customers;
		this.workspaces = workspaces;
		this.numbers = numbers;
		this.inventory = inventory;
		this.catalog = catalog;
		this.invoices = invoices;
		this.production = production;
		this.runtime = runtime;
		this.definitions = definitions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The order of a won deal, created on the first call with the deal's products as
	 * lines (idempotent: later calls answer the same order; a unique key per deal holds
	 * under races), and its order-fulfilment instance started exactly like a hand-entered
	 * order's. Sales calls this itself when crm publishes {@code DealWon}, in the
	 * transaction that wins the deal. A deal of another workspace is not found (404), a
	 * deal that is not won or has no product lines is refused (422: crm refuses to win a
	 * deal without lines, so the order is always made of the deal's lines). Its delivery
	 * address is the customer's address at this moment (deals carry none of their own;
	 * none when the customer has no address). Publishes {@link OrderCreated} once.
	 */
	@Transactional
	public OrderView placeForWonDeal(UUID workspaceId, UUID dealId) {
		return this.orders.findByDealId(dealId)
			.filter(o -> o.workspaceId().equals(workspaceId))
			.map(SalesOrder::view)
			.orElseGet(() -> {
				DealView deal = this.deals.wonDeal(workspaceId, dealId);
				List<OrderLine> lines = deal.products()
					.stream()
					.map(p -> new OrderLine(p.productId(), p.productName(), p.quantity(), p.unitPrice(),
							p.discountPercent()))
					.toList();
				if (lines.isEmpty()) {
					throw new BusinessRuleViolation("products",
							"A deal is won with its product lines; this one has none");
				}
				try {
					CustomerView customer = this.customers.requireCustomer(deal.workspaceId(), deal.customerId());
					return place(deal.workspaceId(), deal.customerId(), dealId, customer.address(), lines, null, null);
				}
				catch (DataIntegrityViolationException ex) {
					if (DatabaseConstraints.isUniqueViolation(ex, "uq_sales_order_deal")) {
						throw new OrderAlreadyPlacedException(dealId);
					}
					throw ex;
				}
			});
	}

	/**
	 * An order entered by hand (members of the workspace), delivered to the customer's
	 * address; starts its order-fulfilment instance. Publishes {@link OrderCreated}.
	 */
	@Transactional
	public OrderView create(UUID workspaceId, UUID callerId, UUID customerId, List<OrderLine> lines) {
		return create(workspaceId, callerId, customerId, lines, null, null);
	}

	/**
	 * An order entered by hand, served from {@code warehouseId} (the process reserves its
	 * stock there; {@code null}: in the warehouse with the most stock). A warehouse of
	 * another workspace is refused (422 {@code warehouseId}).
	 */
	@Transactional
	public OrderView create(UUID workspaceId, UUID callerId, UUID customerId, List<OrderLine> lines, UUID warehouseId) {
		return create(workspaceId, callerId, customerId, lines, warehouseId, null);
	}

	/**
	 * An order entered by hand, served from {@code warehouseId} and delivered to
	 * {@code deliveryAddress} (trimmed; at most 1000 characters, else 422
	 * {@code deliveryAddress}; {@code null}: the customer's address now, a snapshot that
	 * later changes of the customer do not move).
	 */
	@Transactional
	public OrderView create(UUID workspaceId, UUID callerId, UUID customerId, List<OrderLine> lines, UUID warehouseId,
			String deliveryAddress) {
		this.workspaces.requireMember(workspaceId, callerId);
		CustomerView customer = this.customers.requireCustomer(workspaceId, customerId);
		if (warehouseId != null) {
			this.inventory.requireWarehouse(workspaceId, warehouseId);
		}
		String address = (deliveryAddress != null) ? SalesOrder.deliveryAddress(deliveryAddress) : customer.address();
		return place(workspaceId, customerId, null, address, lines, warehouseId, callerId);
	}

	/**
	 * Sends an order's goods to another address (managers, like cancelling), until the
	 * order is shipped: a shipped or cancelled order answers 409 {@code deliveryAddress};
	 * a blank address or one over 1000 characters 422 {@code deliveryAddress}; an order
	 * of another workspace 404. The address is trimmed; the same address again changes
	 * nothing. A change is recorded in the order's history (old and new address) and
	 * shown on the order's open <em>Ship order</em> task. Locks the order, so it cannot
	 * cross its shipment.
	 */
	@Transactional
	public OrderView changeDeliveryAddress(UUID workspaceId, UUID callerId, UUID orderId, String deliveryAddress) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		SalesOrder order = this.orders.lockByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Order", orderId));
		String before = order.deliveryAddress();
		if (order.changeDeliveryAddress(deliveryAddress, this.clock.instant())) {
			recordChange(order, order.status(), callerId, OrderChange.Action.DELIVERY_ADDRESS_CHANGED,
					((before != null) ? before : "—") + " \u2192 " + order.deliveryAddress());
			this.subjects.deliveryAddressChanged(order);
		}
		return order.view();
	}

	@Transactional(readOnly = true)
	public OrderView order(UUID workspaceId, UUID callerId, UUID orderId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, orderId).view();
	}

	/**
	 * Orders of the workspace; {@code search} matches the order number or the name of the
	 * customer (among the first 100 customers whose name matches).
	 */
	@Transactional(readOnly = true)
	public PageResult<OrderView> orders(UUID workspaceId, UUID callerId, OrderFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		query.requireWithin(PageResult.TOTAL_CAP);
		String search = SearchText.containing(filter.search());
		List<UUID> customersNamed = new ArrayList<>();
		if (search != null) {
			this.customers
				.customers(workspaceId, callerId, new CustomerFilter(null, filter.search().strip()),
						PageQuery.first(CUSTOMER_MATCHES))
				.items()
				.forEach(c -> customersNamed.add(c.id()));
		}
		if (customersNamed.isEmpty()) {
			// no customer matches: a list that matches no order (an empty IN list is not
			// portable)
			customersNamed.add(new UUID(0, 0));
		}
		ListQuery list = ListQuery.from("SalesOrder", "o")
			.where("o.workspaceId = :workspaceId", "workspaceId", workspaceId)
			.whereGiven(filter.status(), "status", "o.status = :status")
			.whereGiven(filter.customerId(), "customerId", "o.customerId = :customerId");
		if (search != null) {
			list.where("fold(o.orderNumber) like :search escape '\\' or o.customerId in :customersNamed", "search",
					search, "customersNamed", customersNamed);
		}
		return PageResult.capped(list.slice(this.entities, SalesOrder.class, query.toPageable(ORDER_SORT)),
				limit -> list.countUpTo(this.entities, limit), SalesOrder::view);
	}

	/**
	 * How many of the workspace's orders are in each status, every status present (zero
	 * when none): one grouped query, for overviews such as the home page. Members of the
	 * workspace.
	 */
	@Transactional(readOnly = true)
	public Map<OrderStatus, Long> countByStatus(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
		for (OrderStatus status : OrderStatus.values()) {
			counts.put(status, 0L);
		}
		this.orders.countByStatus(workspaceId).forEach(row -> counts.put((OrderStatus) row[0], (Long) row[1]));
		return counts;
	}

	/**
	 * The order's own history, oldest first by default ({@code sort=changedAt[,desc]}):
	 * created, every status change and a cancellation, with who did it (none for the
	 * process's own steps) and when. Kept as long as the order. Members of the workspace;
	 * an order of another workspace is 404.
	 */
	@Transactional(readOnly = true)
	public PageResult<OrderChangeView> history(UUID workspaceId, UUID callerId, UUID orderId, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		var pageable = query.toPageable(HISTORY_SORT);
		load(workspaceId, orderId);
		var page = this.changes.findByOrderIdAndWorkspaceId(orderId, workspaceId, pageable);
		List<UUID> people = page.getContent()
			.stream()
			.map(OrderChange::changedBy)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
		Map<UUID, String> names = new HashMap<>();
		if (!people.isEmpty()) {
			for (UserAccount user : this.identity.findAllById(people)) {
				names.put(user.id(), user.displayName());
			}
		}
		return PageResult.of(page, c -> c.view((c.changedBy() != null) ? names.get(c.changedBy()) : null));
	}

	/**
	 * Where each line's stock is held: the warehouse of the line's reservation (lines
	 * without a product, and lines not reserved yet, have none). Members of the
	 * workspace; an order of another workspace is 404.
	 */
	@Transactional(readOnly = true)
	public List<LineStock> lineStock(UUID workspaceId, UUID callerId, UUID orderId) {
		this.workspaces.requireMember(workspaceId, callerId);
		SalesOrder order = load(workspaceId, orderId);
		Map<UUID, Integer> lineNumbers = new HashMap<>();
		for (int i = 0; i < order.lines().size(); i++) {
			lineNumbers.put(order.lineId(i), i + 1);
		}
		return this.inventory
			.reservations(workspaceId, callerId, orderId, null, null, PageQuery.first(PageQuery.MAX_SIZE))
			.items()
			.stream()
			.filter(r -> lineNumbers.containsKey(r.orderLineId()))
			.map(r -> new LineStock(lineNumbers.get(r.orderLineId()), r.warehouseId(), r.quantity(), r.status().name()))
			.toList();
	}

	private void recordChange(SalesOrder order, OrderStatus before, UUID by, OrderChange.Action action, String detail) {
		if (action == OrderChange.Action.STATUS_CHANGED && before == order.status()) {
			return;
		}
		this.changes.save(new OrderChange(order.workspaceId(), order.id(), this.clock.instant(), by, action, before,
				order.status(), detail));
	}

	/**
	 * Cancels an order that is not shipped yet (managers; 409 once shipped or cancelled).
	 * Locks the order, so of concurrent cancels one succeeds and the others get 409.
	 * Publishes {@link OrderCancelled} and sends {@code Msg_OrderCancelled} to the
	 * order's fulfilment instance (business key and tenant).
	 */
	@Transactional
	public OrderView cancel(UUID workspaceId, UUID callerId, UUID orderId, String reason) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		SalesOrder order = this.orders.lockByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Order", orderId));
		Instant now = this.clock.instant();
		OrderStatus before = order.status();
		order.cancel(reason, now);
		recordChange(order, before, callerId, OrderChange.Action.CANCELLED, order.view().cancelReason());
		this.events.publishEvent(new OrderCancelled(order.id(), workspaceId, reason, now));
		// the fulfilment process releases the reservations and ends
		this.runtime.createMessageCorrelation(OrderFulfilment.MSG_ORDER_CANCELLED)
			.processInstanceBusinessKey(order.orderNumber())
			.tenantId(workspaceId.toString())
			.correlateAll();
		return order.view();
	}

	/**
	 * For the process: reserves stock for every line of the instance's order that refers
	 * to a catalog product (lines without one are services); a retry tops up the same
	 * reservations. The order becomes CONFIRMED when everything is reserved, else
	 * AWAITING_STOCK. Answers whether everything is reserved.
	 */
	@Transactional
	public boolean reserveStock(FulfilmentInstance instance) {
		SalesOrder order = bound(instance);
		OrderStatus before = order.status();
		boolean complete = true;
		List<OrderLine> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			if (line.productId() != null) {
				complete &= this.inventory
					.reserve(order.workspaceId(), order.id(), order.lineId(i), line.productId(), line.quantity(),
							order.warehouseId())
					.complete();
			}
		}
		order.stockReserved(complete, this.clock.instant());
		recordChange(order, before, null, OrderChange.Action.STATUS_CHANGED,
				complete ? "Stock reserved" : "Stock short");
		return complete;
	}

	/**
	 * For the process, after a reservation came up short: reserves again (stock may have
	 * arrived since) and asks production to make or buy what each line still lacks —
	 * manufactured when the product has a routing (a production order with the line as
	 * source, released at once), else bought (a purchase requisition for the line).
	 * Production answers the same document for a line while it is open, so a retried step
	 * asks for nothing twice; the answers are recorded on the order (its
	 * {@code replenishments}, shown in the order API and on the replenish-stock form).
	 * The order becomes IN_PRODUCTION while something is being manufactured for it, else
	 * AWAITING_STOCK; CONFIRMED when everything got reserved meanwhile (the process then
	 * reserves again instead of waiting). Runs under the order's row lock, like the
	 * listener that wakes the process, so a replenishment that finishes meanwhile is
	 * either seen here (its stock reserved) or wakes the waiting process.
	 */
	@Transactional
	public ReplenishmentRequest requestReplenishment(FulfilmentInstance instance) {
		SalesOrder order = bound(instance);
		OrderStatus before = order.status();
		Instant now = this.clock.instant();
		boolean complete = true;
		List<String> summary = new ArrayList<>();
		List<OrderLine> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			if (line.productId() == null) {
				continue;
			}
			ReservationResult reservation = this.inventory.reserve(order.workspaceId(), order.id(), order.lineId(i),
					line.productId(), line.quantity(), order.warehouseId());
			if (reservation.complete()) {
				continue;
			}
			complete = false;
			Replenishment answer = this.production.replenish(order.workspaceId(),
					new SalesShortfall(order.id(), order.orderNumber(), order.lineId(i), line.productId(),
							reservation.shortfall(), reservation.warehouseId()));
			order.replenishmentRequested(i, line.productId(), reservation.shortfall(), answer.kind(),
					answer.documentNumber(), now);
			summary.add("Line " + (i + 1) + " (" + line.productName() + "): " + reservation.shortfall().toPlainString()
					+ " " + line.unit() + " short, "
					+ ("MANUFACTURE".equals(answer.kind()) ? "production order " : "purchase requisition ")
					+ answer.documentNumber());
		}
		if (complete) {
			order.stockReserved(true, now);
		}
		recordChange(order, before, null, OrderChange.Action.STATUS_CHANGED,
				complete ? "Stock reserved" : String.join("\n", summary));
		return new ReplenishmentRequest(complete, String.join("\n", summary));
	}

	/**
	 * Production says what an order asked for is in stock (a run's output, received
	 * goods) or will not come (a run cancelled, a purchase rejected: {@code problem} says
	 * why). Records it on the order and, only when the order's instance waits for it,
	 * correlates {@code Msg_StockReplenished} or {@code Msg_ReplenishmentFailed} (with
	 * the problem) by business key and tenant — under the order's row lock, which the
	 * process steps take too, so no wake-up is lost: a step that runs first sees the
	 * stock, a step that runs later leaves the instance waiting before this looks. An
	 * order of another workspace, or one that is not waiting, is left alone.
	 */
	@Transactional
	public void replenishmentEnded(UUID workspaceId, UUID orderId, String documentNumber, String problem) {
		if (orderId == null) {
			return;
		}
		this.orders.lockByIdAndWorkspaceId(orderId, workspaceId).ifPresent(order -> {
			boolean failed = problem != null;
			order.replenishmentEnded(documentNumber, failed ? LineReplenishment.FAILED : LineReplenishment.DONE,
					problem, this.clock.instant());
			String message = failed ? OrderFulfilment.MSG_REPLENISHMENT_FAILED : OrderFulfilment.MSG_STOCK_REPLENISHED;
			if (order.processInstanceId() == null || this.runtime.createEventSubscriptionQuery()
				.processInstanceId(order.processInstanceId())
				.eventType("message")
				.eventName(message)
				.count() == 0) {
				return;
			}
			var correlation = this.runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(order.orderNumber())
				.tenantId(workspaceId.toString());
			if (failed) {
				correlation.setVariable(OrderFulfilment.VAR_REPLENISHMENT_PROBLEM, problem);
			}
			correlation.correlate();
		});
	}

	/**
	 * Production scrapped a run planned for an order and planned {@code replannedAs} for
	 * the shortfall (same source): the order's line now waits for that one; the process
	 * keeps waiting.
	 */
	@Transactional
	public void replenishmentReplanned(UUID workspaceId, UUID orderId, String documentNumber, String replannedAs) {
		if (orderId == null || replannedAs == null) {
			return;
		}
		this.orders.lockByIdAndWorkspaceId(orderId, workspaceId)
			.ifPresent(order -> order.replenishmentReplanned(documentNumber, replannedAs, this.clock.instant()));
	}

	/**
	 * For the process: ships the instance's confirmed order, records carrier, tracking
	 * number and the shipment date (the invoice's turnover date) and issues its reserved
	 * stock. A missing carrier is refused (422 {@code carrier}) before anything changes,
	 * and the refusal does not doom the process step's transaction, so the process can
	 * take its modelled path.
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public OrderView ship(FulfilmentInstance instance, String carrier, String trackingNumber) {
		SalesOrder order = bound(instance);
		OrderStatus before = order.status();
		order.ship(carrier, trackingNumber, this.clock.instant());
		this.inventory.issue(order.workspaceId(), order.id());
		recordChange(order, before, null, OrderChange.Action.STATUS_CHANGED, "Carrier " + order.view().carrier()
				+ ((trackingNumber == null || trackingNumber.isBlank()) ? "" : ", tracking " + trackingNumber.strip()));
		return order.view();
	}

	/**
	 * For the process: has finance issue the invoice of the instance's shipped order
	 * (exactly once; a retry answers the same invoice) with the lines' fixed price basis
	 * and VAT category and the shipment date in Asia/Almaty as turnover date, so a retry
	 * on another day cannot change the VAT rate; the order becomes INVOICED. Answers when
	 * payment is due and when an unpaid invoice goes to collection. A refusal by finance
	 * (422, e.g. no VAT rate) comes before anything changes and does not doom the process
	 * step's transaction.
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public OrderInvoice invoice(FulfilmentInstance instance) {
		SalesOrder order = bound(instance);
		if (order.shippedAt() == null) {
			throw new ConflictException("Only a shipped order is invoiced");
		}
		LocalDate turnoverDate = order.shippedAt().atZone(BUSINESS_ZONE).toLocalDate();
		List<InvoiceRequest.Line> lines = order.lines()
			.stream()
			.map(l -> new InvoiceRequest.Line(l.productId(), l.productName(), l.unit(), l.quantity(), l.unitPrice(),
					l.discountPercent(), Boolean.TRUE.equals(l.priceIncludesVat()), l.vatCategory()))
			.toList();
		InvoiceView invoice = this.invoices.issueInvoice(new InvoiceRequest(order.workspaceId(), order.id(),
				order.orderNumber(), order.customerId(), turnoverDate, lines));
		OrderStatus before = order.status();
		order.invoiced(invoice.id(), invoice.number(), this.clock.instant());
		recordChange(order, before, null, OrderChange.Action.STATUS_CHANGED, "Invoice " + invoice.number());
		ZonedDateTime dueAt = invoice.dueDate().atTime(9, 0).atZone(BUSINESS_ZONE);
		return new OrderInvoice(invoice.number(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dueAt),
				DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dueAt.plusDays(COLLECTION_AFTER_DAYS)));
	}

	/**
	 * For the process's payment-due timer: finance reminds the customer of the instance's
	 * invoice if it is still open.
	 */
	@Transactional
	public void remindOfPayment(FulfilmentInstance instance) {
		SalesOrder order = bound(instance);
		if (order.invoiceId() != null) {
			this.invoices.remind(order.workspaceId(), order.invoiceId());
		}
	}

	/**
	 * Finance says an invoice was paid: when it is an order's invoice, the message
	 * {@code Msg_InvoicePaid} goes to that order's fulfilment instance (business key =
	 * order number, tenant = workspace), in the paying transaction. Idempotent.
	 */
	@Transactional
	public void invoicePaid(UUID workspaceId, UUID orderId) {
		if (orderId == null) {
			return;
		}
		this.orders.findByIdAndWorkspaceId(orderId, workspaceId)
			.ifPresent(order -> this.runtime.createMessageCorrelation(OrderFulfilment.MSG_INVOICE_PAID)
				.processInstanceBusinessKey(order.orderNumber())
				.tenantId(workspaceId.toString())
				.correlateAll());
	}

	/** For the process: the instance's invoice is paid, the order is complete. */
	@Transactional
	public void markPaid(FulfilmentInstance instance) {
		SalesOrder order = bound(instance);
		OrderStatus before = order.status();
		order.paid(this.clock.instant());
		recordChange(order, before, null, OrderChange.Action.STATUS_CHANGED, "Invoice paid");
	}

	/**
	 * For the process: gives back the stock reserved for the instance's cancelled order.
	 * Idempotent.
	 */
	@Transactional
	public void releaseReservations(FulfilmentInstance instance) {
		SalesOrder order = bound(instance);
		this.inventory.release(order.workspaceId(), order.id());
	}

	private OrderView place(UUID workspaceId, UUID customerId, UUID dealId, String deliveryAddress,
			List<OrderLine> requested, UUID warehouseId, UUID createdBy) {
		if (requested.isEmpty()) {
			throw new BusinessRuleViolation("lines", "An order needs at least one line");
		}
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			lines.add(fixTaxBasis(workspaceId, requested.get(i), i));
		}
		Instant now = this.clock.instant();
		String number = this.numbers.next(workspaceId, NUMBER_SERIES, now.atZone(BUSINESS_ZONE).getYear());
		SalesOrder order = this.orders.saveAndFlush(new SalesOrder(workspaceId, number, customerId, dealId,
				deliveryAddress, lines, warehouseId, createdBy, now));
		recordChange(order, null, createdBy, OrderChange.Action.CREATED,
				(dealId != null) ? "From won deal " + dealId : "Entered by hand");
		Map<String, Object> variables = new HashMap<>();
		variables.put(OrderFulfilment.VAR_WORKSPACE_ID, workspaceId.toString());
		// for people and searches only: no step reads them
		variables.put(OrderFulfilment.VAR_ORDER_ID, order.id().toString());
		variables.put(OrderFulfilment.VAR_ORDER_NUMBER, number);
		if (dealId != null) {
			variables.put(OrderFulfilment.VAR_DEAL_ID, dealId.toString());
		}
		ProcessInstance process = this.definitions.startProcess(OrderFulfilment.KEY, workspaceId)
			.businessKey(number)
			.setVariables(variables)
			.execute();
		order.boundTo(process.getId());
		OrderView view = order.view();
		this.events.publishEvent(new OrderCreated(view.id(), workspaceId, number, dealId, view.totalAmount(), now));
		return view;
	}

	/**
	 * The line with the product's current price basis, VAT category and unit fixed on it
	 * (an unknown product is refused: 422 {@code lines[i].productId}); a line without a
	 * product is a service at the standard rate on a price without VAT.
	 */
	private OrderLine fixTaxBasis(UUID workspaceId, OrderLine line, int index) {
		if (line.productId() == null) {
			return line.fixed(OrderLine.SERVICE_UNIT, false, VatCategory.STANDARD);
		}
		ProductView product;
		try {
			product = this.catalog.requireProduct(workspaceId, line.productId());
		}
		catch (BusinessRuleViolation ex) {
			throw new BusinessRuleViolation("lines[" + index + "].productId", ex.getMessage());
		}
		return line.fixed(product.unit(), product.priceIncludesVat(),
				(product.vatCategory() != null) ? product.vatCategory() : VatCategory.STANDARD);
	}

	/**
	 * The order the instance is bound to: by business key (order number) and tenant, and
	 * only if the order names this very instance. Locked until the step's transaction
	 * ends. Anything else is a fault, not a business outcome.
	 */
	private SalesOrder bound(FulfilmentInstance instance) {
		SalesOrder order = this.orders.lockByOrderNumberAndWorkspaceId(instance.orderNumber(), instance.workspaceId())
			.orElseThrow(() -> new IllegalStateException("No order " + instance.orderNumber()
					+ " in the workspace of process instance " + instance.processInstanceId()));
		if (!order.isBoundTo(instance.processInstanceId())) {
			throw new IllegalStateException("Order " + instance.orderNumber() + " is not bound to process instance "
					+ instance.processInstanceId());
		}
		return order;
	}

	private SalesOrder load(UUID workspaceId, UUID orderId) {
		return this.orders.findByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Order", orderId));
	}

	/**
	 * What a replenishment request achieved: {@code complete} when every line is reserved
	 * after all; {@code summary} what was asked for, one line per short order line.
	 */
	public record ReplenishmentRequest(boolean complete, String summary) {
	}

	/**
	 * Optional filters of the order list; {@code search} matches the order number or the
	 * customer's name.
	 */
	public record OrderFilter(OrderStatus status, UUID customerId, String search) {
	}

	/**
	 * A concurrent call created the deal's order first; the caller's transaction is
	 * rolled back and a retry answers that order.
	 */
	public static class OrderAlreadyPlacedException extends ConflictException {

		OrderAlreadyPlacedException(UUID dealId) {
			super("An order for deal " + dealId + " was placed concurrently");
		}

	}

}
