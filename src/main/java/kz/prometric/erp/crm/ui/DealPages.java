package kz.prometric.erp.crm.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.ProductFilter;
import kz.prometric.erp.catalog.ProductStatus;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerManagement.CustomerFilter;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.crm.DealChangeKind;
import kz.prometric.erp.crm.DealChangeView;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.DealChanges;
import kz.prometric.erp.crm.DealManagement.DealFilter;
import kz.prometric.erp.crm.DealManagement.NewDeal;
import kz.prometric.erp.crm.DealManagement.StageTotal;
import kz.prometric.erp.crm.DealProduct;
import kz.prometric.erp.crm.DealStage;
import kz.prometric.erp.crm.DealView;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.hr.HrManagement.EmployeeFilter;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FormErrors;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.UiFormat;
import kz.prometric.erp.workflow.ProcessViews;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.workflow.TaskManagement.TaskHistoryEntry;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workspace's deals: the list (search, filters, sort, paging), the board by stage, a
 * deal's page with its process and history, and the forms that create (starting its
 * process) and change a deal.
 */
@ErpPages
class DealPages {

	/** Line rows the form offers without a script. */
	static final int MIN_LINE_ROWS = 5;

	private static final int CHOICES = PageQuery.MAX_SIZE;

	private static final int BOARD_CARDS = 50;

	private static final int HISTORY_ENTRIES = 100;

	private final DealManagement deals;

	private final CustomerManagement customers;

	private final CatalogManagement catalog;

	private final HrManagement hr;

	private final ProcessViews processes;

	private final TaskManagement tasks;

	private final UiFormat format;

	DealPages(DealManagement deals, CustomerManagement customers, CatalogManagement catalog, HrManagement hr,
			ProcessViews processes, TaskManagement tasks, UiFormat format) {
		this.format = format;
		this.deals = deals;
		this.customers = customers;
		this.catalog = catalog;
		this.hr = hr;
		this.processes = processes;
		this.tasks = tasks;
	}

