package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.ReservationStatus;
import kz.prometric.erp.inventory.ReservationView;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.workflow.ProcessSubject;
import kz.prometric.erp.workflow.ProcessSubjects;
import kz.prometric.erp.workflow.TaskSetting;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales orders as the task API and Tasklist show them: the order-fulfilment instance's
 * business key is the order number; the title is "order number · customer name".
 * <p>
 * Its tasks are due on the order's date (shipping, replenishing, invoicing problems: an
 * order waits for nothing else) or, for collecting an overdue payment, on the invoice's
 * due date; an order of {@link TaskSetting#HIGH_VALUE_KZT} or more is of high value.
 * <em>Ship order</em> shows the customer, the order's own delivery address (not the
 * customer's current one; kept up to date while the task is open, see
 * {@link #deliveryAddressChanged}) and the lines with their quantities and the warehouses
 * their stock is reserved in; <em>Replenish stock</em> shows each product still short,
 * how much, in which warehouse, with a link to the ERP page where that stock is received.
 */
@Component
class OrderSubjects implements ProcessSubjects {

	static final String KIND = "ORDER";

	/** Ship order: the customer's name (read-only on the form). */
	static final String VAR_CUSTOMER_NAME = "customerName";

	/** Ship order: where the goods go (the order's delivery address). */
	static final String VAR_DELIVERY_ADDRESS = "deliveryAddress";

	/** Ship order: one line per order line: product, quantity and unit, warehouse. */
	static final String VAR_ORDER_LINES = "orderLines";

	/** Replenish stock: one line per product still short: quantity and warehouse. */
	static final String VAR_SHORT_STOCK = "shortStock";

	/** Replenish stock: Markdown links to the ERP page that receives that stock. */
	static final String VAR_RECEIVE_STOCK_LINKS = "receiveStockLinks";

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	private final Orders orders;

	private final CustomerManagement customers;

	private final InventoryManagement inventory;

	private final InvoiceManagement invoices;

	private final TaskService tasks;

	OrderSubjects(Orders orders, CustomerManagement customers, InventoryManagement inventory,
			InvoiceManagement invoices, TaskService tasks) {
		this.orders = orders;
		this.tasks = tasks;
		this.customers = customers;
		this.inventory = inventory;
		this.invoices = invoices;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Set<String> processKeys() {
		return Set.of(OrderFulfilment.KEY);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
		Map<String, ProcessSubject> subjects = new LinkedHashMap<>();
		if (businessKeys.isEmpty()) {
			return subjects;
		}
		Map<UUID, String> customerNames = new HashMap<>();
		for (SalesOrder order : this.orders.findByWorkspaceIdAndOrderNumberIn(workspaceId, Set.copyOf(businessKeys))) {
			String customer = customerNames.computeIfAbsent(order.customerId(), id -> customerName(workspaceId, id));
			subjects.put(order.orderNumber(), new ProcessSubject(KIND, order.id(), order.orderNumber(),
					order.orderNumber() + ((customer != null) ? " · " + customer : "")));
		}
		return subjects;
	}

	@Override
	@Transactional(readOnly = true)
	public TaskSetting taskSetting(UUID workspaceId, String businessKey, String taskDefinitionKey) {
		List<SalesOrder> found = this.orders.findByWorkspaceIdAndOrderNumberIn(workspaceId, Set.of(businessKey));
		if (found.isEmpty()) {
			return TaskSetting.NONE;
		}
		SalesOrder order = found.get(0);
		OrderView view = order.view();
		boolean highValue = TaskSetting.highValue(view.totalAmount(), view.currency());
		LocalDate orderDate = view.createdAt().atZone(BUSINESS_ZONE).toLocalDate();
		return switch (taskDefinitionKey) {
			case OrderFulfilment.TASK_SHIP_ORDER -> new TaskSetting(orderDate, highValue, shipping(order));
			case OrderFulfilment.TASK_REPLENISH_STOCK -> new TaskSetting(orderDate, highValue, shortStock(order));
			case OrderFulfilment.TASK_COLLECT_PAYMENT ->
				new TaskSetting(invoiceDue(workspaceId, view), highValue, Map.of());
			default -> new TaskSetting(orderDate, highValue, Map.of());
		};
	}

	/** Customer, delivery address and lines with quantities and warehouses. */
	private Map<String, Object> shipping(SalesOrder order) {
		CustomerView customer = customer(order.workspaceId(), order.customerId());
		Map<UUID, List<ReservationView>> reserved = reservationsByLine(order);
		Map<UUID, String> warehouseNames = new HashMap<>();
		List<String> lines = new ArrayList<>();
		List<OrderLine> orderLines = order.lines();
		for (int i = 0; i < orderLines.size(); i++) {
			OrderLine line = orderLines.get(i);
			List<String> warehouses = reserved.getOrDefault(order.lineId(i), List.of())
				.stream()
				.filter(r -> r.status() != ReservationStatus.RELEASED)
				.map(r -> warehouseNames.computeIfAbsent(r.warehouseId(), id -> warehouseName(order.workspaceId(), id)))
				.distinct()
				.toList();
			lines.add((i + 1) + ". " + line.productName() + " — " + quantity(line.quantity()) + " " + line.unit()
					+ ((line.productId() == null) ? " (service)"
							: warehouses.isEmpty() ? "" : " — " + String.join(", ", warehouses)));
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(VAR_CUSTOMER_NAME, (customer != null) ? customer.name() : null);
		values.put(VAR_DELIVERY_ADDRESS, order.deliveryAddress());
		values.put(VAR_ORDER_LINES, String.join("\n", lines));
		return values;
	}

	/**
	 * The order's open <em>Ship order</em> task shows its new delivery address: the form
	 * values of a task are otherwise those of its creation. In the changing transaction.
	 */
	void deliveryAddressChanged(SalesOrder order) {
		if (order.processInstanceId() == null) {
			return;
		}
		for (Task task : this.tasks.createTaskQuery()
			.tenantIdIn(order.workspaceId().toString())
			.processInstanceId(order.processInstanceId())
			.taskDefinitionKey(OrderFulfilment.TASK_SHIP_ORDER)
			.list()) {
			this.tasks.setVariableLocal(task.getId(), VAR_DELIVERY_ADDRESS,
					(order.deliveryAddress() != null) ? order.deliveryAddress() : "");
		}
	}

	/**
	 * What is still short: per product line, its quantity less what is reserved or
	 * shipped for it, in the warehouse it is reserved in (else the workspace's first),
	 * with a link to the page where that stock is received.
	 */
	private Map<String, Object> shortStock(SalesOrder order) {
		Map<UUID, List<ReservationView>> reserved = reservationsByLine(order);
		UUID fallbackWarehouse = this.inventory.defaultWarehouse(order.workspaceId()).orElse(null);
		List<String> shortLines = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<OrderLine> orderLines = order.lines();
		for (int i = 0; i < orderLines.size(); i++) {
			OrderLine line = orderLines.get(i);
			if (line.productId() == null) {
				continue;
			}
			List<ReservationView> ofLine = reserved.getOrDefault(order.lineId(i), List.of());
			BigDecimal held = ofLine.stream()
				.filter(r -> r.status() != ReservationStatus.RELEASED)
				.map(ReservationView::quantity)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal missing = line.quantity().subtract(held);
			if (missing.signum() <= 0) {
				continue;
			}
			UUID warehouseId = ofLine.stream().map(ReservationView::warehouseId).findFirst().orElse(fallbackWarehouse);
			String warehouse = (warehouseId != null) ? warehouseName(order.workspaceId(), warehouseId) : "—";
			String text = line.productName() + ": " + quantity(missing) + " " + line.unit() + " short in " + warehouse;
			shortLines.add(text);
			String url = "/app/" + order.workspaceId() + "/inventory/receipts/new?productId=" + line.productId()
					+ ((warehouseId != null) ? "&warehouseId=" + warehouseId : "");
			links.add("- [Receive " + markdown(text) + "](" + url + ")");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(VAR_SHORT_STOCK, String.join("\n", shortLines));
		values.put(VAR_RECEIVE_STOCK_LINKS, String.join("\n", links));
		return values;
	}

	private Map<UUID, List<ReservationView>> reservationsByLine(SalesOrder order) {
		Map<UUID, List<ReservationView>> byLine = new HashMap<>();
		for (ReservationView reservation : this.inventory.reservationsOf(order.workspaceId(), order.id())) {
			byLine.computeIfAbsent(reservation.orderLineId(), id -> new ArrayList<>()).add(reservation);
		}
		return byLine;
	}

	private String warehouseName(UUID workspaceId, UUID warehouseId) {
		return this.inventory.findWarehouse(workspaceId, warehouseId)
			.map(w -> w.name() + " (" + w.code() + ")")
			.orElse("—");
	}

	private LocalDate invoiceDue(UUID workspaceId, OrderView order) {
		if (order.invoiceId() == null) {
			return null;
		}
		try {
			InvoiceView invoice = this.invoices.requireInvoice(order.invoiceId());
			return workspaceId.equals(invoice.workspaceId()) ? invoice.dueDate() : null;
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private CustomerView customer(UUID workspaceId, UUID customerId) {
		try {
			return this.customers.requireCustomer(workspaceId, customerId);
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private static String quantity(BigDecimal quantity) {
		return (quantity != null) ? quantity.stripTrailingZeros().toPlainString() : "";
	}

	/** Text shown inside a Markdown link: its brackets and backslashes escaped. */
	private static String markdown(String text) {
		return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
	}

	private String customerName(UUID workspaceId, UUID customerId) {
		try {
			return this.customers.requireCustomer(workspaceId, customerId).name();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
		return this.orders.findByIdAndWorkspaceId(objectId, workspaceId).map(SalesOrder::orderNumber);
	}

}
