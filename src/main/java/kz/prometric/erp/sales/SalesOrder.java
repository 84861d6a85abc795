package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * A customer's order. Its total is the sum of its lines; it can be cancelled until it is
 * shipped. Its delivery address is its own (a snapshot taken when it is placed) and can
 * be changed until it is shipped.
 */
@Entity
@Table(name = "sales_order")
class SalesOrder implements WorkspaceOwned {

	/** The longest delivery address, as long as a customer's address. */
	static final int DELIVERY_ADDRESS_MAX = 1000;

	@Id
	private UUID id;

	private UUID workspaceId;

	private String orderNumber;

	private UUID customerId;

	private UUID dealId;

	private String deliveryAddress;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String currency;

	private BigDecimal totalAmount;

	private String cancelReason;

	private String carrier;

	private String trackingNumber;

	private Instant shippedAt;

	private String invoiceNumber;

	private UUID invoiceId;

	private String processInstanceId;

	private UUID warehouseId;

	private UUID createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	// a list page reads the lines of all its rows in one statement, not one per row
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = PageQuery.MAX_SIZE + 1)
	@CollectionTable(name = "sales_order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = PageQuery.MAX_SIZE + 1)
	@CollectionTable(name = "sales_order_replenishment", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "seq")
	private List<LineReplenishment> replenishments = new ArrayList<>();

	@Version
	private long version;

	protected SalesOrder() {
	}

	/**
	 * A new order; {@code deliveryAddress} may be null only when nothing is known (an
	 * order of a won deal whose customer has no address).
	 */
	SalesOrder(UUID workspaceId, String orderNumber, UUID customerId, UUID dealId, String deliveryAddress,
			List<OrderLine> lines, UUID warehouseId, UUID createdBy, Instant now) {
		if (lines.isEmpty()) {
			throw new BusinessRuleViolation("lines", "An order needs at least one line");
		}
		this.deliveryAddress = (deliveryAddress != null) ? deliveryAddress(deliveryAddress) : null;
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.orderNumber = orderNumber;
		this.customerId = customerId;
		this.dealId = dealId;
		this.status = OrderStatus.PENDING;
		this.currency = "KZT";
		this.lines = new ArrayList<>(lines);
		this.warehouseId = warehouseId;
		this.totalAmount = lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void cancel(String reason, Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			throw new ConflictException("The order is already cancelled");
		}
		if (this.status.isShippedOrLater()) {
			throw new ConflictException("A shipped order cannot be cancelled; issue a credit note instead");
		}
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleViolation("reason", "Cancelling an order needs a reason");
		}
		this.status = OrderStatus.CANCELLED;
		this.cancelReason = reason.strip();
		this.updatedAt = now;
	}

	/**
	 * Sends the goods to another address, until the order is shipped (409
	 * {@code deliveryAddress} once shipped or cancelled). Answers whether the address
	 * changed (the same address again changes nothing).
	 */
	boolean changeDeliveryAddress(String address, Instant now) {
		if (this.status.isShippedOrLater()) {
			throw new ConflictException("deliveryAddress",
					"The order is shipped; its delivery address can no longer change");
		}
		if (this.status == OrderStatus.CANCELLED) {
			throw new ConflictException("deliveryAddress", "The order is cancelled");
		}
		String changed = deliveryAddress(address);
		if (changed.equals(this.deliveryAddress)) {
			return false;
		}
		this.deliveryAddress = changed;
		this.updatedAt = now;
		return true;
	}

	/** A valid delivery address, trimmed: required, at most 1000 characters. */
	static String deliveryAddress(String address) {
		if (address == null || address.isBlank()) {
			throw new BusinessRuleViolation("deliveryAddress", "An order needs a delivery address");
		}
		String stripped = address.strip();
		if (stripped.length() > DELIVERY_ADDRESS_MAX) {
			throw new BusinessRuleViolation("deliveryAddress",
					"A delivery address has at most " + DELIVERY_ADDRESS_MAX + " characters");
		}
		return stripped;
	}

	/**
	 * After reserving stock: confirmed when every line is reserved, else waiting for
	 * stock.
	 */
	void stockReserved(boolean complete, Instant now) {
		ensureOpen();
		this.status = complete ? OrderStatus.CONFIRMED : OrderStatus.AWAITING_STOCK;
		this.updatedAt = now;
	}

	/**
	 * The process asked production to replenish the shortfall of line {@code lineNo}:
	 * records the answer (once per line and document: a retried request answers the same
	 * document and changes nothing). While something is being manufactured the order is
	 * IN_PRODUCTION, otherwise it awaits stock.
	 */
	void replenishmentRequested(int lineNo, UUID productId, BigDecimal quantity, String kind, String documentNumber,
			Instant now) {
		ensureOpen();
		boolean known = this.replenishments.stream()
			.anyMatch(r -> r.lineNo() == lineNo && r.documentNumber().equals(documentNumber));
		if (!known) {
			this.replenishments.add(new LineReplenishment(lineNo, productId, quantity, kind, documentNumber,
					LineReplenishment.OPEN, null, now, now));
		}
		boolean manufacturing = this.replenishments.stream()
			.anyMatch(r -> r.isOpen() && "MANUFACTURE".equals(r.kind()));
		this.status = manufacturing ? OrderStatus.IN_PRODUCTION : OrderStatus.AWAITING_STOCK;
		this.updatedAt = now;
	}

	/**
	 * Production reported the end of the document (DONE or FAILED with the problem);
	 * answers whether the order had asked for it. Idempotent.
	 */
	boolean replenishmentEnded(String documentNumber, String status, String problem, Instant now) {
		boolean found = false;
		for (int i = 0; i < this.replenishments.size(); i++) {
			LineReplenishment r = this.replenishments.get(i);
			if (r.documentNumber().equals(documentNumber)) {
				found = true;
				if (r.isOpen()) {
					this.replenishments.set(i, r.finished(status, problem, now));
					this.updatedAt = now;
				}
			}
		}
		return found;
	}

	/** A scrapped production run was re-planned: the line now waits for the new order. */
	void replenishmentReplanned(String documentNumber, String replannedAs, Instant now) {
		for (int i = 0; i < this.replenishments.size(); i++) {
			LineReplenishment r = this.replenishments.get(i);
			if (r.documentNumber().equals(documentNumber) && r.isOpen()) {
				this.replenishments.set(i, r.replannedAs(replannedAs, now));
				this.updatedAt = now;
			}
		}
	}

	String processInstanceId() {
		return this.processInstanceId;
	}

	void ship(String carrier, String trackingNumber, Instant now) {
		ensureOpen();
		if (this.status != OrderStatus.CONFIRMED) {
			throw new ConflictException("Only a confirmed order with all stock reserved can be shipped");
		}
		if (carrier == null || carrier.isBlank()) {
			throw new BusinessRuleViolation("carrier", "Shipping needs a carrier");
		}
		this.carrier = carrier.strip();
		this.trackingNumber = (trackingNumber == null || trackingNumber.isBlank()) ? null : trackingNumber.strip();
		this.shippedAt = now;
		this.status = OrderStatus.SHIPPED;
		this.updatedAt = now;
	}

	/** The fulfilment instance this order is bound to, set once when it starts. */
	void boundTo(String processInstanceId) {
		if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
			throw new IllegalStateException("Order " + this.orderNumber + " is bound to another process instance");
		}
		this.processInstanceId = processInstanceId;
	}

	/**
	 * Whether the process instance {@code processInstanceId} is the one this order is
	 * bound to.
	 */
	boolean isBoundTo(String processInstanceId) {
		return this.processInstanceId != null && this.processInstanceId.equals(processInstanceId);
	}

	/** A shipped order got its invoice (again the same invoice: nothing changes). */
	void invoiced(UUID invoiceId, String invoiceNumber, Instant now) {
		if (this.status == OrderStatus.INVOICED && invoiceId.equals(this.invoiceId)) {
			return;
		}
		if (this.status != OrderStatus.SHIPPED) {
			throw new ConflictException("Only a shipped order is invoiced; this one is " + this.status);
		}
		this.invoiceId = invoiceId;
		this.invoiceNumber = invoiceNumber;
		this.status = OrderStatus.INVOICED;
		this.updatedAt = now;
	}

	/** The invoice of an invoiced order is paid (again: nothing changes). */
	void paid(Instant now) {
		if (this.status == OrderStatus.PAID) {
			return;
		}
		if (this.status != OrderStatus.INVOICED) {
			throw new ConflictException("Only an invoiced order is paid; this one is " + this.status);
		}
		this.status = OrderStatus.PAID;
		this.updatedAt = now;
	}

	private void ensureOpen() {
		if (this.status == OrderStatus.CANCELLED) {
			throw new ConflictException("The order is cancelled");
		}
	}

	/**
	 * A stable id per line, so that a retried reservation finds the line's existing
	 * reservation.
	 */
	UUID lineId(int index) {
		return UUID.nameUUIDFromBytes((this.id + ":" + index).getBytes(StandardCharsets.UTF_8));
	}

	List<OrderLine> lines() {
		return this.lines;
	}

	@Override
	public UUID workspaceId() {
		return this.workspaceId;
	}

	OrderStatus status() {
		return this.status;
	}

	UUID id() {
		return this.id;
	}

	String orderNumber() {
		return this.orderNumber;
	}

	UUID customerId() {
		return this.customerId;
	}

	String deliveryAddress() {
		return this.deliveryAddress;
	}

	Instant shippedAt() {
		return this.shippedAt;
	}

	UUID invoiceId() {
		return this.invoiceId;
	}

	/**
	 * The warehouse the order is served from, or {@code null}: the one with the most
	 * stock.
	 */
	UUID warehouseId() {
		return this.warehouseId;
	}

	OrderView view() {
		return new OrderView(this.id, this.workspaceId, this.orderNumber, this.customerId, this.dealId, this.status,
				this.currency, this.totalAmount, List.copyOf(this.lines), this.cancelReason, this.carrier,
				this.trackingNumber, this.shippedAt, this.invoiceId, this.invoiceNumber, this.createdAt, this.updatedAt,
				this.version, List.copyOf(this.replenishments), this.warehouseId, this.createdBy, this.deliveryAddress);
	}

}
