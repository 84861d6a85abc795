package kz.prometric.erp.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The subscriptions, in {@code hook_subscription}. */
@Repository
class Subscriptions {

	private static final String COLUMNS = "id, workspace_id, url, event_kinds, secret, description, active, created_at,"
			+ " updated_at";

	private final JdbcTemplate jdbc;

	Subscriptions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Subscription s, UUID createdBy) {
		this.jdbc.update(
				"""
						insert into hook_subscription (id, workspace_id, url, event_kinds, secret, description, active, created_by,
						                               created_at, updated_at, version)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
						""",
				s.id(), s.workspaceId(), s.url(), s.events().toArray(String[]::new), s.secret(), s.description(),
				s.active(), createdBy, Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()));
	}

	void update(Subscription s) {
		this.jdbc.update("""
				update hook_subscription set url = ?, event_kinds = ?, secret = ?, description = ?, active = ?,
				       updated_at = ?, version = version + 1
				where id = ? and workspace_id = ?
				""", s.url(), s.events().toArray(String[]::new), s.secret(), s.description(), s.active(),
				Timestamp.from(s.updatedAt()), s.id(), s.workspaceId());
	}

	boolean delete(UUID workspaceId, UUID id) {
		return this.jdbc.update("delete from hook_subscription where id = ? and workspace_id = ?", id,
				workspaceId) == 1;
	}

	/** The subscription in the workspace, locked for a change when {@code forUpdate}. */
	Optional<Subscription> find(UUID workspaceId, UUID id, boolean forUpdate) {
		return this.jdbc
			.query("select " + COLUMNS + " from hook_subscription where id = ? and workspace_id = ?"
					+ (forUpdate ? " for update" : ""), Subscriptions::map, id, workspaceId)
			.stream()
			.findFirst();
	}

	List<Subscription> page(UUID workspaceId, int limit, long offset) {
		return this.jdbc.query(
				"select " + COLUMNS
						+ " from hook_subscription where workspace_id = ? order by created_at, id limit ? offset ?",
				Subscriptions::map, workspaceId, limit, offset);
	}

	long count(UUID workspaceId) {
		Long count = this.jdbc.queryForObject("select count(*) from hook_subscription where workspace_id = ?",
				Long.class, workspaceId);
		return (count != null) ? count : 0;
	}

	/** The workspace's active subscriptions to {@code kind} (by name or {@code *}). */
	List<Subscription> activeFor(UUID workspaceId, String kind) {
		return this.jdbc.query(
				"select " + COLUMNS + " from hook_subscription"
						+ " where workspace_id = ? and active and (? = any(event_kinds) or '*' = any(event_kinds))",
				Subscriptions::map, workspaceId, kind);
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		Array kinds = rs.getArray("event_kinds");
		return new Subscription(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getString("url"), List.of((String[]) kinds.getArray()), rs.getString("secret"),
				rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	/** One subscription row. */
	record Subscription(UUID id, UUID workspaceId, String url, List<String> events, String secret, String description,
			boolean active, Instant createdAt, Instant updatedAt) {

		WebhookView view() {
			return new WebhookView(this.id, this.workspaceId, this.url, this.events, this.active, this.description,
					null, this.createdAt, this.updatedAt);
		}

	}

}
