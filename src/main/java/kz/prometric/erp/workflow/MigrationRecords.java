package kz.prometric.erp.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.workflow.ProcessMigrations.Definition;
import kz.prometric.erp.workflow.ProcessMigrations.InstanceReport;
import kz.prometric.erp.workflow.ProcessMigrations.Mode;
import kz.prometric.erp.workflow.ProcessMigrations.State;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit of process migrations ({@code wf_process_migration}): one row per executed or
 * refused migration, written in the migration's transaction.
 */
@Component
class MigrationRecords {

	private static final String COLUMNS = "id, workspace_id, process_key, source_definition_ids, target_definition_id, "
			+ "actor_user_id, mode, state, started_at, finished_at, total, migrated, failed, batch_ids, report";

	private final JdbcTemplate jdbc;

	private final ObjectMapper mapper;

	MigrationRecords(JdbcTemplate jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	void insert(Row row) {
		this.jdbc.update(
				"insert into wf_process_migration (" + COLUMNS
						+ ") values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
				row.id(), row.workspaceId(), row.processKey(), json(row.sourceDefinitionIds()),
				row.targetDefinitionId(), row.actorUserId(), row.mode().name(), row.state().name(),
				Timestamp.from(row.startedAt()), (row.finishedAt() != null) ? Timestamp.from(row.finishedAt()) : null,
				row.total(), row.migrated(), row.failed(), json(row.batchIds()), json(row.report()));
	}

	/** What a read of a running migration found out: its state, counts and report. */
	void update(Row row) {
		this.jdbc.update(
				"update wf_process_migration set state = ?, finished_at = ?, migrated = ?, failed = ?, "
						+ "report = ?::jsonb where id = ? and workspace_id = ?",
				row.state().name(), (row.finishedAt() != null) ? Timestamp.from(row.finishedAt()) : null,
				row.migrated(), row.failed(), json(row.report()), row.id(), row.workspaceId());
	}

	Optional<Row> find(UUID workspaceId, UUID id) {
		return this.jdbc
			.query("select " + COLUMNS + " from wf_process_migration where workspace_id = ? and id = ?", this::row,
					workspaceId, id)
			.stream()
			.findFirst();
	}

	/** The workspace's migrations of the key that have not finished yet. */
	List<Row> open(UUID workspaceId, String processKey) {
		return this.jdbc.query(
				"select " + COLUMNS + " from wf_process_migration where workspace_id = ? "
						+ "and process_key = ? and state in ('RUNNING', 'INCOMPLETE') and finished_at is null",
				this::row, workspaceId, processKey);
	}

	List<Row> page(UUID workspaceId, int offset, int size) {
		return this.jdbc.query("select " + COLUMNS + " from wf_process_migration where workspace_id = ? "
				+ "order by started_at desc, id desc offset ? limit ?", this::row, workspaceId, offset, size);
	}

	long count(UUID workspaceId) {
		Long count = this.jdbc.queryForObject("select count(*) from wf_process_migration where workspace_id = ?",
				Long.class, workspaceId);
		return (count != null) ? count : 0;
	}

	/**
	 * Serializes the migrations of one workspace and key: held until the transaction
	 * ends.
	 */
	void lock(UUID workspaceId, String processKey) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))",
				"wf_process_migration:" + workspaceId + ":" + processKey);
	}

	private Row row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getString("process_key"), read(rs.getString("source_definition_ids"), new TypeReference<>() {
				}), rs.getString("target_definition_id"), rs.getObject("actor_user_id", UUID.class),
				Mode.valueOf(rs.getString("mode")), State.valueOf(rs.getString("state")),
				rs.getTimestamp("started_at").toInstant(), (finished != null) ? finished.toInstant() : null,
				rs.getInt("total"), rs.getInt("migrated"), rs.getInt("failed"),
				read(rs.getString("batch_ids"), new TypeReference<>() {
				}), read(rs.getString("report"), new TypeReference<>() {
				}));
	}

	private String json(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write a migration record", ex);
		}
	}

	private <T> T read(String json, TypeReference<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot read a migration record", ex);
		}
	}

	/** One row of {@code wf_process_migration}. */
	record Row(UUID id, UUID workspaceId, String processKey, List<String> sourceDefinitionIds,
			String targetDefinitionId, UUID actorUserId, Mode mode, State state, Instant startedAt, Instant finishedAt,
			int total, int migrated, int failed, List<String> batchIds, Report report) {

		Row with(State state, Instant finishedAt, int migrated, int failed, Report report) {
			return new Row(this.id, this.workspaceId, this.processKey, this.sourceDefinitionIds,
					this.targetDefinitionId, this.actorUserId, this.mode, state, this.startedAt, finishedAt, this.total,
					migrated, failed, this.batchIds, report);
		}

	}

	/**
	 * The descriptive part, kept as JSON: the definitions and the per-instance report.
	 */
	record Report(Definition target, List<Definition> sources, List<InstanceReport> instances) {
	}

}
