package kz.prometric.erp.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.analytics.AnalyticsReports.AgingReport;
import kz.prometric.erp.analytics.AnalyticsReports.PipelineReport;
import kz.prometric.erp.analytics.AnalyticsReports.ProcessReport;
import kz.prometric.erp.analytics.AnalyticsReports.SalesReport;
import kz.prometric.erp.analytics.AnalyticsReports.StockValuationReport;
import kz.prometric.erp.crm.DealFigures;
import kz.prometric.erp.crm.DealFigures.Forecast;
import kz.prometric.erp.crm.DealFigures.ForecastFigure;
import kz.prometric.erp.crm.DealFigures.OwnerFigure;
import kz.prometric.erp.crm.DealFigures.StageFigure;
import kz.prometric.erp.finance.ReceivableFigures.Bucket;
import kz.prometric.erp.finance.ReceivableFigures.Buckets;
import kz.prometric.erp.finance.ReceivableFigures.CustomerAging;
import kz.prometric.erp.finance.SalesFigures.CustomerSales;
import kz.prometric.erp.finance.SalesFigures.Grouping;
import kz.prometric.erp.finance.SalesFigures.PeriodSales;
import kz.prometric.erp.finance.SalesFigures.ProductSales;
import kz.prometric.erp.inventory.StockFigures.StockValue;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.workflow.ProcessFigures.ProcessFigure;
import kz.prometric.erp.workflow.ProcessFigures.StepFigure;

import org.springframework.stereotype.Component;

/**
 * Each exportable report as one table: its columns and its rows. The deals are streamed
 * from crm page by page ({@link DealFigures#forEachDeal}); the other reports are the JSON
 * reports of {@link AnalyticsReports} (small: one row per stage, month, customer, …)
 * flattened, their totals as the last rows. Parameters are those of the JSON reports,
 * checked the same way; errors name {@code parameters.<name>}.
 */
@Component
class ReportTables {

	private final AnalyticsReports reports;

	private final DealFigures deals;

	private final WorkspaceManagement workspaces;

	ReportTables(AnalyticsReports reports, DealFigures deals, WorkspaceManagement workspaces) {
		this.reports = reports;
		this.deals = deals;
		this.workspaces = workspaces;
	}

	/** A table: its column names, how many rows are expected, and the rows. */
	interface Table {

		List<String> columns();

		long expectedRows();

		/** Hands every row to {@code each}, in order. */
		void rows(RowSink each) throws IOException;

	}

	interface RowSink {

		void accept(Object[] row) throws IOException;

	}

	/**
	 * The parameters checked and normalized (strings as the JSON reports take them); 400
	 * naming {@code parameters.<name>} for an unknown or malformed one.
	 */
	Map<String, String> checked(ExportReport report, Map<String, Object> parameters) {
		Map<String, String> normalized = new LinkedHashMap<>();
		if (parameters != null) {
			for (Map.Entry<String, Object> entry : parameters.entrySet()) {
				String name = entry.getKey();
				if (!report.parameters().contains(name)) {
					throw new InvalidInputException("parameters." + name,
							"is not a parameter of the " + report.code() + " report" + (report.parameters().isEmpty()
									? ", which takes none" : "; it takes " + String.join(", ", report.parameters())));
				}
				Object value = entry.getValue();
				if (value == null) {
					continue;
				}
				if (!(value instanceof String text)) {
					throw new InvalidInputException("parameters." + name, "must be a string");
				}
				if (!text.isBlank()) {
					normalized.put(name, text.strip());
				}
			}
		}
		Args args = args(report, normalized);
		switch (report) {
			case SALES -> {
				Grouping grouping = checkedGroupBy(args.groupBy());
				AnalyticsReports.Period period = period(args.from(), args.to());
				try {
					AnalyticsReports.requirePeriods(grouping, period);
				}
				catch (InvalidInputException ex) {
					throw prefixed(ex);
				}
			}
			case PROCESS_FIGURES -> period(args.from(), args.to());
			case RECEIVABLES_AGING -> {
				if (args.asOf() != null) {
					year("asOf", args.asOf());
				}
			}
			case FORECAST -> {
				if (args.fromMonth() != null) {
					year("from", args.fromMonth().atDay(1));
				}
				if (args.toMonth() != null) {
					year("to", args.toMonth().atDay(1));
				}
				if (args.fromMonth() != null && args.toMonth() != null && args.fromMonth().isAfter(args.toMonth())) {
					throw new InvalidInputException("parameters.to", "must not be before from");
				}
			}
			default -> {
			}
		}
		return normalized;
	}

