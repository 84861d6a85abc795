package kz.prometric.erp.sales;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealView;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.sales.OrderEvents.OrderCancelled;
import kz.prometric.erp.sales.OrderEvents.OrderCreated;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.DocumentNumbers;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales orders. An order is created from a won deal exactly once: a second call for the
 * same deal answers the existing order, and the database refuses a second order for one
 * deal even under a race. Order numbers ({@code SO-2026-000123}) are gapless per
 * workspace and year, assigned in the creating transaction.
 */
@Service
public class OrderManagement {

	static final String NUMBER_SERIES = "SO";

	static final SortableFields ORDER_SORT = SortableFields.of("createdAt", "createdAt", "orderNumber", "orderNumber",
			"totalAmount", "totalAmount", "status", "status");

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	private static final int COLLECTION_AFTER_DAYS = 14;

	private final Orders orders;

	private final DealManagement deals;

	private final CustomerManagement customers;

	private final WorkspaceManagement workspaces;

	private final DocumentNumbers numbers;

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final RuntimeService runtime;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderManagement(Orders orders, DealManagement deals, CustomerManagement customers, WorkspaceManagement workspaces,
			DocumentNumbers numbers, InventoryManagement inventory, CatalogManagement catalog, RuntimeService runtime,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.deals = deals;
		this.customers = customers;
		this.workspaces = workspaces;
		this.numbers = numbers;
		this.inventory = inventory;
		this.catalog = catalog;
		this.runtime = runtime;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The order of a won deal, created on the first call with the deal's products as
	 * lines (idempotent: later calls answer the same order). A deal that is not won, or
	 * has no products, is refused (422). Publishes {@link OrderCreated} once.
	 */
	@Transactional
	public OrderView placeForWonDeal(UUID dealId) {
		return this.orders.findByDealId(dealId).map(SalesOrder::view).orElseGet(() -> {
			DealView deal = this.deals.wonDeal(dealId);
			List<OrderLine> lines = deal.products()
				.stream()
				.map(p -> new OrderLine(p.productId(), p.productName(), p.quantity(), p.unitPrice(),
						p.discountPercent()))
				.toList();
			try {
				return place(deal.workspaceId(), deal.customerId(), dealId, lines, null);
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
	 * An order entered by hand (members of the workspace). Publishes
	 * {@link OrderCreated}.
	 */
	@Transactional
	public OrderView create(UUID workspaceId, UUID callerId, UUID customerId, List<OrderLine> lines) {
		this.workspaces.requireMember(workspaceId, callerId);
		this.customers.requireCustomer(workspaceId, customerId);
		lines.stream()
			.map(OrderLine::productId)
			.filter(Objects::nonNull)
			.forEach(productId -> this.catalog.requireProduct(workspaceId, productId));
		OrderView order = place(workspaceId, customerId, null, lines, callerId);
		this.runtime.createProcessInstanceByKey(OrderFulfilment.KEY)
			.businessKey(order.orderNumber())
			.setVariable(OrderFulfilment.VAR_WORKSPACE_ID, workspaceId.toString())
			.setVariable(OrderFulfilment.VAR_ORDER_ID, order.id().toString())
			.setVariable(OrderFulfilment.VAR_ORDER_NUMBER, order.orderNumber())
			.execute();
		return order;
	}

	@Transactional(readOnly = true)
	public OrderView order(UUID workspaceId, UUID callerId, UUID orderId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, orderId).view();
	}

	@Transactional(readOnly = true)
	public PageResult<OrderView> orders(UUID workspaceId, UUID callerId, OrderFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(this.orders.search(workspaceId, filter.status(), filter.customerId(),
				SearchText.containing(filter.search()), query.toPageable(ORDER_SORT)), SalesOrder::view);
	}

	/**
	 * The order {@code orderId} of any workspace, for other modules that act on it for a
	 * process (no access check; 404 when unknown).
	 */
	@Transactional(readOnly = true)
	public OrderView requireOrder(UUID orderId) {
		return this.orders.findById(orderId)
			.map(SalesOrder::view)
			.orElseThrow(() -> new NotFoundException("Order", orderId));
	}

	/**
	 * Cancels an order that is not shipped yet (managers; 409 once shipped). Publishes
	 * {@link OrderCancelled}.
	 */
	@Transactional
	public OrderView cancel(UUID workspaceId, UUID callerId, UUID orderId, String reason) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		SalesOrder order = load(workspaceId, orderId);
		Instant now = this.clock.instant();
		order.cancel(reason, now);
		this.events.publishEvent(new OrderCancelled(order.id(), workspaceId, reason, now));
		// the fulfilment process releases the reservations and ends
		this.runtime.createMessageCorrelation(OrderFulfilment.MSG_ORDER_CANCELLED)
			.processInstanceVariableEquals(OrderFulfilment.VAR_ORDER_ID, orderId.toString())
			.correlateAll();
		return order.view();
	}

	/**
	 * Reserves stock for every line that refers to a catalog product (lines without one
	 * are services); a retry tops up the same reservations. The order becomes CONFIRMED
	 * when everything is reserved, else AWAITING_STOCK. Answers whether everything is
	 * reserved.
	 */
	@Transactional
	public boolean reserveStock(UUID orderId) {
		SalesOrder order = this.orders.findById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
		boolean complete = true;
		List<OrderLine> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			if (line.productId() != null) {
				complete &= this.inventory
					.reserve(order.workspaceId(), orderId, order.lineId(i), line.productId(), line.quantity())
					.complete();
			}
		}
		order.stockReserved(complete, this.clock.instant());
		return complete;
	}

	/**
	 * Ships a confirmed order: records carrier and tracking number and issues its
	 * reserved stock.
	 */
	@Transactional
	public OrderView ship(UUID orderId, String carrier, String trackingNumber) {
		SalesOrder order = this.orders.findById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
		order.ship(carrier, trackingNumber, this.clock.instant());
		this.inventory.issue(order.workspaceId(), orderId);
		return order.view();
	}

	/**
	 * Records the invoice of a shipped order; answers when an unpaid invoice goes to
	 * collection (14 days after {@code dueAt}, an ISO-8601 date-time).
	 */
	@Transactional
	public String markInvoiced(UUID orderId, String invoiceNumber, String dueAt) {
		SalesOrder order = this.orders.findById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
		order.invoiced(invoiceNumber, this.clock.instant());
		return OffsetDateTime.parse(dueAt).plusDays(COLLECTION_AFTER_DAYS).toString();
	}

	/** The order's invoice is paid: the order is complete. */
	@Transactional
	public void markPaid(UUID orderId) {
		this.orders.findById(orderId)
			.orElseThrow(() -> new NotFoundException("Order", orderId))
			.paid(this.clock.instant());
	}

	/** Gives back the stock reserved for a cancelled order. Idempotent. */
	@Transactional
	public void releaseReservations(UUID orderId) {
		SalesOrder order = this.orders.findById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
		this.inventory.release(order.workspaceId(), orderId);
	}

	private OrderView place(UUID workspaceId, UUID customerId, UUID dealId, List<OrderLine> lines, UUID createdBy) {
		if (lines.isEmpty()) {
			throw new BusinessRuleViolation("lines", "An order needs at least one line");
		}
		Instant now = this.clock.instant();
		String number = this.numbers.next(workspaceId, NUMBER_SERIES, now.atZone(BUSINESS_ZONE).getYear());
		SalesOrder order = this.orders
			.saveAndFlush(new SalesOrder(workspaceId, number, customerId, dealId, lines, createdBy, now));
		OrderView view = order.view();
		this.events.publishEvent(new OrderCreated(view.id(), workspaceId, number, dealId, view.totalAmount(), now));
		return view;
	}

	private SalesOrder load(UUID workspaceId, UUID orderId) {
		return this.orders.findByIdAndWorkspaceId(orderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Order", orderId));
	}

	/** Optional filters of the order list; {@code search} matches the order number. */
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
