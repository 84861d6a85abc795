package kz.prometric.erp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.crm.DealFigures;
import kz.prometric.erp.crm.DealFigures.ClosedDeals;
import kz.prometric.erp.crm.DealFigures.Forecast;
import kz.prometric.erp.crm.DealFigures.OwnerFigure;
import kz.prometric.erp.crm.DealFigures.StageFigure;
import kz.prometric.erp.crm.DealStage;
import kz.prometric.erp.finance.ReceivableFigures;
import kz.prometric.erp.finance.ReceivableFigures.Buckets;
import kz.prometric.erp.finance.ReceivableFigures.CustomerAging;
import kz.prometric.erp.finance.SalesFigures;
import kz.prometric.erp.finance.SalesFigures.CustomerSales;
import kz.prometric.erp.finance.SalesFigures.Grouping;
import kz.prometric.erp.finance.SalesFigures.PeriodSales;
import kz.prometric.erp.finance.SalesFigures.ProductSales;
import kz.prometric.erp.inventory.StockFigures;
import kz.prometric.erp.inventory.StockFigures.StockValue;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.workflow.ProcessFigures;
import kz.prometric.erp.workflow.ProcessFigures.ProcessFigure;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics reports of a workspace, for its members (anyone else: 404, as if the
 * workspace did not exist). Each report composes the figures the owning modules compute
 * in their own SQL; analytics reads no table of another module. Read-only, no event, no
 * process. docs/analytics.md defines every figure.
 * <p>
 * Money is KZT as {@link BigDecimal} with 2 decimals, rounded half up
 * ({@link RoundingMode#HALF_UP}) once per figure. Dates are those of the business zone,
 * {@link #BUSINESS_ZONE} (the project has no per-workspace time zone); "today" is the
 * application clock's date there. A period {@code from}–{@code to} includes both days;
 * when neither is given it is the twelve months up to today: from the first day of the
 * month eleven months ago to today. Malformed parameters answer 400 naming the parameter
 * ({@link InvalidInputException}).
 */
@Service
public class AnalyticsReports {

	/** The zone every date of the reports is taken in. */
	public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	/** The most periods a sales report answers (about ten years of days). */
	public static final int MAX_PERIODS = 3700;

	/** The longest period of any report, in days (a hundred years). */
	public static final long MAX_DAYS = 36_525;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final WorkspaceManagement workspaces;

	private final DealFigures deals;

	private final SalesFigures sales;

	private final ReceivableFigures receivables;

	private final StockFigures stock;

	private final ProcessFigures processes;

	private final Clock clock;

	AnalyticsReports(WorkspaceManagement workspaces, DealFigures deals, SalesFigures sales,
			ReceivableFigures receivables, StockFigures stock, ProcessFigures processes, Clock clock) {
		this.workspaces = workspaces;
		this.deals = deals;
		this.sales = sales;
		this.receivables = receivables;
		this.stock = stock;
		this.processes = processes;
		this.clock = clock;
	}

	/**
	 * The pipeline now: the open stages (NEW to NEGOTIATION) with count, value and
	 * weighted value (value × probability / 100), the open deals per owner (the assigned
	 * employee; null for unassigned), their totals (the sums of the stage rows), and the
	 * won and lost deals of all time.
	 */
	@Transactional(readOnly = true)
	public PipelineReport pipeline(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		List<StageFigure> stages = this.deals.byStage(workspaceId);
		List<StageFigure> open = stages.stream().filter(s -> !s.stage().isFinal()).toList();
		StageFigure won = stages.stream().filter(s -> s.stage() == DealStage.WON).findFirst().orElseThrow();
		StageFigure lost = stages.stream().filter(s -> s.stage() == DealStage.LOST).findFirst().orElseThrow();
		long count = 0;
		BigDecimal value = zero();
		BigDecimal weighted = zero();
		for (StageFigure stage : open) {
			count += stage.count();
			value = value.add(stage.value());
			weighted = weighted.add(stage.weightedValue());
		}
		return new PipelineReport(open, this.deals.openByOwner(workspaceId), new OpenTotal(count, value, weighted),
				new ClosedTotal(won.count(), won.value()), new ClosedTotal(lost.count(), lost.value()));
	}

	/**
	 * The open deals by month of their expected close date (months with deals only, in
	 * order; {@code from}/{@code to} months both included when given) and the open deals
	 * without a date as a separate bucket.
	 */
	@Transactional(readOnly = true)
	public Forecast forecast(UUID workspaceId, UUID callerId, YearMonth from, YearMonth to) {
		this.workspaces.requireMember(workspaceId, callerId);
		if (from != null) {
			requireYear("from", from.atDay(1));
		}
		if (to != null) {
			requireYear("to", to.atDay(1));
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		return this.deals.forecast(workspaceId, from, to);
	}

	/**
	 * Win rate and cycle time of the deals closed (actual close date) in the period: won
	 * / (won + lost) as a percentage with 2 decimals (null when nothing closed), and the
	 * average and median whole days from a won deal's creation date to its close date.
	 */
	@Transactional(readOnly = true)
	public WinRateReport winRate(UUID workspaceId, UUID callerId, LocalDate from, LocalDate to) {
		this.workspaces.requireMember(workspaceId, callerId);
		Period period = period(from, to);
		ClosedDeals closed = this.deals.closed(workspaceId, period.from(), period.to());
		long decided = closed.won() + closed.lost();
		BigDecimal rate = (decided == 0) ? null
				: BigDecimal.valueOf(closed.won())
					.multiply(HUNDRED)
					.divide(BigDecimal.valueOf(decided), 2, RoundingMode.HALF_UP);
		return new WinRateReport(period.from(), period.to(), closed.won(), closed.lost(), closed.wonValue(),
				closed.lostValue(), rate, closed.averageDaysToWin(), closed.medianDaysToWin());
	}

	/**
	 * Sales in the period (issue dates): per period of the grouping ({@code day},
	 * {@code week}, {@code month}; default month), per customer and per product, and the
	 * total; invoices count, credit notes subtract (see {@link SalesFigures}).
	 */
	@Transactional(readOnly = true)
	public SalesReport sales(UUID workspaceId, UUID callerId, LocalDate from, LocalDate to, String groupBy) {
		this.workspaces.requireMember(workspaceId, callerId);
		Grouping grouping = grouping(groupBy);
		Period period = period(from, to);
		requirePeriods(grouping, period);
		List<PeriodSales> byPeriod = this.sales.byPeriod(workspaceId, period.from(), period.to(), grouping);
		long invoices = 0;
		long creditNotes = 0;
		BigDecimal net = zero();
		BigDecimal vat = zero();
		BigDecimal gross = zero();
		for (PeriodSales row : byPeriod) {
			invoices += row.invoices();
			creditNotes += row.creditNotes();
			net = net.add(row.net());
			vat = vat.add(row.vat());
			gross = gross.add(row.gross());
		}
		return new SalesReport(period.from(), period.to(), grouping.name().toLowerCase(Locale.ROOT),
				new SalesTotal(invoices, creditNotes, net, vat, gross), byPeriod,
				this.sales.byCustomer(workspaceId, period.from(), period.to()),
				this.sales.byProduct(workspaceId, period.from(), period.to()));
	}

	/**
	 * Open invoice balances as of {@code asOf} (default today) in the buckets CURRENT
	 * (not past due), 1–30, 31–60, 61–90 and over 90 days past due, per customer and in
	 * total (see {@link ReceivableFigures} for the balance and the exact boundaries).
	 */
	@Transactional(readOnly = true)
	public AgingReport receivablesAging(UUID workspaceId, UUID callerId, LocalDate asOf) {
		this.workspaces.requireMember(workspaceId, callerId);
		LocalDate date = (asOf != null) ? asOf : today();
		requireYear("asOf", date);
		List<CustomerAging> customers = this.receivables.agingByCustomer(workspaceId, date);
		Buckets total = Buckets.none();
		for (CustomerAging customer : customers) {
			total = total.plus(customer.buckets());
		}
		return new AgingReport(date, total, customers);
	}

	/**
	 * The stock on hand valued per warehouse and product, the total per warehouse and the
	 * grand total (sums of the rounded rows; see {@link StockFigures}).
	 */
	@Transactional(readOnly = true)
	public StockValuationReport stockValuation(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		List<StockValue> rows = this.stock.valuation(workspaceId);
		Map<UUID, WarehouseValue> warehouses = new LinkedHashMap<>();
		BigDecimal total = zero();
		for (StockValue row : rows) {
			warehouses.merge(row.warehouseId(),
					new WarehouseValue(row.warehouseId(), row.warehouseCode(), row.warehouseName(), 1, row.value()),
					(a, b) -> new WarehouseValue(a.warehouseId(), a.warehouseCode(), a.warehouseName(),
							a.products() + 1, a.value().add(b.value())));
			total = total.add(row.value());
		}
		return new StockValuationReport(total, new ArrayList<>(warehouses.values()), rows);
	}

	/**
	 * Per process key, the instances that ended in the period (end time in the business
	 * zone) and their duration, and per step the duration of its activity instances (see
	 * {@link ProcessFigures}).
	 */
	@Transactional(readOnly = true)
	public ProcessReport processFigures(UUID workspaceId, UUID callerId, LocalDate from, LocalDate to) {
		this.workspaces.requireMember(workspaceId, callerId);
		Period period = period(from, to);
		return new ProcessReport(period.from(), period.to(),
				this.processes.ended(workspaceId, period.from().atStartOfDay(BUSINESS_ZONE).toInstant(),
						period.to().plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant()));
	}

	/**
	 * At most {@link #MAX_PERIODS} periods of the grouping; 400 naming from otherwise.
	 */
	static void requirePeriods(Grouping grouping, Period period) {
		long periods = switch (grouping) {
			case DAY -> ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
			case WEEK -> ChronoUnit.WEEKS.between(grouping.startOf(period.from()), period.to()) + 1;
			case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(period.from()), YearMonth.from(period.to())) + 1;
		};
		if (periods > MAX_PERIODS) {
			throw new InvalidInputException("from",
					"the period has " + periods + " " + grouping.name().toLowerCase(Locale.ROOT)
							+ "s; a report answers at most " + MAX_PERIODS
							+ ": shorten the period or group by a longer one (groupBy)");
		}
	}

	/**
	 * The period from {@code from} to {@code to} with the defaults (the twelve months up
	 * to today); 400 naming the field when it is not a valid period.
	 */
	Period period(LocalDate from, LocalDate to) {
		LocalDate last = (to != null) ? to : today();
		LocalDate first = (from != null) ? from : YearMonth.from(last).minusMonths(11).atDay(1);
		requireYear("from", first);
		requireYear("to", last);
		if (first.isAfter(last)) {
			throw new InvalidInputException("to", "must not be before from (" + first + ")");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new InvalidInputException("from", "a report covers at most " + MAX_DAYS + " days");
		}
		return new Period(first, last);
	}

	static Grouping grouping(String groupBy) {
		if (groupBy == null || groupBy.isBlank()) {
			return Grouping.MONTH;
		}
		try {
			return Grouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("groupBy", "must be day, week or month");
		}
	}

	static void requireYear(String field, LocalDate date) {
		if (date.getYear() < 1900 || date.getYear() > 9999) {
			throw new InvalidInputException(field, "must be a date of the years 1900 to 9999");
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(BUSINESS_ZONE));
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	record Period(LocalDate from, LocalDate to) {
	}

	/** The pipeline report. */
	public record PipelineReport(List<StageFigure> stages, List<OwnerFigure> owners, OpenTotal open, ClosedTotal won,
			ClosedTotal lost) {
	}

	/** All open deals: count, value and weighted value. */
	public record OpenTotal(long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/** Won or lost deals: count and value. */
	public record ClosedTotal(long count, BigDecimal value) {
	}

	/** The win rate and cycle time report. */
	public record WinRateReport(LocalDate from, LocalDate to, long won, long lost, BigDecimal wonValue,
			BigDecimal lostValue, BigDecimal winRatePercent, BigDecimal averageDaysToWin, BigDecimal medianDaysToWin) {
	}

	/** The sales report. */
	public record SalesReport(LocalDate from, LocalDate to, String groupBy, SalesTotal total, List<PeriodSales> periods,
			List<CustomerSales> customers, List<ProductSales> products) {
	}

	/** All documents of the period. */
	public record SalesTotal(long invoices, long creditNotes, BigDecimal net, BigDecimal vat, BigDecimal gross) {
	}

	/** The receivables aging report. */
	public record AgingReport(LocalDate asOf, Buckets total, List<CustomerAging> customers) {
	}

	/** The stock valuation report. */
	public record StockValuationReport(BigDecimal total, List<WarehouseValue> warehouses, List<StockValue> items) {
	}

	/** One warehouse: how many products it holds and their value. */
	public record WarehouseValue(UUID warehouseId, String warehouseCode, String warehouseName, long products,
			BigDecimal value) {
	}

	/** The process figures report. */
	public record ProcessReport(LocalDate from, LocalDate to, List<ProcessFigure> processes) {
	}

}
