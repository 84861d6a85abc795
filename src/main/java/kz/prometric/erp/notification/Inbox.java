package kz.prometric.erp.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code ntf_notification} table. A row is inserted at most once per recipient and
 * source key, and the same statement calls {@code pg_notify} on {@value #CHANNEL}:
 * PostgreSQL delivers it to every node's listener when the inserting transaction commits,
 * and never when it rolls back.
 */
@Component
class Inbox {

	static final String CHANNEL = "prometric_notifications";

	private static final String COLUMNS = "id, seq, workspace_id, kind, title, body, link, created_at, read_at";

	private static final String INSERT = """
			with inserted as (
			    insert into ntf_notification (id, recipient_id, workspace_id, kind, title, body, link, source_key, created_at)
			    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
			    on conflict (recipient_id, source_key) do nothing
			    returning id, seq, recipient_id, workspace_id)
			select seq, pg_notify('%s', json_build_object('id', id, 'seq', seq, 'recipient', recipient_id,
			    'workspace', workspace_id)::text)
			from inserted"""
		.formatted(CHANNEL);

	private final NamedParameterJdbcTemplate jdbc;

	Inbox(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the notice for the recipient in the caller's transaction, through
	 * {@code jdbc} (this node's, or any other connection to the database); answers the
	 * new row's sequence number, or empty when the recipient already has it.
	 */
	static Optional<Long> insert(JdbcOperations jdbc, UUID recipientId, Notice notice, Instant now) {
		List<Long> seq = jdbc.query(INSERT, (row, i) -> row.getLong(1), UUID.randomUUID(), recipientId,
				notice.workspaceId(), notice.kind().code(), notice.title(), notice.body(), notice.link(),
				notice.sourceKey(), Timestamp.from(now));
		return seq.stream().findFirst();
	}

	Optional<Long> insert(UUID recipientId, Notice notice, Instant now) {
		return insert(this.jdbc.getJdbcOperations(), recipientId, notice, now);
	}

	/** A page of the recipient's notifications in the given workspaces, newest first. */
	List<NotificationView> page(UUID recipientId, Collection<UUID> workspaceIds, boolean unreadOnly,
			boolean newestFirst, int offset, int size) {
		if (workspaceIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				"select " + COLUMNS + " from ntf_notification" + where(unreadOnly) + " order by seq "
						+ (newestFirst ? "desc" : "asc") + " limit :size offset :offset",
				params(recipientId, workspaceIds).addValue("size", size).addValue("offset", offset), Inbox::view);
	}

	long count(UUID recipientId, Collection<UUID> workspaceIds, boolean unreadOnly) {
		if (workspaceIds.isEmpty()) {
			return 0;
		}
		Long count = this.jdbc.queryForObject("select count(*) from ntf_notification" + where(unreadOnly),
				params(recipientId, workspaceIds), Long.class);
		return (count != null) ? count : 0;
	}

	/** The recipient's notification, if it is his and of one of the workspaces. */
	Optional<NotificationView> find(UUID recipientId, Collection<UUID> workspaceIds, UUID id) {
		if (workspaceIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc
			.query("select " + COLUMNS + " from ntf_notification" + where(false) + " and id = :id",
					params(recipientId, workspaceIds).addValue("id", id), Inbox::view)
			.stream()
			.findFirst();
	}

	/** Marks the notification read (once: the first read time stays). */
	void markRead(UUID recipientId, UUID id, Instant now) {
		this.jdbc.update(
				"update ntf_notification set read_at = :now where recipient_id = :recipient and id = :id and read_at is null",
				Map.of("now", Timestamp.from(now), "recipient", recipientId, "id", id));
	}

	int markAllRead(UUID recipientId, Collection<UUID> workspaceIds, Instant now) {
		if (workspaceIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.update("update ntf_notification set read_at = :now" + where(true),
				params(recipientId, workspaceIds).addValue("now", Timestamp.from(now)));
	}

	/**
	 * The recipient's notifications after {@code afterSeq} in the given workspaces,
	 * oldest first, at most {@code limit}: what a stream has not sent yet.
	 */
	List<NotificationView> after(UUID recipientId, Collection<UUID> workspaceIds, long afterSeq, int limit) {
		if (workspaceIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				"select " + COLUMNS + " from ntf_notification" + where(false)
						+ " and seq > :after order by seq limit :limit",
				params(recipientId, workspaceIds).addValue("after", afterSeq).addValue("limit", limit), Inbox::view);
	}

	/** The recipient's newest sequence number (0 when he has none). */
	long lastSeq(UUID recipientId) {
		Long seq = this.jdbc.queryForObject(
				"select coalesce(max(seq), 0) from ntf_notification where recipient_id = :recipient",
				Map.of("recipient", recipientId), Long.class);
		return (seq != null) ? seq : 0;
	}

	/**
	 * The sequence number just before the recipient's newest {@code count} notifications
	 * (0 when he has no more than that).
	 */
	long seqBeforeNewest(UUID recipientId, int count) {
		return this.jdbc
			.queryForList("select seq from ntf_notification where recipient_id = :recipient order by seq desc "
					+ "offset :count limit 1", Map.of("recipient", recipientId, "count", count), Long.class)
			.stream()
			.findFirst()
			.orElse(0L);
	}

	private static String where(boolean unreadOnly) {
		return " where recipient_id = :recipient and workspace_id in (:workspaces)"
				+ (unreadOnly ? " and read_at is null" : "");
	}

	private static MapSqlParameterSource params(UUID recipientId, Collection<UUID> workspaceIds) {
		return new MapSqlParameterSource("recipient", recipientId).addValue("workspaces", workspaceIds);
	}

	private static NotificationView view(ResultSet row, int i) throws SQLException {
		Timestamp read = row.getTimestamp("read_at");
		return new NotificationView(row.getObject("id", UUID.class), row.getLong("seq"),
				row.getObject("workspace_id", UUID.class), row.getString("kind"), row.getString("title"),
				row.getString("body"), row.getString("link"), row.getTimestamp("created_at").toInstant(),
				(read != null) ? read.toInstant() : null);
	}

}
