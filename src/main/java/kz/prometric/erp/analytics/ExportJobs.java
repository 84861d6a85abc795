package kz.prometric.erp.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.shared.PageQuery;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The export jobs ({@code analytics_report_export}), the one table analytics reads and
 * writes: its own. Every write that belongs to a running job names the claim's lease
 * token, so a node that lost its lease (it was paused beyond it, and another node took
 * the job over) changes nothing any more and gives up.
 */
@Component
class ExportJobs {

	/** How often a job is started before it counts as failed (a job that kills nodes). */
	static final int MAX_ATTEMPTS = 3;

	private static final String COLUMNS = "id, workspace_id, report, format, parameters, state, progress, rows_written, "
			+ "total_rows, attempts, requested_by, created_at, started_at, finished_at, document_id, file_name, error";

	private final JdbcTemplate jdbc;

	ExportJobs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A job as stored. */
	record Job(UUID id, UUID workspaceId, String report, String format, String parameters, String state, int progress,
			long rowsWritten, Long totalRows, int attempts, UUID requestedBy, Instant createdAt, Instant startedAt,
			Instant finishedAt, UUID documentId, String fileName, String error) {
	}

	/** A job a node has claimed, with the token of its lease. */
	record Claim(UUID id, UUID workspaceId, String report, String format, String parameters, UUID requestedBy,
			int attempts, UUID token) {
	}

	void insert(UUID id, UUID workspaceId, String report, String format, String parameters, UUID requestedBy,
			Instant now) {
		this.jdbc.update("""
				insert into analytics_report_export (id, workspace_id, report, format, parameters, state, requested_by,
				                                     created_at)
				values (?, ?, ?, ?, ?, 'QUEUED', ?, ?)""", id, workspaceId, report, format, parameters, requestedBy,
				Timestamp.from(now));
	}

