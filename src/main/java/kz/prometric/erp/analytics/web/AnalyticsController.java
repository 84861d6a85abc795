package kz.prometric.erp.analytics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.analytics.AnalyticsReports;
import kz.prometric.erp.analytics.AnalyticsReports.AgingReport;
import kz.prometric.erp.analytics.AnalyticsReports.PipelineReport;
import kz.prometric.erp.analytics.AnalyticsReports.ProcessReport;
import kz.prometric.erp.analytics.AnalyticsReports.SalesReport;
import kz.prometric.erp.analytics.AnalyticsReports.StockValuationReport;
import kz.prometric.erp.analytics.AnalyticsReports.WinRateReport;
import kz.prometric.erp.crm.DealFigures.Forecast;
import kz.prometric.erp.identity.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics reports of a workspace (members only). Dates are ISO dates
 * ({@code 2026-03-31}) in Asia/Almaty; a period without {@code from} and {@code to} is
 * the twelve months up to today. docs/analytics.md defines each figure.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/analytics")
@Tag(name = "Analytics")
class AnalyticsController {

	private static final String PERIOD = " Period: from and to are ISO dates (both included), by default from the first "
			+ "day of the month eleven months ago to today (Asia/Almaty); from after to is refused (400, field to).";

	private final AnalyticsReports reports;

	AnalyticsController(AnalyticsReports reports) {
		this.reports = reports;
	}

	@GetMapping("/pipeline")
	@Operation(summary = "The pipeline: count, value and weighted value (value × probability / 100) per open stage "
			+ "and per owner (assigned employee), open totals, and won and lost totals; money KZT, 2 decimals, half up")
	PipelineReport pipeline(@PathVariable UUID workspaceId) {
		return this.reports.pipeline(workspaceId, CurrentUser.id());
	}

	@GetMapping("/forecast")
	@Operation(summary = "The open deals by month of their expected close date (value and weighted value), and "
			+ "those without a date as a separate bucket (withoutDate); from and to are months such as 2026-12, "
			+ "both included, and filter the months only")
	Forecast forecast(@PathVariable UUID workspaceId,
			@Parameter(description = "first month, yyyy-MM") @RequestParam(required = false) @DateTimeFormat(
					pattern = "yyyy-MM") YearMonth from,
			@Parameter(description = "last month, yyyy-MM") @RequestParam(required = false) @DateTimeFormat(
					pattern = "yyyy-MM") YearMonth to) {
		return this.reports.forecast(workspaceId, CurrentUser.id(), from, to);
	}

	@GetMapping("/win-rate")
	@Operation(summary = "Win rate and cycle time of the deals closed in the period (actual close date): "
			+ "won / (won + lost) in percent, and the average and median days from creation to win." + PERIOD)
	WinRateReport winRate(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.reports.winRate(workspaceId, CurrentUser.id(), from, to);
	}

	@GetMapping("/sales")
	@Operation(summary = "Sales from issued invoices by issue date, credit notes subtracting: per period "
			+ "(groupBy day, week or month; default month), per customer and per product, net, VAT and gross." + PERIOD)
	SalesReport sales(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "day, week (ISO, from Monday) or month") @RequestParam(
					required = false) String groupBy) {
		return this.reports.sales(workspaceId, CurrentUser.id(), from, to, groupBy);
	}

	@GetMapping("/receivables-aging")
	@Operation(summary = "Open invoice balances (gross − payments − credit notes) as of a date, in the buckets "
			+ "current (not past due), 1–30, 31–60, 61–90 and over 90 days past due, per customer and in total")
	AgingReport receivablesAging(@PathVariable UUID workspaceId,
			@Parameter(description = "ISO date; default today (Asia/Almaty)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.reports.receivablesAging(workspaceId, CurrentUser.id(), asOf);
	}

	@GetMapping("/stock-valuation")
	@Operation(summary = "The stock on hand valued at moving average cost per warehouse and product "
			+ "(quantity × unit cost), per warehouse and in total")
	StockValuationReport stockValuation(@PathVariable UUID workspaceId) {
		return this.reports.stockValuation(workspaceId, CurrentUser.id());
	}

	@GetMapping("/process-figures")
	@Operation(summary = "Per process key, the instances that ended in the period (completed, terminated) and the "
			+ "average and median duration of the completed ones; per step, the average and median duration of its "
			+ "activity instances; milliseconds, from the engine's history of this workspace." + PERIOD)
	ProcessReport processFigures(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.reports.processFigures(workspaceId, CurrentUser.id(), from, to);
	}

}
