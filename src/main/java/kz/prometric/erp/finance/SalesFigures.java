package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales as finance records them, for the analytics reports: aggregates summed by the
 * database over the workspace's issued documents. No access check: the caller (the
 * analytics module) has checked that the caller belongs to the workspace.
 * <p>
 * <b>What a sale is.</b> An invoice is issued when it is created (there is no draft and
 * no cancelled status: an issued invoice is reversed only by credit notes), so every
 * invoice counts on its issue date, and every credit note subtracts on its own issue date
 * (its totals and lines are negative). Payments do not matter: a sale is what was
 * invoiced, paid or not. Amounts are the documents' net (without VAT), VAT and gross
 * totals in KZT; per product the invoice lines' net and quantity (a line's net is rounded
 * per line, so per-product nets may differ by a tiyn from the documents' net totals).
 */
@Service
public class SalesFigures {

	private final JdbcTemplate jdbc;

	SalesFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sales per period from {@code from} to {@code to} (issue dates, both included),
	 * every period of the range in order, zero when nothing was issued in it. A period is
	 * labelled by its first day: the day, the Monday of its ISO week, or the first of its
	 * month; the first and last periods count only their days within the range.
	 */
	@Transactional(readOnly = true)
	public List<PeriodSales> byPeriod(UUID workspaceId, LocalDate from, LocalDate to, Grouping grouping) {
		Map<LocalDate, PeriodSales> rows = new HashMap<>();
		this.jdbc.query("""
				select date_trunc(?, issue_date::timestamp)::date period,
				       count(*) filter (where kind = 'INVOICE') invoices,
				       count(*) filter (where kind = 'CREDIT_NOTE') credit_notes,
				       sum(net_total) net, sum(vat_total) vat, sum(gross_total) gross
				  from fin_invoice
				 where workspace_id = ? and issue_date between ? and ?
				 group by 1
				""", rs -> {
			LocalDate period = rs.getObject("period", LocalDate.class);
			rows.put(period, new PeriodSales(period, rs.getLong("invoices"), rs.getLong("credit_notes"),
					money(rs.getBigDecimal("net")), money(rs.getBigDecimal("vat")), money(rs.getBigDecimal("gross"))));
		}, grouping.name().toLowerCase(Locale.ROOT), workspaceId, from, to);
		List<PeriodSales> periods = new ArrayList<>();
		for (LocalDate period = grouping.startOf(from); !period.isAfter(to); period = grouping.next(period)) {
			periods.add(rows.getOrDefault(period, PeriodSales.empty(period)));
		}
		return periods;
	}

	/**
	 * Sales per customer from {@code from} to {@code to} (issue dates, both included),
	 * largest net first; the customer's name is the buyer name of its latest document.
	 */
	@Transactional(readOnly = true)
	public List<CustomerSales> byCustomer(UUID workspaceId, LocalDate from, LocalDate to) {
		return this.jdbc.query("""
				select customer_id, (array_agg(buyer_name order by issue_date desc, created_at desc))[1] customer_name,
				       count(*) filter (where kind = 'INVOICE') invoices,
				       count(*) filter (where kind = 'CREDIT_NOTE') credit_notes,
				       sum(net_total) net, sum(vat_total) vat, sum(gross_total) gross
				  from fin_invoice
				 where workspace_id = ? and issue_date between ? and ?
				 group by customer_id
				 order by sum(net_total) desc, 2, 1
				""",
				(rs, i) -> new CustomerSales(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
						rs.getLong("invoices"), rs.getLong("credit_notes"), money(rs.getBigDecimal("net")),
						money(rs.getBigDecimal("vat")), money(rs.getBigDecimal("gross"))),
				workspaceId, from, to);
	}

	/**
	 * Sales per product from {@code from} to {@code to} (issue dates, both included): the
	 * invoice lines' quantity and net, credit note lines subtracting, largest net first.
	 * Lines without a catalogue product are grouped by their name ({@code productId}
	 * null); a product's name is that of its latest line.
	 */
	@Transactional(readOnly = true)
	public List<ProductSales> byProduct(UUID workspaceId, LocalDate from, LocalDate to) {
		return this.jdbc.query("""
				select l.product_id, (array_agg(l.name order by i.issue_date desc, i.created_at desc))[1] product_name,
				       sum(l.quantity) quantity, sum(l.net) net
				  from fin_invoice i
				  join fin_invoice_line l on l.invoice_id = i.id
				 where i.workspace_id = ? and l.workspace_id = i.workspace_id and i.issue_date between ? and ?
				 group by l.product_id, case when l.product_id is null then l.name end
				 order by sum(l.net) desc, 2
				""",
				(rs, i) -> new ProductSales(rs.getObject("product_id", UUID.class), rs.getString("product_name"),
						rs.getBigDecimal("quantity").setScale(3, RoundingMode.HALF_UP), money(rs.getBigDecimal("net"))),
				workspaceId, from, to);
	}

	private static BigDecimal money(BigDecimal sum) {
		return ((sum != null) ? sum : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

	/** How sales are grouped in time. */
	public enum Grouping {

		/** By issue date. */
		DAY,
		/** By ISO week, Monday to Sunday, labelled by its Monday. */
		WEEK,
		/** By calendar month, labelled by its first day. */
		MONTH;

		/** The first day of the period {@code date} is in. */
		public LocalDate startOf(LocalDate date) {
			return switch (this) {
				case DAY -> date;
				case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> date.withDayOfMonth(1);
			};
		}

		/** The first day of the period after the one that starts on {@code start}. */
		public LocalDate next(LocalDate start) {
			return switch (this) {
				case DAY -> start.plusDays(1);
				case WEEK -> start.plusWeeks(1);
				case MONTH -> start.plusMonths(1);
			};
		}

	}

	/**
	 * The documents issued in one period: how many invoices and credit notes, and their
	 * net, VAT and gross totals (credit notes subtracted).
	 */
	public record PeriodSales(LocalDate period, long invoices, long creditNotes, BigDecimal net, BigDecimal vat,
			BigDecimal gross) {

		static PeriodSales empty(LocalDate period) {
			BigDecimal zero = BigDecimal.ZERO.setScale(2);
			return new PeriodSales(period, 0, 0, zero, zero, zero);
		}

	}

	/** The documents issued to one customer. */
	public record CustomerSales(UUID customerId, String customerName, long invoices, long creditNotes, BigDecimal net,
			BigDecimal vat, BigDecimal gross) {
	}

	/** The lines of one product (or of one name, without a product). */
	public record ProductSales(UUID productId, String productName, BigDecimal quantity, BigDecimal net) {
	}

}
