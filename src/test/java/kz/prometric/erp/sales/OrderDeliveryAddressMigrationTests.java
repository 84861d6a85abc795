package kz.prometric.erp.sales;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
 * The migration that gives orders their own delivery address
 * ({@code db/changelog/sales/005-order-delivery-address.sql}), run for real: a scratch
 * database of the embedded PostgreSQL gets every changeset before it, orders of a
 * customer with an address and of one without, then the migration itself.
 */
@ErpIntegrationTest
class OrderDeliveryAddressMigrationTests {

	private static final String MASTER = "db/changelog/db.changelog-master.yaml";

	private static final String MIGRATION = "sales-005-order-delivery-address";

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void givesExistingOrdersTheirCustomersCurrentAddress() throws Exception {
		String name = "sales_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
				connection.setAutoCommit(true);

				assertThat(address(jdbc, rows.addressed())).isEqualTo("Almaty, Abay 10");
				assertThat(address(jdbc, rows.secondAddressed())).isEqualTo("Almaty, Abay 10");
				assertThat(address(jdbc, rows.unaddressed())).as("nothing known").isNull();
				assertThat(address(jdbc, rows.blank())).as("a blank address is none").isNull();
				// the history takes the new kind of entry, and nothing else
				jdbc.update(
						"insert into sales_order_change (id, workspace_id, order_id, changed_at, action, "
								+ "from_status, to_status, detail) values (?, ?, ?, now(), 'DELIVERY_ADDRESS_CHANGED', "
								+ "'PENDING', 'PENDING', 'a \u2192 b')",
						UUID.randomUUID(), rows.workspace(), rows.addressed());
				assertThatThrownBy(() -> jdbc.update(
						"insert into sales_order_change (id, workspace_id, order_id, changed_at, action, to_status) "
								+ "values (?, ?, ?, now(), 'MOVED', 'PENDING')",
						UUID.randomUUID(), rows.workspace(), rows.addressed()))
					.isInstanceOf(DataIntegrityViolationException.class);
			}
		}
		finally {
			server.execute("drop database if exists " + name + " with (force)");
		}
	}

	private static String address(JdbcTemplate jdbc, UUID order) {
		return jdbc.queryForObject("select delivery_address from sales_order where id = ?", String.class, order);
	}

	/** A workspace with customers and their orders, as before the migration. */
	private static Rows oldRows(JdbcTemplate jdbc) {
		Timestamp created = Timestamp.from(Instant.parse("2026-02-10T08:30:00Z"));
		UUID user = UUID.randomUUID();
		jdbc.update("insert into idn_user (id, email, password_hash, first_name, last_name, status, "
				+ "registration_status, created_at, updated_at) values (?, ?, 'x', 'Old', 'Owner', 'ACTIVE', "
				+ "'COMPLETED', ?, ?)", user, "old-seller@example.kz", created, created);
		UUID workspace = UUID.randomUUID();
		jdbc.update("insert into org_workspace (id, name, type, owner_id, created_at) "
				+ "values (?, 'Old Seller', 'PERSONAL', ?, ?)", workspace, user, created);
		UUID addressed = customer(jdbc, workspace, "Almaty, Abay 10", created);
		UUID unaddressed = customer(jdbc, workspace, null, created);
		UUID blankAddress = customer(jdbc, workspace, "  ", created);
		Rows rows = new Rows(workspace, order(jdbc, workspace, addressed, 1, created),
				order(jdbc, workspace, addressed, 2, created), order(jdbc, workspace, unaddressed, 3, created),
				order(jdbc, workspace, blankAddress, 4, created));
		assertThatThrownBy(() -> jdbc.update(
				"insert into sales_order_change (id, workspace_id, order_id, changed_at, action, to_status) "
						+ "values (?, ?, ?, now(), 'DELIVERY_ADDRESS_CHANGED', 'PENDING')",
				UUID.randomUUID(), workspace, rows.addressed()))
			.as("the old check constraint is in place before the migration")
			.isInstanceOf(DataIntegrityViolationException.class);
		return rows;
	}

	private static UUID customer(JdbcTemplate jdbc, UUID workspace, String address, Timestamp created) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"insert into crm_customer (id, workspace_id, type, name, address, created_at, updated_at) "
						+ "values (?, ?, 'COMPANY', ?, ?, ?, ?)",
				id, workspace, "Customer " + id, address, created, created);
		return id;
	}

	private static UUID order(JdbcTemplate jdbc, UUID workspace, UUID customer, int number, Timestamp created) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"insert into sales_order (id, workspace_id, order_number, customer_id, status, currency, "
						+ "total_amount, created_at, updated_at) values (?, ?, ?, ?, 'PENDING', 'KZT', 100.00, ?, ?)",
				id, workspace, "SO-2026-00000" + number, customer, created, created);
		return id;
	}

	record Rows(UUID workspace, UUID addressed, UUID secondAddressed, UUID unaddressed, UUID blank) {
	}

}
