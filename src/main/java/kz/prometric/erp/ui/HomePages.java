package kz.prometric.erp.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.PreDestroy;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.ForecastMonth;
import kz.prometric.erp.crm.DealManagement.PipelineStage;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.organization.WorkspaceType;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionStatus;
import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.sales.OrderStatus;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.workflow.TaskManagement.Scope;
import kz.prometric.erp.workflow.TaskManagement.TaskFilter;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /app} (to the user's first workspace), a workspace's home page (my tasks,
 * overdue tasks, the pipeline and the forecast as charts, overdue invoices, stock below
 * its minimum, work in progress) and the overdue tasks page. Everything is read through
 * the modules' services as the user, so membership and task visibility are theirs.
 */
@ErpPages
class HomePages {

	static final List<OrderStatus> OPEN_ORDERS = List.of(OrderStatus.PENDING, OrderStatus.CONFIRMED,
			OrderStatus.AWAITING_STOCK, OrderStatus.IN_PRODUCTION, OrderStatus.SHIPPED, OrderStatus.INVOICED);

	static final List<ProductionStatus> PRODUCTION_IN_PROGRESS = List.of(ProductionStatus.RELEASED,
			ProductionStatus.WAITING_MATERIALS, ProductionStatus.IN_PROGRESS, ProductionStatus.INSPECTION,
			ProductionStatus.REWORK, ProductionStatus.ON_HOLD);

	private static final int LIST_SIZE = 10;

	private final TaskManagement tasks;

	private final DealManagement deals;

	private final InvoiceManagement invoices;

	private final OrderManagement orders;

	private final ProductionManagement production;

	private final InventoryManagement inventory;

	private final MessageSource messages;

	private final ObjectMapper mapper;

	private final Clock clock;

	/**
	 * Reads the home page's sections side by side (each is a few queries that mostly wait
	 * for the database). Small and bounded, so a busy server queues sections rather than
	 * taking more connections than the pool has; deliberately not a bean, so Spring
	 * Boot's application task executor (async mail, events) stays as configured.
	 */
	private final ThreadPoolTaskExecutor sections = new ThreadPoolTaskExecutor();

	HomePages(TaskManagement tasks, DealManagement deals, InvoiceManagement invoices, OrderManagement orders,
			ProductionManagement production, InventoryManagement inventory, MessageSource messages, ObjectMapper mapper,
			Clock clock) {
		this.sections.setCorePoolSize(4);
		this.sections.setMaxPoolSize(4);
		this.sections.setQueueCapacity(1000);
		this.sections.setThreadNamePrefix("home-");
		this.sections.initialize();
		this.inventory = inventory;
		this.tasks = tasks;
		this.deals = deals;
		this.invoices = invoices;
		this.orders = orders;
		this.production = production;
		this.messages = messages;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * The user's first company workspace (where the business is), else his personal one.
	 */
	@PreDestroy
	void stop() {
		this.sections.shutdown();
	}

	@GetMapping("/app")
	String start(@ModelAttribute("myWorkspaces") List<WorkspaceView> workspaces) {
		if (workspaces.isEmpty()) {
			return "ui/no-workspace";
		}
		WorkspaceView start = workspaces.stream()
			.filter(w -> w.type() == WorkspaceType.COMPANY)
			.findFirst()
			.orElse(workspaces.get(0));
		return "redirect:/app/" + start.id();
	}

	@GetMapping("/app/{workspaceId}")
	String home(@PathVariable UUID workspaceId, Model model, Locale locale) {
		UUID me = CurrentUser.id();
		Instant now = this.clock.instant();
		// independent reads side by side, each as the user; the model is filled here
		// on the request's thread
		var myTasks = section(() -> this.tasks.tasks(workspaceId, me,
				new TaskFilter(Scope.MINE, null, null, null, null), PageQuery.first(LIST_SIZE)));
		var overdueTasks = section(() -> this.tasks.tasks(workspaceId, me,
				new TaskFilter(Scope.ALL, null, now, null, null), PageQuery.first(LIST_SIZE)));
		var pipeline = section(() -> this.deals.pipeline(workspaceId, me));
		var forecast = section(() -> this.deals.forecast(workspaceId, me, null, null));
		var overdueInvoices = section(() -> this.invoices.overdueInvoices(workspaceId, me,
				new PageQuery(1, LIST_SIZE, "dueDate", Sort.Direction.ASC)));
		var lowStock = section(() -> this.inventory.belowMinimum(workspaceId, me, PageQuery.first(LIST_SIZE)));
		workInProgress(workspaceId, me, model);
		model.addAttribute("myTasks", join(myTasks));
		model.addAttribute("overdueTasks", join(overdueTasks));
		model.addAttribute("pipeline", join(pipeline));
		model.addAttribute("forecast", join(forecast));
		model.addAttribute("pipelineChart", json(pipelineChart(join(pipeline), locale)));
		model.addAttribute("forecastChart", json(forecastChart(join(forecast), locale)));
		model.addAttribute("overdueInvoices", join(overdueInvoices));
		model.addAttribute("lowStock", join(lowStock));
		return "ui/home";
	}

	/** Open orders and production orders by status, and production running now. */
	private void workInProgress(UUID workspaceId, UUID me, Model model) {
		Map<OrderStatus, Long> orderCounts = this.orders.countByStatus(workspaceId, me);
		Map<OrderStatus, Long> openOrders = new LinkedHashMap<>();
		OPEN_ORDERS.forEach(status -> openOrders.put(status, orderCounts.get(status)));
		model.addAttribute("openOrders", openOrders);
		Map<ProductionStatus, Long> productionCounts = this.production.countByStatus(workspaceId, me);
		Map<ProductionStatus, Long> productionInProgress = new LinkedHashMap<>();
		PRODUCTION_IN_PROGRESS.forEach(status -> productionInProgress.put(status, productionCounts.get(status)));
		model.addAttribute("productionInProgress", productionInProgress);
		model.addAttribute("productionRunning",
				this.production
					.orders(workspaceId, me, ProductionStatus.IN_PROGRESS, null,
							new PageQuery(1, LIST_SIZE, "dueDate", Sort.Direction.ASC))
					.items());
	}

	private <T> CompletableFuture<T> section(Supplier<T> read) {
		return CompletableFuture.supplyAsync(read, this.sections);
	}

	/**
	 * A section's answer; its refusal (another workspace: not found) is thrown as it is,
	 * as if it had run on this thread.
	 */
	private static <T> T join(CompletableFuture<T> section) {
		try {
			return section.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** The workspace's open tasks past their due date that the user may work. */
	@GetMapping("/app/{workspaceId}/tasks/overdue")
	String overdueTasks(@PathVariable UUID workspaceId, PageQuery page, Model model) {
		Instant now = this.clock.instant();
		model.addAttribute("result", this.tasks.tasks(workspaceId, CurrentUser.id(),
				new TaskFilter(Scope.ALL, null, now, null, null), page));
		model.addAttribute("baseUrl", "/app/" + workspaceId + "/tasks/overdue");
		return "ui/overdue-tasks";
	}

	private Map<String, Object> pipelineChart(List<PipelineStage> pipeline, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<BigDecimal> weighted = new ArrayList<>();
		for (PipelineStage stage : pipeline) {
			labels.add(this.messages.getMessage("ui.stage." + stage.stage(), null, stage.stage().name(), locale));
			counts.add(stage.count());
			values.add(stage.value());
			weighted.add(stage.weightedValue());
		}
		return Map.of("labels", labels, "count", counts, "value", values, "weighted", weighted, "series",
				List.of(message("ui.home.chart.value", locale), message("ui.home.chart.weighted", locale),
						message("ui.home.chart.count", locale)));
	}

	private Map<String, Object> forecastChart(List<ForecastMonth> forecast, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<BigDecimal> weighted = new ArrayList<>();
		for (ForecastMonth month : forecast) {
			labels.add(String.format(Locale.ROOT, "%02d.%d", month.month().getMonthValue(), month.month().getYear()));
			counts.add(month.count());
			values.add(month.value());
			weighted.add(month.weightedValue());
		}
		return Map.of("labels", labels, "count", counts, "value", values, "weighted", weighted, "series",
				List.of(message("ui.home.chart.value", locale), message("ui.home.chart.expected", locale),
						message("ui.home.chart.count", locale)));
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private String json(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