	@GetMapping("/app/{workspaceId}/deals")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) DealStage stage, @RequestParam(required = false) UUID customerId,
			@RequestParam(required = false) UUID assignedTo, PageQuery page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		String search = search(q);
		PageQuery query = (page.sortProperty() == null)
				? new PageQuery(page.page(), page.size(), "createdAt", Sort.Direction.DESC) : page;
		PageResult<DealView> result = this.deals.deals(workspaceId, CurrentUser.id(),
				new DealFilter(stage, customerId, assignedTo, search), query);
		UriComponentsBuilder base = filters("/app/" + workspaceId + "/deals", search, stage, customerId, assignedTo);
		String sort = query.sortProperty() + "," + query.direction().name().toLowerCase(Locale.ROOT);
		model.addAttribute("result", result);
		model.addAttribute("q", search);
		model.addAttribute("stage", stage);
		model.addAttribute("customerId", customerId);
		model.addAttribute("assignedTo", assignedTo);
		model.addAttribute("stages", DealStage.values());
		model.addAttribute("sort", sort);
		model.addAttribute("sortUrl", base.cloneBuilder().encode().toUriString());
		model.addAttribute("pageUrl", base.cloneBuilder().queryParam("sort", sort).encode().toUriString());
		model.addAttribute("boardUrl",
				filters("/app/" + workspaceId + "/deals/board", search, null, customerId, assignedTo).encode()
					.toUriString());
		addChoices(workspaceId, workspace, model, false);
		addNames(workspaceId, workspace, result.items(), model);
		return (htmx != null) ? "crm/deals :: results" : "crm/deals";
	}

	@GetMapping("/app/{workspaceId}/deals/board")
	String board(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID assignedTo,
			Model model) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		String search = search(q);
		Map<DealStage, List<DealView>> columns = new LinkedHashMap<>();
		List<DealView> all = new ArrayList<>();
		for (DealStage stage : DealStage.values()) {
			List<DealView> cards = this.deals
				.deals(workspaceId, CurrentUser.id(), new DealFilter(stage, customerId, assignedTo, search),
						new PageQuery(1, BOARD_CARDS, "value", Sort.Direction.DESC))
				.items();
			columns.put(stage, cards);
			all.addAll(cards);
		}
		Map<DealStage, StageTotal> totals = new HashMap<>();
		this.deals.stageTotals(workspaceId, CurrentUser.id(), new DealFilter(null, customerId, assignedTo, search))
			.forEach(total -> totals.put(total.stage(), total));
		model.addAttribute("columns", columns);
		model.addAttribute("totals", totals);
		model.addAttribute("q", search);
		model.addAttribute("customerId", customerId);
		model.addAttribute("assignedTo", assignedTo);
		model.addAttribute("listUrl",
				filters("/app/" + workspaceId + "/deals", search, null, customerId, assignedTo).encode().toUriString());
		addChoices(workspaceId, workspace, model, false);
		addNames(workspaceId, workspace, all, model);
		return "crm/board";
	}

	@GetMapping("/app/{workspaceId}/deals/{dealId}")
	String deal(@PathVariable UUID workspaceId, @PathVariable UUID dealId, Model model) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		DealView deal = this.deals.deal(workspaceId, CurrentUser.id(), dealId);
		model.addAttribute("deal", deal);
		model.addAttribute("customer", this.customers.customer(workspaceId, CurrentUser.id(), deal.customerId()));
		model.addAttribute("assignee", (deal.assignedTo() != null)
				? this.hr.employeeInWorkspace(workspaceId, deal.assignedTo()).orElse(null) : null);
		model.addAttribute("process", this.processes.forObject(workspaceId, CurrentUser.id(), "DEAL", dealId));
		model.addAttribute("history", history(workspaceId, dealId));
		return "crm/deal";
	}

	/**
	 * Moves the deal to another stage, as the REST stage call does: the deal and its
	 * process decide (discount approvals, no win without product lines, a reason for a
	 * loss); a refusal shows on the deal's page.
	 */
	@PostMapping("/app/{workspaceId}/deals/{dealId}/stage")
	String changeStage(@PathVariable UUID workspaceId, @PathVariable UUID dealId,
			@RequestParam(required = false) DealStage stage, @RequestParam(required = false) String lostReason,
			Model model, HttpServletResponse response) {
		String refusal;
		if (stage == null) {
			refusal = "stage: must not be empty";
		}
		else {
			try {
				this.deals.changeStage(workspaceId, CurrentUser.id(), dealId, stage,
						(lostReason == null || lostReason.isBlank()) ? null : lostReason.strip());
				return "redirect:/app/" + workspaceId + "/deals/" + dealId;
			}
			catch (kz.prometric.erp.shared.InvalidInputException | kz.prometric.erp.shared.BusinessRuleViolation
					| kz.prometric.erp.shared.ConflictException ex) {
				refusal = ex.getMessage();
			}
		}
		response.setStatus(422);
		model.addAttribute("stageRefusal", refusal);
		return deal(workspaceId, dealId, model);
	}

	@GetMapping("/app/{workspaceId}/deals/new")
	String newDeal(@PathVariable UUID workspaceId, @RequestParam(required = false) UUID customerId, Model model) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		DealForm form = new DealForm();
		form.setCustomerId(customerId);
		return form(workspaceId, workspace, model, form, null);
	}

	@PostMapping("/app/{workspaceId}/deals/new")
	String create(@PathVariable UUID workspaceId, @Valid @ModelAttribute("form") DealForm form, BindingResult errors,
			Model model, HttpServletResponse response) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		List<DealProduct> lines = lines(workspaceId, form, errors);
		if (form.getCustomerId() == null && !errors.hasFieldErrors("customerId")) {
			errors.rejectValue("customerId", "NotNull", "must not be null");
		}
		if (!errors.hasErrors()) {
			try {
				DealView created = this.deals.create(workspaceId, CurrentUser.id(),
						new NewDeal(form.getCustomerId(), form.getTitle(), blankToNull(form.getDescription()),
								lines.isEmpty() ? form.getValue() : null, form.getExpectedCloseDate(),
								form.getAssignedTo(), lines));
				return "redirect:/app/" + workspaceId + "/deals/" + created.id();
			}
			catch (RuntimeException ex) {
				if (!FormErrors.add(ex, errors, DealPages::formField)) {
					throw ex;
				}
			}
		}
		response.setStatus(422);
		return form(workspaceId, workspace, model, form, null);
	}

	@GetMapping("/app/{workspaceId}/deals/{dealId}/edit")
	String edit(@PathVariable UUID workspaceId, @PathVariable UUID dealId, Model model) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		DealView deal = this.deals.deal(workspaceId, CurrentUser.id(), dealId);
		DealForm form = new DealForm();
		form.setCustomerId(deal.customerId());
		form.setTitle(deal.title());
		form.setDescription(deal.description());
		form.setExpectedCloseDate(deal.expectedCloseDate());
		form.setAssignedTo(deal.assignedTo());
		form.setValue(deal.value());
		form.setProbability(deal.probabilityManual() ? deal.probability() : null);
		List<LineForm> lines = new ArrayList<>();
		for (DealProduct product : deal.products()) {
			LineForm line = new LineForm();
			line.setProductId(product.productId());
			line.setProductName(product.productName());
			line.setQuantity(product.quantity());
			line.setUnitPrice(product.unitPrice());
			line.setDiscountPercent(product.discountPercent());
			lines.add(line);
		}
		form.setLines(lines);
		return form(workspaceId, workspace, model, form, deal);
	}

	@PostMapping("/app/{workspaceId}/deals/{dealId}/edit")
	String update(@PathVariable UUID workspaceId, @PathVariable UUID dealId,
			@Valid @ModelAttribute("form") DealForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		DealView deal = this.deals.deal(workspaceId, CurrentUser.id(), dealId);
		List<DealProduct> lines = lines(workspaceId, form, errors);
		if (!errors.hasErrors()) {
			try {
				boolean linesChanged = !DealManagement.sameLines(lines, deal.products());
				BigDecimal value = (lines.isEmpty() && form.getValue() != null
						&& form.getValue().compareTo(deal.value()) != 0) ? form.getValue() : null;
				Integer probability = (form.getProbability() != null
						&& (!deal.probabilityManual() || form.getProbability() != deal.probability()))
								? form.getProbability() : null;
				this.deals.update(workspaceId, CurrentUser.id(), dealId,
						new DealChanges(form.getTitle().strip().equals(deal.title()) ? null : form.getTitle(),
								changedText(form.getDescription(), deal.description()), value,
								form.getExpectedCloseDate(), form.getAssignedTo(), probability,
								linesChanged ? lines : null));
				return "redirect:/app/" + workspaceId + "/deals/" + dealId;
			}
			catch (RuntimeException ex) {
				if (!FormErrors.add(ex, errors, DealPages::formField)) {
					throw ex;
				}
			}
		}
		response.setStatus(422);
		return form(workspaceId, workspace, model, form, deal);
	}

	/**
	 * The deal's history as one list, newest first: the ERP's change records (kept as
	 * long as the deal) and the tasks of its processes (who completed which, when).
	 */
	private List<HistoryEntry> history(UUID workspaceId, UUID dealId) {
		List<HistoryEntry> entries = new ArrayList<>();
		for (DealChangeView change : this.deals
			.history(workspaceId, CurrentUser.id(), dealId, PageQuery.first(HISTORY_ENTRIES))
			.items()) {
			entries.add(new HistoryEntry(change.at(), change.byName(), "change", change.kind().name(), null,
					shown(change.kind(), change.from()), shown(change.kind(), change.to())));
		}
		for (TaskHistoryEntry task : this.tasks
			.history(workspaceId, CurrentUser.id(), "DEAL", dealId,
					new PageQuery(1, HISTORY_ENTRIES, "createdAt", Sort.Direction.DESC))
			.items()) {
			if ("completed".equals(task.outcome())) {
				entries.add(new HistoryEntry(task.endedAt(), task.completedBy(), "task", "TASK_COMPLETED", task.name(),
						null, null));
			}
			else if ("open".equals(task.outcome())) {
				entries.add(new HistoryEntry(task.createdAt(), task.assignee(), "task", "TASK_OPEN", task.name(), null,
						null));
			}
			else {
				entries.add(new HistoryEntry((task.endedAt() != null) ? task.endedAt() : task.createdAt(), null, "task",
						"TASK_CANCELLED", task.name(), null, null));
			}
		}
		entries.sort(Comparator.comparing(HistoryEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
		return entries;
	}

	/** A changed value as people read it: money in tenge, dates as dd.MM.yyyy. */
	private String shown(DealChangeKind kind, String text) {
		if (text == null) {
			return null;
		}
		try {
			return switch (kind) {
				case VALUE_CHANGED -> this.format.money(new BigDecimal(text));
				case CLOSE_DATE_CHANGED -> this.format.date(LocalDate.parse(text));
				default -> text;
			};
		}
		catch (RuntimeException ex) {
			return text;
		}
	}

	private String form(UUID workspaceId, WorkspaceView workspace, Model model, DealForm form, DealView deal) {
		List<LineForm> rows = new ArrayList<>((form.getLines() == null) ? List.of() : form.getLines());
		while (rows.size() < MIN_LINE_ROWS || rows.size() < nonEmpty(rows) + 2) {
			rows.add(new LineForm());
		}
		form.setLines(rows);
		model.addAttribute("form", form);
		model.addAttribute("deal", deal);
		model.addAttribute("products",
				this.catalog
					.products(workspaceId, CurrentUser.id(), new ProductFilter(ProductStatus.ACTIVE, null),
							new PageQuery(1, CHOICES, "name", Sort.Direction.ASC))
					.items());
		addChoices(workspaceId, workspace, model, true);
		return "crm/deal-form";
	}

	private static long nonEmpty(List<LineForm> rows) {
		return rows.stream().filter(row -> !row.isEmpty()).count();
	}

	/**
	 * The form's filled line rows as deal lines: the product from the catalog (its name,
	 * and its price when the row gives none); a row without a product is skipped when
	 * empty, else an error next to its product.
	 */
	private List<DealProduct> lines(UUID workspaceId, DealForm form, BindingResult errors) {
		List<DealProduct> lines = new ArrayList<>();
		if (form.getLines() == null) {
			return lines;
		}
		for (int i = 0; i < form.getLines().size(); i++) {
			LineForm row = form.getLines().get(i);
			if (row == null || row.isEmpty()) {
				continue;
			}
			String prefix = "lines[" + i + "].";
			if (row.getProductId() == null) {
				errors.rejectValue(prefix + "productId", "NotNull", "choose a product");
				continue;
			}
			ProductView product;
			try {
				product = this.catalog.product(workspaceId, CurrentUser.id(), row.getProductId());
			}
			catch (NotFoundException ex) {
				errors.rejectValue(prefix + "productId", "refused", "No such product in this workspace's catalog");
				continue;
			}
			BigDecimal quantity = (row.getQuantity() != null) ? row.getQuantity() : BigDecimal.ONE;
			BigDecimal unitPrice = (row.getUnitPrice() != null) ? row.getUnitPrice() : product.price();
			if (unitPrice == null) {
				errors.rejectValue(prefix + "unitPrice", "NotNull", "must not be null");
				continue;
			}
			row.setQuantity(quantity);
			row.setUnitPrice(unitPrice);
			lines.add(new DealProduct(product.id(), product.name(), quantity, unitPrice, row.getDiscountPercent()));
		}
		return lines;
	}

	/** The form field an API field names: {@code products[i].x} is the row's. */
	private static String formField(String apiField) {
		if (apiField.startsWith("products[")) {
			String rest = apiField.substring("products".length());
			return rest.contains(".") ? "lines" + rest : null;
		}
		return switch (apiField) {
			case "customerId", "title", "description", "value", "expectedCloseDate", "assignedTo", "probability" ->
				apiField;
			default -> null;
		};
	}

	/**
	 * Customers and employees for the filters and selects: the first hundred by name (a
	 * workspace without an organization has no employees).
	 */
	private void addChoices(UUID workspaceId, WorkspaceView workspace, Model model, boolean form) {
		model.addAttribute("customerChoices",
				this.customers
					.customers(workspaceId, CurrentUser.id(), new CustomerFilter(null, null),
							new PageQuery(1, CHOICES, "name", Sort.Direction.ASC))
					.items());
		model.addAttribute("employeeChoices", employees(workspace));
	}

	private List<EmployeeView> employees(WorkspaceView workspace) {
		if (workspace == null || workspace.organizationId() == null) {
			return List.of();
		}
		try {
			return this.hr
				.employees(workspace.organizationId(), CurrentUser.id(), new EmployeeFilter(null, null, null),
						new PageQuery(1, CHOICES, "name", Sort.Direction.ASC))
				.items()
				.stream()
				.filter(e -> workspace.id().equals(e.workspaceId()))
				.toList();
		}
		catch (NotFoundException | ForbiddenException ex) {
			return List.of();
		}
	}

	/** Names of the customers and assignees the deals show, by id. */
	private void addNames(UUID workspaceId, WorkspaceView workspace, List<DealView> shown, Model model) {
		Map<UUID, String> customerNames = new HashMap<>();
		@SuppressWarnings("unchecked")
		List<CustomerView> choices = (List<CustomerView>) model.getAttribute("customerChoices");
		choices.forEach(c -> customerNames.put(c.id(), c.name()));
		for (DealView deal : shown) {
			if (!customerNames.containsKey(deal.customerId())) {
				try {
					customerNames.put(deal.customerId(),
							this.customers.customer(workspaceId, CurrentUser.id(), deal.customerId()).name());
				}
				catch (NotFoundException ex) {
					customerNames.put(deal.customerId(), "?");
				}
			}
		}
		Map<UUID, String> employeeNames = new HashMap<>();
		@SuppressWarnings("unchecked")
		List<EmployeeView> employees = (List<EmployeeView>) model.getAttribute("employeeChoices");
		employees.forEach(e -> employeeNames.put(e.id(), e.name()));
		model.addAttribute("customerNames", customerNames);
		model.addAttribute("employeeNames", employeeNames);
	}

	private static UriComponentsBuilder filters(String path, String search, DealStage stage, UUID customerId,
			UUID assignedTo) {
		UriComponentsBuilder base = UriComponentsBuilder.fromPath(path);
		if (search != null) {
			base.queryParam("q", search);
		}
		if (stage != null) {
			base.queryParam("stage", stage);
		}
		if (customerId != null) {
			base.queryParam("customerId", customerId);
		}
		if (assignedTo != null) {
			base.queryParam("assignedTo", assignedTo);
		}
		return base;
	}

	private static String search(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		String search = q.strip();
		return (search.length() > 100) ? search.substring(0, 100) : search;
	}

	/**
	 * The form's text when it differs from the deal's (line ends and an absent text
	 * compared loosely), else null: an unchanged field is left as it is.
	 */
	private static String changedText(String submitted, String current) {
		String text = (submitted == null) ? "" : submitted.replace("\r\n", "\n");
		return text.equals((current == null) ? "" : current.replace("\r\n", "\n")) ? null : text;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/**
	 * One line of the deal's history: a change record ({@code source} "change",
	 * {@code kind} a DealChangeKind) or a task ({@code source} "task", {@code kind}
	 * TASK_COMPLETED, TASK_OPEN or TASK_CANCELLED, {@code task} its name).
	 */
	public record HistoryEntry(Instant at, String by, String source, String kind, String task, String from, String to) {
	}

	/** The deal form, checked as the API checks its request. */
	public static class DealForm {

		private UUID customerId;

		@NotBlank
		@Size(max = 255)
		private String title;

		@Size(max = 5000)
		private String description;

		@DecimalMin("0")
		@Digits(integer = 17, fraction = 2)
		private BigDecimal value;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate expectedCloseDate;

		private UUID assignedTo;

		@jakarta.validation.constraints.Min(0)
		@jakarta.validation.constraints.Max(100)
		private Integer probability;

		@Valid
		private List<LineForm> lines = new ArrayList<>();

		public UUID getCustomerId() {
			return this.customerId;
		}

		public void setCustomerId(UUID customerId) {
			this.customerId = customerId;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public BigDecimal getValue() {
			return this.value;
		}

		public void setValue(BigDecimal value) {
			this.value = value;
		}

		public LocalDate getExpectedCloseDate() {
			return this.expectedCloseDate;
		}

		public void setExpectedCloseDate(LocalDate expectedCloseDate) {
			this.expectedCloseDate = expectedCloseDate;
		}

		public UUID getAssignedTo() {
			return this.assignedTo;
		}

		public void setAssignedTo(UUID assignedTo) {
			this.assignedTo = assignedTo;
		}

		public Integer getProbability() {
			return this.probability;
		}

		public void setProbability(Integer probability) {
			this.probability = probability;
		}

		public List<LineForm> getLines() {
			return this.lines;
		}

		public void setLines(List<LineForm> lines) {
			this.lines = lines;
		}

	}

	/** One product line row of the deal form; an empty row is no line. */
	public static class LineForm {

		private UUID productId;

		private String productName;

		@DecimalMin(value = "0.001")
		@Digits(integer = 16, fraction = 3)
		private BigDecimal quantity;

		@DecimalMin("0")
		@Digits(integer = 17, fraction = 2)
		private BigDecimal unitPrice;

		@DecimalMin("0")
		@DecimalMax("100")
		@Digits(integer = 3, fraction = 2)
		private BigDecimal discountPercent;

		boolean isEmpty() {
			return this.productId == null && this.quantity == null && this.unitPrice == null;
		}

		public UUID getProductId() {
			return this.productId;
		}

		public void setProductId(UUID productId) {
			this.productId = productId;
		}

		public String getProductName() {
			return this.productName;
		}

		public void setProductName(String productName) {
			this.productName = productName;
		}

		public BigDecimal getQuantity() {
			return this.quantity;
		}

		public void setQuantity(BigDecimal quantity) {
			this.quantity = quantity;
		}

		public BigDecimal getUnitPrice() {
			return this.unitPrice;
		}

		public void setUnitPrice(BigDecimal unitPrice) {
			this.unitPrice = unitPrice;
		}

		public BigDecimal getDiscountPercent() {
			return this.discountPercent;
		}

		public void setDiscountPercent(BigDecimal discountPercent) {
			this.discountPercent = discountPercent;
		}

	}

}
