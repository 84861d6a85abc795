package kz.prometric.erp.hr;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.prometric.erp.support.ErpIntegrationTest;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration of existing employees to the new life cycle
 * ({@code db/changelog/hr/002-hr-records.sql}), run for real: a scratch database of the
 * embedded PostgreSQL gets every changeset before it, rows with the old statuses, then
 * the migration itself.
 */
@ErpIntegrationTest
class HrRecordsMigrationTests {

	private static final String MASTER = "db/changelog/db.changelog-master.yaml";

	private static final String MIGRATION = "hr-002-hr-records";

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void migratesTheOldStatusesAndGivesEveryoneAStartDate() throws Exception {
		String name = "hr_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcTemplate server = new JdbcTemplate(this.postgres.getPostgresDatabase());
		server.execute("create database " + name);
		try {
			DataSource scratch = this.postgres.getDatabase("postgres", name);
			try (Connection connection = scratch.getConnection()) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				Liquibase liquibase = new Liquibase(MASTER, new ClassLoaderResourceAccessor(), database);
				List<ChangeSet> changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
				int migration = changeSets.stream().map(ChangeSet::getId).toList().indexOf(MIGRATION);
				assertThat(migration).as("the migration is in the master changelog").isPositive();

				liquibase.update(migration, new Contexts(), new LabelExpression());
				connection.setAutoCommit(true);
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				Rows rows = oldRows(jdbc);
				liquibase.update(1, new Contexts(), new LabelExpression());
				// Liquibase leaves the connection in manual commit; each check below is a
				// statement of its own
				connection.setAutoCommit(true);

				assertThat(jdbc.queryForObject("select count(*) from databasechangelog where id = ?", Integer.class,
						MIGRATION))
					.isEqualTo(1);
				assertMigrated(jdbc, rows);
			}
		}
		finally {
			server.execute("drop database if exists " + name + " with (force)");
		}
	}

	private static void assertMigrated(JdbcTemplate jdbc, Rows rows) {
		Map<String, Object> pending = row(jdbc, rows.pending());
		assertThat(pending.get("status")).isEqualTo("PENDING");
		assertThat(pending.get("activated_at")).isNull();
		assertThat(pending.get("left_at")).isNull();

		Map<String, Object> active = row(jdbc, rows.active());
		assertThat(active.get("status")).isEqualTo("ACTIVE");
		assertThat(((Timestamp) active.get("activated_at")).toInstant()).isEqualTo(rows.updatedAt());

		Map<String, Object> suspended = row(jdbc, rows.suspended());
		assertThat(suspended.get("status")).as("a suspended employee is still employed").isEqualTo("ACTIVE");
		assertThat(((Timestamp) suspended.get("activated_at")).toInstant()).isEqualTo(rows.updatedAt());

		Map<String, Object> terminated = row(jdbc, rows.terminated());
		assertThat(terminated.get("status")).isEqualTo("LEFT");
		assertThat(((Timestamp) terminated.get("left_at")).toInstant()).isEqualTo(rows.updatedAt());
		assertThat(terminated.get("activated_at")).isNull();

		for (UUID id : List.of(rows.pending(), rows.active(), rows.suspended(), rows.terminated())) {
			Map<String, Object> row = row(jdbc, id);
			assertThat(row.get("contract_type")).isEqualTo("PERMANENT");
			assertThat(row.get("probation_months")).isEqualTo(0);
			assertThat(row.get("probation_ends_on")).isNull();
			assertThat(((java.sql.Date) row.get("start_date")).toLocalDate())
				.as("the day it was created, in Almaty (20:00 UTC on Dec 31 is Jan 1 there)")
				.isEqualTo(LocalDate.of(2026, 1, 1));
		}
		assertThatThrownBy(() -> jdbc.update("update hr_employee set status = 'SUSPENDED' where id = ?", rows.active()))
			.as("the old statuses are no longer accepted")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(
				() -> jdbc.update("update hr_employee set contract_type = 'FIXED_TERM' where id = ?", rows.active()))
			.as("a fixed-term contract needs an end date")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	/**
	 * A user, an organization with its workspace and four employees, as before the
	 * migration.
	 */
	private static Rows oldRows(JdbcTemplate jdbc) {
		Instant createdAt = Instant.parse("2025-12-31T20:00:00Z");
		Instant updatedAt = Instant.parse("2026-02-10T08:30:00Z");
		Timestamp created = Timestamp.from(createdAt);
		Timestamp updated = Timestamp.from(updatedAt);
		UUID user = UUID.randomUUID();
		jdbc.update("insert into idn_user (id, email, password_hash, first_name, last_name, status, "
				+ "registration_status, created_at, updated_at) values (?, ?, 'x', 'Old', 'Owner', 'ACTIVE', "
				+ "'COMPLETED', ?, ?)", user, "old-owner@example.kz", created, created);
		UUID organization = UUID.randomUUID();
		jdbc.update("insert into org_organization (id, name, bin, owner_id, created_at, updated_at) "
				+ "values (?, 'Old Company', '940140000385', ?, ?, ?)", organization, user, created, created);
		UUID workspace = UUID.randomUUID();
		jdbc.update("insert into org_workspace (id, name, type, owner_id, organization_id, created_at) "
				+ "values (?, 'Old Company', 'COMPANY', ?, ?, ?)", workspace, user, organization, created);
		Rows rows = new Rows(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), updatedAt);
		Map<UUID, String> statuses = Map.of(rows.pending(), "PENDING", rows.active(), "ACTIVE", rows.suspended(),
				"SUSPENDED", rows.terminated(), "TERMINATED");
		statuses.forEach((id, status) -> jdbc.update(
				"insert into hr_employee (id, organization_id, workspace_id, name, email, organization_role, status, "
						+ "created_at, updated_at) values (?, ?, ?, ?, ?, 'MEMBER', ?, ?, ?)",
				id, organization, workspace, "Old " + status, status.toLowerCase() + "@example.kz", status, created,
				updated));
		assertThatThrownBy(() -> jdbc.update("update hr_employee set status = 'LEFT' where id = ?", rows.active()))
			.as("the old check constraint is still in place before the migration")
			.isInstanceOf(DataIntegrityViolationException.class);
		return rows;
	}

	private static Map<String, Object> row(JdbcTemplate jdbc, UUID id) {
		return jdbc.queryForMap("select * from hr_employee where id = ?", id);
	}

	record Rows(UUID pending, UUID active, UUID suspended, UUID terminated, Instant updatedAt) {
	}

}
