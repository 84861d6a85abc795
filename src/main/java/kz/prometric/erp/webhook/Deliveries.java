package kz.prometric.erp.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery outbox ({@code hook_delivery}, one row per event and subscription) and its
 * attempts ({@code hook_delivery_attempt}). A worker claims due rows by setting a lease
 * ({@code locked_until}, {@code lease_token}) in one short statement, sends outside any
 * transaction, then records the outcome if it still holds the lease; a row whose lease
 * ran out (its node died while sending) is due again.
 */
@Repository
class Deliveries {

	static final String PENDING = "PENDING";

	static final String DELIVERED = "DELIVERED";

	static final String FAILED = "FAILED";

	private static final String VIEW_COLUMNS = "id, subscription_id, event_id, event_kind, occurred_at, status,"
			+ " attempts, next_attempt_at, last_status_code, last_error, delivered_at, created_at";

	private final JdbcTemplate jdbc;

	Deliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the event for the subscription; false when it is already there. */
	boolean enqueue(UUID workspaceId, UUID subscriptionId, UUID eventId, String kind, Instant occurredAt, String body,
			Instant now, Instant expiresAt) {
		return this.jdbc.update("""
				insert into hook_delivery (id, workspace_id, subscription_id, event_id, event_kind, occurred_at, body,
				                           status, attempts, next_attempt_at, expires_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
				on conflict (subscription_id, event_id) do nothing
				""", UUID.randomUUID(), workspaceId, subscriptionId, eventId, kind, Timestamp.from(occurredAt), body,
				Timestamp.from(now), Timestamp.from(expiresAt), Timestamp.from(now)) == 1;
	}

	/**
	 * Marks FAILED the pending rows whose day is over (never attempted in time: the
	 * subscription was off, or no node ran) and that nobody holds.
	 */
	int expire(Instant now) {
		return this.jdbc.update("""
				update hook_delivery set status = 'FAILED', locked_until = null, lease_token = null
				where status = 'PENDING' and expires_at <= ? and (locked_until is null or locked_until <= ?)
				""", Timestamp.from(now), Timestamp.from(now));
	}

	/**
	 * Leases up to {@code limit} due rows of active subscriptions until
	 * {@code leaseUntil}: one statement, rows locked by another claim are skipped, so two
	 * nodes never claim the same row.
	 */
	List<Claim> claimDue(Instant now, int limit, Instant leaseUntil, UUID token) {
		return this.jdbc.query("""
				update hook_delivery d set locked_until = ?, lease_token = ?
				from hook_subscription s
				where s.id = d.subscription_id and d.id in (
				    select d2.id from hook_delivery d2 join hook_subscription s2 on s2.id = d2.subscription_id
				    where d2.status = 'PENDING' and d2.next_attempt_at <= ? and d2.expires_at > ? and s2.active
				      and (d2.locked_until is null or d2.locked_until <= ?)
				    order by d2.next_attempt_at
				    limit ?
				    for update of d2 skip locked)
				returning d.id, d.event_id, d.event_kind, d.body, d.attempts, d.expires_at, s.url, s.secret
				""", Deliveries::claim, Timestamp.from(leaseUntil), token, Timestamp.from(now), Timestamp.from(now),
				Timestamp.from(now), limit);
	}

	/**
	 * Leases one row of the subscription whatever its status (a manual redelivery); empty
	 * when it does not exist or another attempt holds it.
	 */
	Optional<Claim> claimOne(UUID subscriptionId, UUID deliveryId, Instant now, Instant leaseUntil, UUID token) {
		return this.jdbc
			.query("""
					update hook_delivery d set locked_until = ?, lease_token = ?
					from hook_subscription s
					where s.id = d.subscription_id and d.id = ? and d.subscription_id = ?
					  and (d.locked_until is null or d.locked_until <= ?)
					returning d.id, d.event_id, d.event_kind, d.body, d.attempts, d.expires_at, s.url, s.secret
					""", Deliveries::claim, Timestamp.from(leaseUntil), token, deliveryId, subscriptionId,
					Timestamp.from(now))
			.stream()
			.findFirst();
	}