	/** The table of a job's report, computed for its requester (who must be a member). */
	Table table(ExportReport report, UUID workspaceId, UUID requestedBy, Map<String, String> parameters) {
		Args args = args(report, parameters);
		return switch (report) {
			case DEALS -> deals(workspaceId, requestedBy);
			case PIPELINE -> pipeline(this.reports.pipeline(workspaceId, requestedBy));
			case FORECAST ->
				forecast(this.reports.forecast(workspaceId, requestedBy, args.fromMonth(), args.toMonth()));
			case SALES -> sales(this.reports.sales(workspaceId, requestedBy, args.from(), args.to(), args.groupBy()));
			case RECEIVABLES_AGING -> aging(this.reports.receivablesAging(workspaceId, requestedBy, args.asOf()));
			case STOCK_VALUATION -> stock(this.reports.stockValuation(workspaceId, requestedBy));
			case PROCESS_FIGURES ->
				processes(this.reports.processFigures(workspaceId, requestedBy, args.from(), args.to()));
		};
	}

	private Table deals(UUID workspaceId, UUID requestedBy) {
		this.workspaces.requireMember(workspaceId, requestedBy);
		long count = this.deals.countDeals(workspaceId);
		return new Table() {
			@Override
			public List<String> columns() {
				return List.of("id", "title", "customer", "stage", "value", "currency", "probability",
						"expected close date", "owner", "created");
			}

			@Override
			public long expectedRows() {
				return count;
			}

			@Override
			public void rows(RowSink each) throws IOException {
				try {
					ReportTables.this.deals.forEachDeal(workspaceId, deal -> {
						try {
							each.accept(new Object[] { deal.id(), deal.title(), deal.customerName(),
									deal.stage().name(), deal.value(), deal.currency(), deal.probability(),
									deal.expectedCloseDate(), deal.ownerName(),
									LocalDateTime.ofInstant(deal.createdAt(), AnalyticsReports.BUSINESS_ZONE) });
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
				}
				catch (UncheckedIOException ex) {
					throw ex.getCause();
				}
			}
		};
	}

	private static Table pipeline(PipelineReport report) {
		List<Object[]> rows = new ArrayList<>();
		for (StageFigure stage : report.stages()) {
			rows.add(new Object[] { "stage", stage.stage().name(), null, stage.count(), stage.value(),
					stage.weightedValue() });
		}
		for (OwnerFigure owner : report.owners()) {
			rows.add(new Object[] { "owner", (owner.ownerName() != null) ? owner.ownerName() : "(unassigned)",
					owner.ownerId(), owner.count(), owner.value(), owner.weightedValue() });
		}
		rows.add(new Object[] { "open", "all open deals", null, report.open().count(), report.open().value(),
				report.open().weightedValue() });
		rows.add(new Object[] { "won", "WON", null, report.won().count(), report.won().value(), null });
		rows.add(new Object[] { "lost", "LOST", null, report.lost().count(), report.lost().value(), null });
		return listed(List.of("group", "name", "owner id", "count", "value", "weighted value"), rows);
	}

	private static Table forecast(Forecast report) {
		List<Object[]> rows = new ArrayList<>();
		for (ForecastFigure month : report.months()) {
			rows.add(new Object[] { month.month().toString(), month.count(), month.value(), month.weightedValue() });
		}
		ForecastFigure none = report.withoutDate();
		rows.add(new Object[] { "without date", none.count(), none.value(), none.weightedValue() });
		return listed(List.of("month", "count", "value", "weighted value"), rows);
	}

	private static Table sales(SalesReport report) {
		List<Object[]> rows = new ArrayList<>();
		for (PeriodSales period : report.periods()) {
			rows.add(new Object[] { "period", period.period(), null, null, period.invoices(), period.creditNotes(),
					null, period.net(), period.vat(), period.gross() });
		}
		rows.add(new Object[] { "total", null, null, null, report.total().invoices(), report.total().creditNotes(),
				null, report.total().net(), report.total().vat(), report.total().gross() });
		for (CustomerSales customer : report.customers()) {
			rows.add(new Object[] { "customer", null, customer.customerName(), customer.customerId(),
					customer.invoices(), customer.creditNotes(), null, customer.net(), customer.vat(),
					customer.gross() });
		}
		for (ProductSales product : report.products()) {
			rows.add(new Object[] { "product", null, product.productName(), product.productId(), null, null,
					product.quantity(), product.net(), null, null });
		}
		return listed(List.of("section", "period", "name", "id", "invoices", "credit notes", "quantity", "net", "vat",
				"gross"), rows);
	}

	private static Table aging(AgingReport report) {
		List<Object[]> rows = new ArrayList<>();
		for (CustomerAging customer : report.customers()) {
			rows.add(agingRow(customer.customerName(), customer.customerId(), customer.buckets()));
		}
		rows.add(agingRow("total", null, report.total()));
		return listed(List.of("customer", "customer id", "current", "1-30 days", "31-60 days", "61-90 days",
				"over 90 days", "total", "invoices"), rows);
	}

	private static Object[] agingRow(String name, UUID id, Buckets buckets) {
		return new Object[] { name, id, amount(buckets.current()), amount(buckets.days1To30()),
				amount(buckets.days31To60()), amount(buckets.days61To90()), amount(buckets.over90()),
				amount(buckets.total()), buckets.total().invoices() };
	}

	private static BigDecimal amount(Bucket bucket) {
		return bucket.amount();
	}

	private static Table stock(StockValuationReport report) {
		List<Object[]> rows = new ArrayList<>();
		for (StockValue item : report.items()) {
			rows.add(new Object[] { item.warehouseCode(), item.warehouseName(), item.productCode(), item.productName(),
					item.quantity(), item.unitCost(), item.value() });
		}
		rows.add(new Object[] { "total", null, null, null, null, null, report.total() });
		return listed(
				List.of("warehouse code", "warehouse", "product code", "product", "quantity", "unit cost", "value"),
				rows);
	}

	private static Table processes(ProcessReport report) {
		List<Object[]> rows = new ArrayList<>();
		for (ProcessFigure process : report.processes()) {
			rows.add(new Object[] { process.processKey(), null, null, null, process.completed(), process.terminated(),
					process.averageMillis(), process.medianMillis() });
			for (StepFigure step : process.steps()) {
				rows.add(new Object[] { process.processKey(), step.activityId(), step.activityName(),
						step.activityType(), step.instances(), null, step.averageMillis(), step.medianMillis() });
			}
		}
		return listed(List.of("process", "step", "step name", "step type", "completed / instances", "terminated",
				"average ms", "median ms"), rows);
	}

	private static Table listed(List<String> columns, List<Object[]> rows) {
		return new Table() {
			@Override
			public List<String> columns() {
				return columns;
			}

			@Override
			public long expectedRows() {
				return rows.size();
			}

			@Override
			public void rows(RowSink each) throws IOException {
				for (Object[] row : rows) {
					each.accept(row);
				}
			}
		};
	}

	private record Args(LocalDate from, LocalDate to, YearMonth fromMonth, YearMonth toMonth, String groupBy,
			LocalDate asOf) {
	}

	private static Args args(ExportReport report, Map<String, String> parameters) {
		boolean months = report == ExportReport.FORECAST;
		return new Args(months ? null : date(parameters, "from"), months ? null : date(parameters, "to"),
				months ? month(parameters, "from") : null, months ? month(parameters, "to") : null,
				parameters.get("groupBy"), date(parameters, "asOf"));
	}

	private static LocalDate date(Map<String, String> parameters, String name) {
		String text = parameters.get(name);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("parameters." + name, "must be an ISO date such as 2026-03-31");
		}
	}

	private static YearMonth month(Map<String, String> parameters, String name) {
		String text = parameters.get(name);
		if (text == null) {
			return null;
		}
		try {
			return YearMonth.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("parameters." + name, "must be a month such as 2026-12");
		}
	}

	private AnalyticsReports.Period period(LocalDate from, LocalDate to) {
		try {
			return this.reports.period(from, to);
		}
		catch (InvalidInputException ex) {
			throw prefixed(ex);
		}
	}

	private static Grouping checkedGroupBy(String groupBy) {
		try {
			return AnalyticsReports.grouping(groupBy);
		}
		catch (InvalidInputException ex) {
			throw prefixed(ex);
		}
	}

	private static void year(String field, LocalDate date) {
		try {
			AnalyticsReports.requireYear(field, date);
		}
		catch (InvalidInputException ex) {
			throw prefixed(ex);
		}
	}

	private static InvalidInputException prefixed(InvalidInputException ex) {
		return new InvalidInputException("parameters." + ex.violations().get(0).field(), ex.getMessage());
	}

}
