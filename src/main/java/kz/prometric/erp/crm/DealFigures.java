package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.HrManagement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deal figures the analytics reports read: aggregates summed by the database over the
 * workspace's deals, never a deal itself. No access check: the caller (the analytics
 * module) has checked that the caller belongs to the workspace.
 * <p>
 * Money is KZT with 2 decimals. A weighted value is the sum over the deals of value ×
 * probability, divided by 100 and rounded once, half up, to the tiyn (so a total may
 * differ by a tiyn from the sum of its rounded parts). Dates are those of the business
 * zone, Asia/Almaty.
 */
@Service
public class DealFigures {

	/** The rows {@link #forEachDeal} reads per query. */
	public static final int DEAL_PAGE = 1000;

	private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);

	private final JdbcTemplate jdbc;

	private final HrManagement hr;

	DealFigures(JdbcTemplate jdbc, HrManagement hr) {
		this.jdbc = jdbc;
		this.hr = hr;
	}

	/**
	 * Count, value and weighted value of every stage (open stages in pipeline order, then
	 * WON and LOST; zero when a stage has no deal), from the per-stage totals the
	 * database keeps (crm_deal_stage_total).
	 */
	@Transactional(readOnly = true)
	public List<StageFigure> byStage(UUID workspaceId) {
		Map<DealStage, StageFigure> rows = new EnumMap<>(DealStage.class);
		this.jdbc.query("select stage, deals, value, value_times_probability from crm_deal_stage_total "
				+ "where workspace_id = ?", rs -> {
					DealStage stage = DealStage.valueOf(rs.getString("stage"));
					rows.put(stage, new StageFigure(stage, rs.getLong("deals"), money(rs.getBigDecimal("value")),
							weighted(rs.getBigDecimal("value_times_probability"))));
				}, workspaceId);
		List<StageFigure> stages = new ArrayList<>();
		for (DealStage stage : DealStage.values()) {
			stages.add(rows.getOrDefault(stage, new StageFigure(stage, 0, ZERO_MONEY, ZERO_MONEY)));
		}
		return stages;
	}

	/**
	 * The open deals (stages NEW to NEGOTIATION) per assigned employee: count, value and
	 * weighted value; deals assigned to nobody form one row with a null owner. Rows by
	 * value, largest first, then by owner name.
	 */
	@Transactional(readOnly = true)
	public List<OwnerFigure> openByOwner(UUID workspaceId) {
		List<OwnerFigure> rows = this.jdbc.query("""
				select assigned_to, count(*) deals, coalesce(sum(value), 0) value,
				       coalesce(sum(value * probability), 0) value_times_probability
				  from crm_deal
				 where workspace_id = ? and stage in ('NEW', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION')
				 group by assigned_to
				""",
				(rs, i) -> new OwnerFigure(rs.getObject("assigned_to", UUID.class), null, rs.getLong("deals"),
						money(rs.getBigDecimal("value")), weighted(rs.getBigDecimal("value_times_probability"))),
				workspaceId);
		List<OwnerFigure> named = new ArrayList<>();
		for (OwnerFigure row : rows) {
			String name = (row.ownerId() == null) ? null
					: this.hr.employeeInWorkspace(workspaceId, row.ownerId()).map(EmployeeView::name).orElse(null);
			named.add(new OwnerFigure(row.ownerId(), name, row.count(), row.value(), row.weightedValue()));
		}
		named.sort((a, b) -> {
			int byValue = b.value().compareTo(a.value());
			if (byValue != 0) {
				return byValue;
			}
			return String.valueOf(a.ownerName()).compareTo(String.valueOf(b.ownerName()));
		});
		return named;
	}

	/**
	 * The open deals per month of their expected close date, months in order, from and to
	 * a month when given (both included), and the open deals without an expected close
	 * date as a separate figure ({@code month} null), which no month filter removes.
	 */
	@Transactional(readOnly = true)
	public Forecast forecast(UUID workspaceId, YearMonth from, YearMonth to) {
		LocalDate first = (from != null) ? from.atDay(1) : LocalDate.of(1, 1, 1);
		LocalDate last = (to != null) ? to.atEndOfMonth() : LocalDate.of(9999, 12, 31);
		List<ForecastFigure> months = this.jdbc.query("""
				select extract(year from expected_close_date)::int y, extract(month from expected_close_date)::int m,
				       count(*) deals, sum(value) value, sum(value * probability) value_times_probability
				  from crm_deal
				 where workspace_id = ? and stage in ('NEW', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION')
				   and expected_close_date between ? and ?
				 group by 1, 2
				 order by 1, 2
				""",
				(rs, i) -> new ForecastFigure(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("deals"),
						money(rs.getBigDecimal("value")), weighted(rs.getBigDecimal("value_times_probability"))),
				workspaceId, first, last);
		ForecastFigure undated = this.jdbc.queryForObject("""
				select count(*) deals, coalesce(sum(value), 0) value, coalesce(sum(value * probability), 0) vp
				  from crm_deal
				 where workspace_id = ? and stage in ('NEW', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION')
				   and expected_close_date is null
				""", (rs, i) -> new ForecastFigure(null, rs.getLong("deals"), money(rs.getBigDecimal("value")),
				weighted(rs.getBigDecimal("vp"))), workspaceId);
		return new Forecast(months, undated);
	}

	/**
	 * Deals closed (actual close date, Asia/Almaty) from {@code from} to {@code to}, both
	 * included: how many were won and lost, their values, and for the won ones the days
	 * from creation to the win: whole calendar days between the creation date and the
	 * close date, both in Asia/Almaty (a deal won on the day it was created took 0 days).
	 * The average is rounded half up to 2 decimals; the median is the middle value, or
	 * the mean of the two middle values for an even count; both null without won deals.
	 */
	@Transactional(readOnly = true)
	public ClosedDeals closed(UUID workspaceId, LocalDate from, LocalDate to) {
		return this.jdbc.queryForObject("""
				select count(*) filter (where stage = 'WON') won,
				       count(*) filter (where stage = 'LOST') lost,
				       coalesce(sum(value) filter (where stage = 'WON'), 0) won_value,
				       coalesce(sum(value) filter (where stage = 'LOST'), 0) lost_value,
				       avg(actual_close_date - (created_at at time zone 'Asia/Almaty')::date)
				           filter (where stage = 'WON') average_days,
				       percentile_cont(0.5) within group (order by actual_close_date
				           - (created_at at time zone 'Asia/Almaty')::date) filter (where stage = 'WON') median_days
				  from crm_deal
				 where workspace_id = ? and stage in ('WON', 'LOST') and actual_close_date between ? and ?
				""",
				(rs, i) -> new ClosedDeals(rs.getLong("won"), rs.getLong("lost"), money(rs.getBigDecimal("won_value")),
						money(rs.getBigDecimal("lost_value")), days(rs.getBigDecimal("average_days")), median(rs)),
				workspaceId, from, to);
	}

	/** How many deals the workspace has (all stages). */
	@Transactional(readOnly = true)
	public long countDeals(UUID workspaceId) {
		Long count = this.jdbc.queryForObject("select count(*) from crm_deal where workspace_id = ?", Long.class,
				workspaceId);
		return (count != null) ? count : 0;
	}

	/**
	 * Hands every deal of the workspace to {@code each}, oldest first (creation time,
	 * then id), read from the database in pages of {@link #DEAL_PAGE} rows by keyset
	 * (each page one short query on the index {@code (workspace_id, created_at, id)}), so
	 * that no more than one page is ever in memory, whatever the number of deals. Not a
	 * snapshot: the pages are separate statements, so a deal created while the reading
	 * runs appears when it sorts after the last page read, and a deleted one may be
	 * missing. Runs outside any transaction on purpose (it may take long); the consumer
	 * is called between the queries, never while a result set is open. Owner names come
	 * from hr, once per employee.
	 */
	public void forEachDeal(UUID workspaceId, Consumer<DealRow> each) {
		Map<UUID, String> owners = new HashMap<>();
		Instant afterCreated = null;
		UUID afterId = null;
		while (true) {
			List<DealRow> page;
			String select = """
					select d.id, d.title, d.customer_id, c.name customer_name, d.stage, d.value, d.currency,
					       d.probability, d.expected_close_date, d.assigned_to, d.created_at
					  from crm_deal d join crm_customer c on c.id = d.customer_id
					 where d.workspace_id = ?
					""";
			String order = " order by d.created_at, d.id limit " + DEAL_PAGE;
			RowMapper<DealRow> row = (rs, i) -> new DealRow(rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
					DealStage.valueOf(rs.getString("stage")), rs.getBigDecimal("value"), rs.getString("currency"),
					rs.getInt("probability"), rs.getObject("expected_close_date", LocalDate.class),
					rs.getObject("assigned_to", UUID.class), null,
					rs.getObject("created_at", OffsetDateTime.class).toInstant());
			if (afterId == null) {
				page = this.jdbc.query(select + order, row, workspaceId);
			}
			else {
				page = this.jdbc.query(select + " and (d.created_at, d.id) > (?, ?)" + order, row, workspaceId,
						afterCreated.atOffset(ZoneOffset.UTC), afterId);
			}
			for (DealRow deal : page) {
				String owner = (deal.ownerId() == null) ? null : owners.computeIfAbsent(deal.ownerId(),
						id -> this.hr.employeeInWorkspace(workspaceId, id).map(EmployeeView::name).orElse(""));
				each.accept(new DealRow(deal.id(), deal.title(), deal.customerId(), deal.customerName(), deal.stage(),
						deal.value(), deal.currency(), deal.probability(), deal.expectedCloseDate(), deal.ownerId(),
						(owner == null || owner.isEmpty()) ? null : owner, deal.createdAt()));
			}
			if (page.size() < DEAL_PAGE) {
				return;
			}
			DealRow last = page.get(page.size() - 1);
			afterCreated = last.createdAt();
			afterId = last.id();
		}
	}

	private static BigDecimal median(ResultSet rs) throws SQLException {
		double median = rs.getDouble("median_days");
		return rs.wasNull() ? null : BigDecimal.valueOf(median).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal days(BigDecimal days) {
		return (days == null) ? null : days.setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal money(BigDecimal sum) {
		return ((sum != null) ? sum : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal weighted(BigDecimal sumOfValueTimesPercent) {
		return ((sumOfValueTimesPercent != null) ? sumOfValueTimesPercent : BigDecimal.ZERO).movePointLeft(2)
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * One deal as an export lists it: the customer's name, the owner (the assigned
	 * employee's name; null when unassigned) and the creation time.
	 */
	public record DealRow(UUID id, String title, UUID customerId, String customerName, DealStage stage,
			BigDecimal value, String currency, int probability, LocalDate expectedCloseDate, UUID ownerId,
			String ownerName, Instant createdAt) {
	}

	/** The deals of one stage. */
	public record StageFigure(DealStage stage, long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/**
	 * The open deals of one owner (an employee of the workspace; null: assigned to
	 * nobody).
	 */
	public record OwnerFigure(UUID ownerId, String ownerName, long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/** The open deals expected to close in one month ({@code month} null: no date). */
	public record ForecastFigure(YearMonth month, long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/** The forecast by month and the open deals without an expected close date. */
	public record Forecast(List<ForecastFigure> months, ForecastFigure withoutDate) {
	}

	/**
	 * The deals closed in a period: counts and values of won and lost ones, and the days
	 * the won ones took (null without won deals).
	 */
	public record ClosedDeals(long won, long lost, BigDecimal wonValue, BigDecimal lostValue,
			BigDecimal averageDaysToWin, BigDecimal medianDaysToWin) {
	}

}
