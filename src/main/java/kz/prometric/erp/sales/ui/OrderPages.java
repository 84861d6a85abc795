package kz.prometric.erp.sales.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.ProductFilter;
import kz.prometric.erp.catalog.ProductStatus;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerManagement.CustomerFilter;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceManagement.InvoiceFilter;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.WarehouseView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.sales.LineStock;
import kz.prometric.erp.sales.OrderLine;
import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.sales.OrderManagement.OrderFilter;
import kz.prometric.erp.sales.OrderStatus;
import kz.prometric.erp.sales.OrderView;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.ProcessViews;
import kz.prometric.erp.workflow.TaskManagement;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Orders: the list (search by number or customer, status, sort, paging), an order's page
 * (customer, its delivery address with a form that changes it until shipment, lines with
 * the warehouse holding their stock, invoices, where its process stands with a button to
 * the waiting task, and its history: the order's own change records and the tasks of its
 * process), and the form that enters an order by hand from the catalog, with its delivery
 * address (the chosen customer's when left blank). Every call goes through the modules'
 * services with the caller, so membership and the API's rules apply.
 */
@ErpPages
class OrderPages {

	/** Lines the order form offers. */
	static final int FORM_LINES = 5;

	/** The longest delivery address (as long as a customer's address). */
	static final int ADDRESS_MAX = 1000;

	private final OrderManagement orders;

	private final CustomerManagement customers;

	private final CatalogManagement catalog;

	private final InventoryManagement inventory;

	private final InvoiceManagement invoices;

	private final ProcessViews processes;

	private final TaskManagement tasks;

	private final IdempotentRequests idempotency;

	private final WorkspaceManagement workspaces;

	OrderPages(OrderManagement orders, CustomerManagement customers, CatalogManagement catalog,
			InventoryManagement inventory, InvoiceManagement invoices, ProcessViews processes, TaskManagement tasks,
			IdempotentRequests idempotency, WorkspaceManagement workspaces) {
		this.idempotency = idempotency;
		this.workspaces = workspaces;
		this.orders = orders;
		this.customers = customers;
		this.catalog = catalog;
		this.inventory = inventory;
		this.invoices = invoices;
		this.processes = processes;
		this.tasks = tasks;
	}

	@GetMapping("/app/{workspaceId}/orders")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) OrderStatus status, PageQuery page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (q != null && q.length() > 50) {
			throw new InvalidInputException("q", "at most 50 characters");
		}
		UUID caller = CurrentUser.id();
		PageResult<OrderView> result = this.orders.orders(workspaceId, caller, new OrderFilter(status, null, q), page);
		Map<UUID, String> customerNames = new HashMap<>();
		for (OrderView order : result.items()) {
			customerNames.computeIfAbsent(order.customerId(),
					id -> this.customers.customer(workspaceId, caller, id).name());
		}
		String path = "/app/" + workspaceId + "/orders";
		UriComponentsBuilder filters = UriComponentsBuilder.fromPath(path);
		if (q != null && !q.isBlank()) {
			filters.queryParam("q", q);
		}
		if (status != null) {
			filters.queryParam("status", status);
		}
		String sort = (page.sortProperty() != null)
				? page.sortProperty() + "," + page.direction().name().toLowerCase(Locale.ROOT) : "";
		String filtered = filters.encode().build().toUriString();
		if (!sort.isEmpty()) {
			filters.queryParam("sort", sort);
		}
		model.addAttribute("result", result);
		model.addAttribute("customerNames", customerNames);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("filtered", filtered);
		model.addAttribute("paged", filters.encode().build().toUriString());
		model.addAttribute("sort", sort);
		return (htmx != null) ? "sales/orders :: results" : "sales/orders";
	}

	@GetMapping("/app/{workspaceId}/orders/{orderId}")
	String order(@PathVariable UUID workspaceId, @PathVariable UUID orderId, Model model) {
		return show(workspaceId, orderId, model);
	}

	/**
	 * Changes the order's delivery address, as the API's PATCH does (managers, until the
	 * order is shipped). A blank or too long address re-renders the page with the reason
	 * beside the field (422); a shipped or cancelled order likewise (409).
	 */
	@PostMapping("/app/{workspaceId}/orders/{orderId}/delivery-address")
	String changeDeliveryAddress(@PathVariable UUID workspaceId, @PathVariable UUID orderId,
			@RequestParam(required = false) String deliveryAddress, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String error = addressError(deliveryAddress);
		HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
		if (error == null) {
			try {
				this.orders.changeDeliveryAddress(workspaceId, CurrentUser.id(), orderId, deliveryAddress);
				redirect.addFlashAttribute("addressSaved", true);
				return "redirect:/app/" + workspaceId + "/orders/" + orderId;
			}
			catch (ConflictException ex) {
				error = "sales.address.error.shipped";
				status = HttpStatus.CONFLICT;
			}
			catch (BusinessRuleViolation ex) {
				error = "sales.address.error.required";
			}
		}
		model.addAttribute("addressError", error);
		model.addAttribute("addressInput", (deliveryAddress != null) ? deliveryAddress : "");
		response.setStatus(status.value());
		return show(workspaceId, orderId, model);
	}

	private String show(UUID workspaceId, UUID orderId, Model model) {
		UUID caller = CurrentUser.id();
		OrderView order = this.orders.order(workspaceId, caller, orderId);
		CustomerView customer = this.customers.customer(workspaceId, caller, order.customerId());
		Map<Integer, LineStock> stock = new HashMap<>();
		for (LineStock line : this.orders.lineStock(workspaceId, caller, orderId)) {
			stock.merge(line.lineNo(), line, (a, b) -> "ACTIVE".equals(b.status()) ? b : a);
		}
		Map<UUID, WarehouseView> warehouses = new HashMap<>();
		this.inventory.warehouses(workspaceId, caller, PageQuery.first(PageQuery.MAX_SIZE))
			.items()
			.forEach(w -> warehouses.put(w.id(), w));
		List<OrderLineRow> lines = new ArrayList<>();
		for (int i = 0; i < order.lines().size(); i++) {
			OrderLine line = order.lines().get(i);
			LineStock held = stock.get(i + 1);
			UUID warehouseId = (held != null) ? held.warehouseId() : order.warehouseId();
			WarehouseView warehouse = (warehouseId != null) ? warehouses.get(warehouseId) : null;
			lines.add(new OrderLineRow(i + 1, line, (warehouse != null) ? warehouse.name() : null,
					(held != null) ? held.reserved() : null, (held != null) ? held.status() : null));
		}
		model.addAttribute("order", order);
		model.addAttribute("customer", customer);
		model.addAttribute("lines", lines);
		WorkspaceRole role = this.workspaces.requireMember(workspaceId, caller);
		model.addAttribute("mayChangeAddress", role.includes(WorkspaceRole.MANAGER)
				&& order.status() != OrderStatus.CANCELLED && order.shippedAt() == null);
		model.addAttribute("invoices",
				this.invoices
					.invoices(workspaceId, caller, new InvoiceFilter(null, null, orderId, null),
							PageQuery.first(PageQuery.MAX_SIZE))
					.items());
		model.addAttribute("process", this.processes.forObject(workspaceId, caller, "ORDER", orderId));
		List<HistoryRow> history = new ArrayList<>();
		this.orders.history(workspaceId, caller, orderId, PageQuery.first(PageQuery.MAX_SIZE))
			.items()
			.forEach(c -> history.add(new HistoryRow(c.changedAt(), c, null)));
		this.tasks.history(workspaceId, caller, "ORDER", orderId, PageQuery.first(PageQuery.MAX_SIZE))
			.items()
			.forEach(t -> history.add(new HistoryRow((t.endedAt() != null) ? t.endedAt() : t.createdAt(), null, t)));
		history.sort(java.util.Comparator.comparing(HistoryRow::at));
		model.addAttribute("history", history);
		return "sales/order";
	}

	@GetMapping("/app/{workspaceId}/orders/new")
	String newOrder(@PathVariable UUID workspaceId, @RequestParam(required = false) UUID customerId, Model model) {
		formChoices(workspaceId, model);
		String address = "";
		if (customerId != null) {
			try {
				CustomerView customer = this.customers.customer(workspaceId, CurrentUser.id(), customerId);
				address = (customer.address() != null) ? customer.address() : "";
			}
			catch (NotFoundException ex) {
				// an unknown customer is not preselected either
			}
		}
		model.addAttribute("form", OrderForm.empty(customerId, address));
		model.addAttribute("errors", Map.of());
		return "sales/order-form";
	}

	/**
	 * Enters the order: lines take the catalog's name and price of their product; a line
	 * without a product is left out; a blank delivery address is the customer's. Refusals
	 * (no customer, no line, a bad quantity, an unknown warehouse, no address at all or
	 * one too long) re-render the form with the reason beside the field (422).
	 */
	@PostMapping("/app/{workspaceId}/orders")
	String create(@PathVariable UUID workspaceId, @RequestParam(required = false) String customerId,
			@RequestParam(required = false) String warehouseId, @RequestParam(required = false) String deliveryAddress,
			@RequestParam(name = "productId", required = false) List<String> productIds,
			@RequestParam(name = "quantity", required = false) List<String> quantities,
			@RequestParam(name = "discount", required = false) List<String> discounts,
			@RequestParam(required = false) String formKey, Model model, HttpServletResponse response) {
		UUID caller = CurrentUser.id();
		OrderForm form = new OrderForm(customerId, warehouseId, (deliveryAddress != null) ? deliveryAddress : "",
				pad(productIds), pad(quantities), pad(discounts), validKey(formKey));
		Map<String, String> errors = new LinkedHashMap<>();
		UUID customer = uuid(customerId, "customerId", errors);
		if (customer == null && !errors.containsKey("customerId")) {
			errors.put("customerId", "sales.form.error.customer");
		}
		String address = (deliveryAddress != null && !deliveryAddress.isBlank()) ? deliveryAddress.strip() : null;
		if (address == null && customer != null) {
			try {
				address = this.customers.customer(workspaceId, caller, customer).address();
			}
			catch (NotFoundException ex) {
				errors.put("customerId", "sales.form.error.choice");
			}
		}
		String addressError = addressError(address);
		if (addressError != null && customer != null) {
			errors.put("deliveryAddress", addressError);
		}
		UUID warehouse = uuid(warehouseId, "warehouseId", errors);
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < FORM_LINES; i++) {
			String product = form.productIds().get(i);
			if (product == null || product.isBlank()) {
				continue;
			}
			UUID productId = uuid(product, "lines[" + i + "].productId", errors);
			BigDecimal quantity = decimal(form.quantities().get(i), "lines[" + i + "].quantity", errors);
			BigDecimal discount = form.discounts().get(i).isBlank() ? BigDecimal.ZERO
					: decimal(form.discounts().get(i), "lines[" + i + "].discountPercent", errors);
			if (quantity != null && (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 3)) {
				errors.put("lines[" + i + "].quantity", "sales.form.error.quantity");
			}
			if (discount != null && (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0)) {
				errors.put("lines[" + i + "].discountPercent", "sales.form.error.discount");
			}
			if (productId != null && quantity != null && discount != null
					&& !errors.containsKey("lines[" + i + "].quantity")
					&& !errors.containsKey("lines[" + i + "].discountPercent")) {
				try {
					ProductView p = this.catalog.product(workspaceId, caller, productId);
					lines.add(new OrderLine(p.id(), p.name(), quantity, p.price(), discount));
				}
				catch (NotFoundException ex) {
					errors.put("lines[" + i + "].productId", "sales.form.error.product");
				}
			}
		}
		if (lines.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("lines["))) {
			errors.put("lines", "sales.form.error.lines");
		}
		Map<String, String> refusals = new LinkedHashMap<>();
		if (errors.isEmpty()) {
			String delivery = address;
			try {
				// a form sent twice (a double click, a reload) answers the order of the
				// first
				IdempotentRequests.Result result = this.idempotency.execute(workspaceId, caller,
						(form.formKey() != null) ? "page-order:" + form.formKey() : null,
						"page POST orders " + customer + " " + warehouse + " " + delivery + " " + lines,
						() -> this.workspaces.requireMember(workspaceId, caller),
						() -> this.orders.create(workspaceId, caller, customer, lines, warehouse, delivery));
				return "redirect:/app/" + workspaceId + "/orders/" + result.json().path("id").asText();
			}
			catch (BusinessRuleViolation ex) {
				for (FieldViolation violation : ex.violations()) {
					refusals.put(violation.field(), violation.message());
				}
			}
		}
		formChoices(workspaceId, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("refusals", refusals);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return "sales/order-form";
	}

	private void formChoices(UUID workspaceId, Model model) {
		UUID caller = CurrentUser.id();
		model.addAttribute("customers",
				this.customers
					.customers(workspaceId, caller, new CustomerFilter(null, null),
							new PageQuery(1, PageQuery.MAX_SIZE, "name",
									org.springframework.data.domain.Sort.Direction.ASC))
					.items());
		model.addAttribute("products",
				this.catalog
					.products(workspaceId, caller, new ProductFilter(ProductStatus.ACTIVE, null),
							new PageQuery(1, PageQuery.MAX_SIZE, "name",
									org.springframework.data.domain.Sort.Direction.ASC))
					.items());
		model.addAttribute("warehouses",
				this.inventory.warehouses(workspaceId, caller, PageQuery.first(PageQuery.MAX_SIZE)).items());
		if (!model.containsAttribute("refusals")) {
			model.addAttribute("refusals", Map.of());
		}
	}

	/**
	 * The message key of what is wrong with a delivery address as typed, or null: it is
	 * required and has at most {@value #ADDRESS_MAX} characters once trimmed.
	 */
	private static String addressError(String address) {
		if (address == null || address.isBlank()) {
			return "sales.address.error.required";
		}
		return (address.strip().length() > ADDRESS_MAX) ? "sales.address.error.length" : null;
	}

	private static String validKey(String key) {
		try {
			return (key != null) ? UUID.fromString(key.strip()).toString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<String> pad(List<String> values) {
		List<String> padded = new ArrayList<>();
		for (int i = 0; i < FORM_LINES; i++) {
			padded.add((values != null && i < values.size() && values.get(i) != null) ? values.get(i).strip() : "");
		}
		return padded;
	}

	private static UUID uuid(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "sales.form.error.choice");
			return null;
		}
	}

	private static BigDecimal decimal(String text, String field, Map<String, String> errors) {
		try {
			return new BigDecimal(text.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
		}
		catch (RuntimeException ex) {
			errors.put(field, "sales.form.error.number");
			return null;
		}
	}

	/**
	 * A line of the order's page: its number, the line, where its stock is held and how
	 * much is reserved.
	 */
	record OrderLineRow(int no, OrderLine line, String warehouse, BigDecimal reserved, String reservation) {
	}

	/**
	 * One entry of the order's history: a change record of the order or a task of its
	 * process (when it ended, or was created while open).
	 */
	record HistoryRow(java.time.Instant at, kz.prometric.erp.sales.OrderChangeView change,
			TaskManagement.TaskHistoryEntry task) {
	}

	/** What the order form holds, as typed; always {@link #FORM_LINES} lines. */
	record OrderForm(String customerId, String warehouseId, String deliveryAddress, List<String> productIds,
			List<String> quantities, List<String> discounts, String formKey) {

		static OrderForm empty(UUID customerId, String deliveryAddress) {
			return new OrderForm((customerId != null) ? customerId.toString() : "", "", deliveryAddress, pad(null),
					pad(null), pad(null), UUID.randomUUID().toString());
		}

	}

}