	/**
	 * Serializes the submissions of one workspace until the transaction ends, so the
	 * limit of active jobs holds under concurrent requests.
	 */
	void lockWorkspace(UUID workspaceId) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))::text",
				"analytics-export:" + workspaceId);
	}

	/** The workspace's queued and running jobs. */
	long active(UUID workspaceId) {
		Long count = this.jdbc.queryForObject("""
				select count(*) from analytics_report_export
				 where workspace_id = ? and state in ('QUEUED', 'RUNNING')""", Long.class, workspaceId);
		return (count != null) ? count : 0;
	}

	Optional<Job> find(UUID workspaceId, UUID id) {
		return this.jdbc
			.query("select " + COLUMNS + " from analytics_report_export where id = ? and workspace_id = ?",
					ExportJobs::job, id, workspaceId)
			.stream()
			.findFirst();
	}

	boolean exists(UUID workspaceId, UUID id) {
		return find(workspaceId, id).isPresent();
	}

	/** A page, newest first unless sorted by createdAt ascending. */
	List<Job> page(UUID workspaceId, PageQuery query, int offset) {
		boolean newestFirst = query.sortProperty() == null || query.direction() == Sort.Direction.DESC;
		int size = query.size();
		String direction = newestFirst ? "desc" : "asc";
		return this.jdbc.query(
				"select " + COLUMNS + " from analytics_report_export where workspace_id = ? " + "order by created_at "
						+ direction + ", id " + direction + " offset ? limit ?",
				ExportJobs::job, workspaceId, offset, size);
	}

	long count(UUID workspaceId) {
		Long count = this.jdbc.queryForObject("select count(*) from analytics_report_export where workspace_id = ?",
				Long.class, workspaceId);
		return (count != null) ? count : 0;
	}

	/**
	 * Jobs whose lease ran out after {@link #MAX_ATTEMPTS} starts fail instead of being
	 * started again; answers them (their requesters are told).
	 */
	List<Job> failExhausted(Instant now) {
		return this.jdbc.query("""
				update analytics_report_export
				   set state = 'FAILED', finished_at = ?, lease_owner = null, lease_until = null,
				       error = 'The export was interrupted ' || attempts || ' times (its node stopped); ask again'
				 where state = 'RUNNING' and lease_until < ? and attempts >= ?
				returning\s""" + COLUMNS, ExportJobs::job, Timestamp.from(now), Timestamp.from(now), MAX_ATTEMPTS);
	}

	/**
	 * Leases up to {@code limit} jobs, oldest first: queued ones, and running ones whose
	 * lease ran out (their node died; they start again from the first row). Each claim
	 * gets a lease token of its own. Rows another node is claiming are skipped.
	 */
	List<Claim> claim(Instant now, int limit, Instant leaseUntil) {
		return this.jdbc.query("""
				update analytics_report_export
				   set state = 'RUNNING', lease_owner = gen_random_uuid(), lease_until = ?, attempts = attempts + 1,
				       started_at = ?, progress = 0, rows_written = 0, total_rows = null
				 where id in (select id from analytics_report_export
				               where state = 'QUEUED' or (state = 'RUNNING' and lease_until < ?)
				               order by created_at, id limit ? for update skip locked)
				returning id, workspace_id, report, format, parameters, requested_by, attempts, lease_owner""",
				(rs, i) -> new Claim(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
						rs.getString("report"), rs.getString("format"), rs.getString("parameters"),
						rs.getObject("requested_by", UUID.class), rs.getInt("attempts"),
						rs.getObject("lease_owner", UUID.class)),
				Timestamp.from(leaseUntil), Timestamp.from(now), Timestamp.from(now), limit);
	}

	/**
	 * Records progress and extends the lease; false when the claim no longer holds it.
	 */
	boolean progress(Claim claim, long rowsWritten, Long totalRows, int progress, Instant leaseUntil) {
		return this.jdbc.update("""
				update analytics_report_export
				   set rows_written = ?, total_rows = ?, progress = ?, lease_until = ?
				 where id = ? and lease_owner = ? and state = 'RUNNING'""", rowsWritten, totalRows, progress,
				Timestamp.from(leaseUntil), claim.id(), claim.token()) == 1;
	}

	/** DONE with its document; false when the claim no longer holds the lease. */
	boolean finish(Claim claim, UUID documentId, String fileName, long rowsWritten, Instant now) {
		return this.jdbc.update("""
				update analytics_report_export
				   set state = 'DONE', progress = 100, rows_written = ?, document_id = ?, file_name = ?,
				       finished_at = ?, lease_owner = null, lease_until = null
				 where id = ? and lease_owner = ? and state = 'RUNNING'""", rowsWritten, documentId, fileName,
				Timestamp.from(now), claim.id(), claim.token()) == 1;
	}

	/** FAILED with the reason; false when the claim no longer holds the lease. */
	boolean fail(Claim claim, String error, Instant now) {
		String reason = (error.length() > 2000) ? error.substring(0, 1999) + "…" : error;
		return this.jdbc.update("""
				update analytics_report_export
				   set state = 'FAILED', error = ?, finished_at = ?, lease_owner = null, lease_until = null
				 where id = ? and lease_owner = ? and state = 'RUNNING'""", reason, Timestamp.from(now), claim.id(),
				claim.token()) == 1;
	}

	/** Finished jobs whose requester was not told (a node died in between). */
	List<Job> unnotified(Instant finishedBefore) {
		return this.jdbc.query("select " + COLUMNS + " from analytics_report_export "
				+ "where state in ('DONE', 'FAILED') and notified_at is null and finished_at < ? "
				+ "order by finished_at limit 100", ExportJobs::job, Timestamp.from(finishedBefore));
	}

	void notified(UUID id, Instant now) {
		this.jdbc.update("update analytics_report_export set notified_at = ? where id = ?", Timestamp.from(now), id);
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		long total = rs.getLong("total_rows");
		Long totalRows = rs.wasNull() ? null : total;
		return new Job(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), rs.getString("report"),
				rs.getString("format"), rs.getString("parameters"), rs.getString("state"), rs.getInt("progress"),
				rs.getLong("rows_written"), totalRows, rs.getInt("attempts"), rs.getObject("requested_by", UUID.class),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getObject("document_id", UUID.class), rs.getString("file_name"), rs.getString("error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp time = rs.getTimestamp(column);
		return (time != null) ? time.toInstant() : null;
	}

}