	void recordAttempt(UUID deliveryId, Instant at, Integer statusCode, String error, long durationMillis,
			boolean manual) {
		this.jdbc.update(
				"""
						insert into hook_delivery_attempt (id, delivery_id, attempted_at, status_code, error, duration_ms, manual)
						values (?, ?, ?, ?, ?, ?, ?)
						""",
				UUID.randomUUID(), deliveryId, Timestamp.from(at), statusCode, error, durationMillis, manual);
	}

	/**
	 * The outcome of an attempt, if {@code token} still holds the lease: the new status,
	 * the attempt count and the next due time; the lease ends.
	 */
	boolean finish(UUID deliveryId, UUID token, String status, int attempts, Instant nextAttemptAt, Integer statusCode,
			String error, Instant deliveredAt) {
		return this.jdbc.update("""
				update hook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,
				       last_error = ?, delivered_at = coalesce(?, delivered_at), locked_until = null, lease_token = null
				where id = ? and lease_token = ?
				""", status, attempts, Timestamp.from(nextAttemptAt), statusCode, error,
				(deliveredAt != null) ? Timestamp.from(deliveredAt) : null, deliveryId, token) == 1;
	}

	/** Ends a lease without changing the row (a manual attempt that did not succeed). */
	boolean release(UUID deliveryId, UUID token, Integer statusCode, String error) {
		return this.jdbc.update("""
				update hook_delivery set last_status_code = ?, last_error = ?, locked_until = null, lease_token = null
				where id = ? and lease_token = ?
				""", statusCode, error, deliveryId, token) == 1;
	}

	List<DeliveryView> page(UUID subscriptionId, String status, int limit, long offset) {
		return this.jdbc.query("select " + VIEW_COLUMNS + " from hook_delivery where subscription_id = ?"
				+ " and (cast(? as varchar) is null or status = ?) order by created_at desc, id desc limit ? offset ?",
				(rs, row) -> view(rs, List.of()), subscriptionId, status, status, limit, offset);
	}

	long count(UUID subscriptionId, String status) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from hook_delivery where subscription_id = ?"
						+ " and (cast(? as varchar) is null or status = ?)",
				Long.class, subscriptionId, status, status);
		return (count != null) ? count : 0;
	}

	Optional<DeliveryView> find(UUID subscriptionId, UUID deliveryId) {
		List<DeliveryView.Attempt> attempts = this.jdbc.query("""
				select attempted_at, status_code, error, duration_ms, manual from hook_delivery_attempt
				where delivery_id = ? order by attempted_at, id
				""",
				(rs, row) -> new DeliveryView.Attempt(rs.getTimestamp("attempted_at").toInstant(),
						(Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms"),
						rs.getBoolean("manual")),
				deliveryId);
		return this.jdbc
			.query("select " + VIEW_COLUMNS + " from hook_delivery where id = ? and subscription_id = ?",
					(rs, row) -> view(rs, attempts), deliveryId, subscriptionId)
			.stream()
			.findFirst();
	}

	private static DeliveryView view(ResultSet rs, List<DeliveryView.Attempt> attempts) throws SQLException {
		return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
				rs.getObject("event_id", UUID.class), rs.getString("event_kind"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("status"), rs.getInt("attempts"),
				PENDING.equals(rs.getString("status")) ? rs.getTimestamp("next_attempt_at").toInstant() : null,
				(Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
				instant(rs.getTimestamp("delivered_at")), rs.getTimestamp("created_at").toInstant(), attempts);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Claim claim(ResultSet rs, int row) throws SQLException {
		return new Claim(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("event_kind"), rs.getString("body"), rs.getInt("attempts"),
				rs.getTimestamp("expires_at").toInstant(), rs.getString("url"), rs.getString("secret"));
	}

	/** A leased row with what sending it needs. */
	record Claim(UUID id, UUID eventId, String eventKind, String body, int attempts, Instant expiresAt, String url,
			String secret) {
	}

}
