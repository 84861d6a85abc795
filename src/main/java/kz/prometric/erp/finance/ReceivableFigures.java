package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers owe, for the analytics reports: aggregates summed by the database over
 * the workspace's invoices. No access check: the caller (the analytics module) has
 * checked that the caller belongs to the workspace.
 * <p>
 * <b>Balance as of a date.</b> An invoice issued on or before the date is open by its
 * gross total, less its payments dated ({@code paidOn}) on or before the date, less the
 * gross of its credit notes issued on or before the date; it counts when that balance is
 * more than 0. <b>Buckets</b> by the days past due, {@code asOf − dueDate}: CURRENT ≤ 0
 * (not yet due, or due that very day), then 1–30, 31–60, 61–90 and over 90 (91 and more).
 * An invoice due on 1 March is thus CURRENT on 1 March, in 1–30 from 2 to 31 March, in
 * 31–60 from 1 April.
 */
@Service
public class ReceivableFigures {

	private final JdbcTemplate jdbc;

	ReceivableFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The open balances as of {@code asOf} per customer and bucket, customers by total
	 * owed, largest first.
	 */
	@Transactional(readOnly = true)
	public List<CustomerAging> agingByCustomer(UUID workspaceId, LocalDate asOf) {
		return this.jdbc.query(
				"""
						with balances as (
						    select i.customer_id, i.buyer_name, i.issue_date, i.created_at, cast(? as date) - i.due_date days_past_due,
						           i.gross_total
						           - coalesce((select sum(p.amount) from fin_payment p
						                        where p.invoice_id = i.id and p.workspace_id = i.workspace_id
						                          and p.paid_on <= ?), 0)
						           + coalesce((select sum(c.gross_total) from fin_invoice c
						                        where c.original_invoice_id = i.id and c.workspace_id = i.workspace_id
						                          and c.kind = 'CREDIT_NOTE' and c.issue_date <= ?), 0) balance
						      from fin_invoice i
						     where i.workspace_id = ? and i.kind = 'INVOICE' and i.issue_date <= ?
						)
						select customer_id, (array_agg(buyer_name order by issue_date desc, created_at desc))[1] customer_name,
						       count(*) invoices,
						       coalesce(sum(balance) filter (where days_past_due <= 0), 0) current_amount,
						       count(*) filter (where days_past_due <= 0) current_count,
						       coalesce(sum(balance) filter (where days_past_due between 1 and 30), 0) d1_30,
						       count(*) filter (where days_past_due between 1 and 30) d1_30_count,
						       coalesce(sum(balance) filter (where days_past_due between 31 and 60), 0) d31_60,
						       count(*) filter (where days_past_due between 31 and 60) d31_60_count,
						       coalesce(sum(balance) filter (where days_past_due between 61 and 90), 0) d61_90,
						       count(*) filter (where days_past_due between 61 and 90) d61_90_count,
						       coalesce(sum(balance) filter (where days_past_due > 90), 0) over_90,
						       count(*) filter (where days_past_due > 90) over_90_count,
						       sum(balance) total
						  from balances
						 where balance > 0
						 group by customer_id
						 order by sum(balance) desc, 2, 1
						""",
				(rs, i) -> new CustomerAging(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
						new Buckets(bucket(rs.getBigDecimal("current_amount"), rs.getLong("current_count")),
								bucket(rs.getBigDecimal("d1_30"), rs.getLong("d1_30_count")),
								bucket(rs.getBigDecimal("d31_60"), rs.getLong("d31_60_count")),
								bucket(rs.getBigDecimal("d61_90"), rs.getLong("d61_90_count")),
								bucket(rs.getBigDecimal("over_90"), rs.getLong("over_90_count")),
								bucket(rs.getBigDecimal("total"), rs.getLong("invoices")))),
				asOf, asOf, asOf, workspaceId, asOf);
	}

	private static Bucket bucket(BigDecimal amount, long invoices) {
		return new Bucket(amount.setScale(2), invoices);
	}

	/** An amount owed (KZT) and the number of invoices it is owed on. */
	public record Bucket(BigDecimal amount, long invoices) {

		/** This and {@code other} together. */
		public Bucket plus(Bucket other) {
			return new Bucket(this.amount.add(other.amount), this.invoices + other.invoices);
		}

	}

	/** The five buckets and their total. */
	public record Buckets(Bucket current, Bucket days1To30, Bucket days31To60, Bucket days61To90, Bucket over90,
			Bucket total) {

		/** Bucket by bucket, this and {@code other} together. */
		public Buckets plus(Buckets other) {
			return new Buckets(this.current.plus(other.current), this.days1To30.plus(other.days1To30),
					this.days31To60.plus(other.days31To60), this.days61To90.plus(other.days61To90),
					this.over90.plus(other.over90), this.total.plus(other.total));
		}

		/** No amount in any bucket. */
		public static Buckets none() {
			Bucket zero = new Bucket(BigDecimal.ZERO.setScale(2), 0);
			return new Buckets(zero, zero, zero, zero, zero, zero);
		}

	}

	/** What one customer owes, by bucket. */
	public record CustomerAging(UUID customerId, String customerName, Buckets buckets) {
	}

}
