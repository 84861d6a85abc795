package kz.prometric.erp.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import kz.prometric.erp.ErpApplication;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerManagement.NewCustomer;
import kz.prometric.erp.crm.CustomerType;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.NewDeal;
import kz.prometric.erp.crm.DealProduct;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.hr.HrManagement.NewEmployee;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.RegisterUser;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.OrganizationView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a durable embedded PostgreSQL under {@code target/bench-data/scale} with a
 * workspace of a million deals (see docs/benchmarks.md, "A million deals"). The
 * application starts in this JVM on that directory (Liquibase and the engine create their
 * schemas), the accounts, organizations and open deals are made through the modules'
 * public APIs (so every open deal has its real deal-lifecycle instance and task), and the
 * closed history — customers, won and lost deals with their lines and change records,
 * orders, invoices with lines, VAT rows and payments, and the order history — is written
 * with {@code INSERT … SELECT generate_series} in one transaction per table. Document
 * numbers continue gaplessly: {@code shared_number_sequence} is set past the generated
 * ones.
 * <p>
 * Properties: {@code scale.deals} (1,000,000, open ones included), {@code scale.open}
 * (open deals made through the API, 5,000), {@code scale.customers} (200,000),
 * {@code scale.orders} (500,000; an order and an invoice per won deal, the rest
 * hand-entered), {@code scale.data} (the data directory). A second workspace gets a
 * thousandth of everything. The logins are written to {@code <data>.properties}.
 */
public final class ScaleDataGenerator {

	static final String PASSWORD = "scale-password";

	static final String OWNER = "owner@scale.prometric.kz";

	static final String MEMBER = "manager@scale.prometric.kz";

	static final String OTHER_OWNER = "owner@other.prometric.kz";

	static final String DEFAULT_DATA = "target/bench-data/scale";

	static final List<String> BULK_TABLES = List.of("crm_customer", "crm_deal", "crm_deal_product", "crm_deal_change",
			"sales_order", "sales_order_line", "sales_order_change", "fin_invoice", "fin_invoice_line",
			"fin_invoice_vat", "fin_payment");

	private ScaleDataGenerator() {
	}

	public static void main(String[] args) throws Exception {
		int deals = Integer.getInteger("scale.deals", 1_000_000);
		int open = Integer.getInteger("scale.open", 5_000);
		int customers = Integer.getInteger("scale.customers", 200_000);
		int orders = Integer.getInteger("scale.orders", 500_000);
		Path data = Path.of(System.getProperty("scale.data", DEFAULT_DATA));
		long start = System.nanoTime();
		// wiped here, not by the embedded PostgreSQL: zonky deletes a data directory it
		// was
		// told to clean also when it closes, and the benchmark needs it afterwards
		if (Files.exists(data)) {
			try (var paths = Files.walk(data)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		ConfigurableApplicationContext context = start(data, false);
		int exit = 0;
		try {
			ScaleDataGenerator.Filler filler = new Filler(context);
			Workspace main = filler.accounts("Scale Trading LLP", "940140000385", OWNER, MEMBER);
			Workspace other = filler.accounts("Other Workspace LLP", "990940003030", OTHER_OWNER, null);
			System.out.printf("accounts and workspaces: %.1f s%n", seconds(start));
			List<String> indexes = filler.dropSecondaryIndexes();
			filler.bulk(main, "A", customers, deals - open, orders);
			filler.bulk(other, "B", Math.max(1, customers / 1000), Math.max(2, (deals - open) / 1000),
					Math.max(1, orders / 1000));
			filler.createIndexes(indexes);
			long openStart = System.nanoTime();
			filler.openDeals(main, "A", open, customers);
			filler.openDeals(other, "B", Math.max(1, open / 1000), Math.max(1, customers / 1000));
			System.out.printf(
					"open deals through DealManagement.create (%d with instances and tasks): %.1f s, %.1f/s%n",
					open + Math.max(1, open / 1000), seconds(openStart), open / seconds(openStart));
			filler.analyze();
			filler.counts(main);
			Files.writeString(Path.of(data + ".properties"), "workspace=" + main.id + "\nother=" + other.id + "\nowner="
					+ OWNER + "\nmember=" + MEMBER + "\notherOwner=" + OTHER_OWNER + "\npassword=" + PASSWORD + "\n");
			System.out.printf("done in %.1f s; logins in %s.properties%n", seconds(start), data);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 1;
		}
		finally {
			context.close();
		}
		System.exit(exit);
	}

	static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/**
	 * The application on the durable data directory (created anew when {@code clean}).
	 */
	static ConfigurableApplicationContext start(Path data, boolean clean, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=" + System.getProperty("scale.port", "0"),
				"--prometric.embedded-postgres.data-directory=" + data, "--prometric.embedded-postgres.durable=true",
				"--prometric.embedded-postgres.clean-data-directory=" + clean, "--prometric.demo.enabled=false",
				"--prometric.security.jwt-secret=benchmark-only-signing-secret-of-at-least-32-bytes",
				"--logging.level.root=WARN", "--logging.level.kz.prometric=WARN"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(ErpApplication.class).run(args.toArray(String[]::new));
	}

	record Workspace(UUID id, UUID organizationId, String name, String bin, UUID ownerId, UUID memberEmployee) {
	}

	static final class Filler {

		private final IdentityManagement identity;

		private final OrganizationManagement organizations;

		private final WorkspaceManagement workspaces;

		private final HrManagement hr;

		private final CustomerManagement customers;

		private final DealManagement deals;

		private final JdbcTemplate jdbc;

		Filler(ConfigurableApplicationContext context) {
			this.identity = context.getBean(IdentityManagement.class);
			this.organizations = context.getBean(OrganizationManagement.class);
			this.workspaces = context.getBean(WorkspaceManagement.class);
			this.hr = context.getBean(HrManagement.class);
			this.customers = context.getBean(CustomerManagement.class);
			this.deals = context.getBean(DealManagement.class);
			this.jdbc = context.getBean(JdbcTemplate.class);
		}

		/**
		 * An owner, his organization and workspace, and (when {@code member} is given) a
		 * manager who is an employee of a Sales department.
		 */
		Workspace accounts(String name, String bin, String owner, String member) {
			UUID ownerId = this.identity.registerVerified(new RegisterUser(owner, PASSWORD, "Owner", name)).id();
			OrganizationView org = this.organizations.create(name, bin, ownerId);
			UUID employee = null;
			if (member != null) {
				UUID memberId = this.identity.registerVerified(new RegisterUser(member, PASSWORD, "Dana", "Manager"))
					.id();
				this.workspaces.acceptInvitation(
						this.workspaces.invite(org.workspaceId(), ownerId, member, WorkspaceRole.MANAGER).id(),
						memberId);
				UUID department = this.hr.createDepartment(org.id(), ownerId, "Sales", null).id();
				employee = this.hr
					.addEmployee(org.id(), ownerId,
							new NewEmployee("Dana Manager", member, "Sales manager", department, WorkspaceRole.MANAGER),
							false)
					.id();
			}
			return new Workspace(org.workspaceId(), org.id(), name, bin, ownerId, employee);
		}

		/**
		 * Open deals (stage NEW) made one by one through {@link DealManagement#create},
		 * on four threads: each starts its deal-lifecycle instance, whose "Qualify deal"
		 * task goes to the owner (even deals) or to the manager they are assigned to
		 * (odd).
		 */
		void openDeals(Workspace ws, String tag, int count, int customerCount) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				done.add(pool.submit(() -> {
					for (int n = next.incrementAndGet(); n <= count; n = next.incrementAndGet()) {
						UUID customer = this.jdbc.queryForObject("select md5(? || 'c' || ?)::uuid", UUID.class, tag,
								1 + n % customerCount);
						BigDecimal price = BigDecimal.valueOf(1000L * (1 + (n * 7L) % 500)).setScale(2);
						BigDecimal quantity = BigDecimal.valueOf(1 + n % 20);
						this.deals.create(ws.id(), ws.ownerId(),
								new NewDeal(customer, "Open deal " + tag + "-" + n + " for store fittings", null, null,
										LocalDate.now().plusDays(10 + n % 90),
										(n % 2 == 1 && ws.memberEmployee() != null) ? ws.memberEmployee() : null,
										List.of(new DealProduct(null, "Installation service", quantity, price,
												BigDecimal.ZERO))));
						if (n % 500 == 0) {
							System.out.printf("    %d open deals%n", n);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			pool.shutdown();
		}

		/**
		 * Customers, closed deals (every second won, the others lost), one order and one
		 * invoice per won deal plus hand-entered orders up to {@code orderCount}.
		 */
		void bulk(Workspace ws, String tag, int customerCount, int dealCount, int orderCount) {
			Map<String, Object> p = Map.of("ws", ws.id(), "tag", tag, "customers", customerCount, "deals", dealCount,
					"orders", orderCount, "owner", ws.ownerId(), "seller", ws.name(), "bin", ws.bin(), "employee",
					(ws.memberEmployee() == null) ? "null::uuid" : "'" + ws.memberEmployee() + "'::uuid");
			run("customers", p,
					"""
							insert into crm_customer (id, workspace_id, type, name, email, phone, address, created_at, updated_at)
							select md5('{tag}c' || n)::uuid, '{ws}',
							       case when n % 3 = 0 then 'INDIVIDUAL' else 'COMPANY' end,
							       (array['Steppe','Altyn','Nomad','Baiterek','Caspian','Tengri','Жибек','Алатау','Sunkar','Kokshe'])[1 + n % 10]
							         || ' ' || (array['Trading','Foods','Bakery','Market','Логистик','Build','Pharma','Textile','Agro','Motors'])[1 + (n / 10) % 10]
							         || ' ' || n,
							       'buyer' || n || '@example.kz', '+7 701 ' || lpad((n % 10000000)::text, 7, '0'),
							       'Almaty, Abai ave. ' || (1 + n % 500),
							       t, t
							  from generate_series(1, {customers}) n,
							       lateral (select timestamptz '2023-01-01 09:00+05' + n * interval '7 minutes' as t) x""");
			// deal n: customer 1 + n % customers; created every ~90 s from 2024 on; even
			// n won,
			// odd n lost; every tenth assigned to the manager
			run("deals", p,
					"""
							insert into crm_deal (id, workspace_id, customer_id, title, value, currency, stage, probability,
							       expected_close_date, actual_close_date, won_at, lost_at, lost_reason, assigned_to,
							       created_by, created_at, updated_at)
							select md5('{tag}d' || n)::uuid, '{ws}', md5('{tag}c' || (1 + n % {customers}))::uuid,
							       (array['Display cabinets','Cold room','Shelving','POS terminals','Витрины','Oven line','Packaging','Service contract'])[1 + n % 8]
							         || ' for ' || (array['Steppe','Altyn','Nomad','Baiterek','Caspian','Tengri','Жибек','Алатау','Sunkar','Kokshe'])[1 + (n / 8) % 10]
							         || ' #' || n,
							       (1 + n % 20) * 1000.00 * (1 + (n * 7) % 500), 'KZT',
							       case when n % 2 = 0 then 'WON' else 'LOST' end, case when n % 2 = 0 then 100 else 0 end,
							       (c + interval '30 days')::date, (c + interval '20 days')::date,
							       case when n % 2 = 0 then c + interval '20 days' end,
							       case when n % 2 = 1 then c + interval '20 days' end,
							       case when n % 2 = 1 then (array['Price too high','Chose a competitor','No budget'])[1 + n % 3] end,
							       case when n % 10 = 1 then {employee} end,
							       '{owner}', c, c + interval '20 days'
							  from generate_series(1, {deals}) n,
							       lateral (select timestamptz '2024-01-01 09:00+05' + n * interval '90 seconds' as c) x""");
			run("deal lines", p,
					"""
							insert into crm_deal_product (deal_id, line_no, product_name, quantity, unit_price, discount_percent)
							select md5('{tag}d' || n)::uuid, 0, 'Equipment and installation', 1 + n % 20, 1000.00 * (1 + (n * 7) % 500), 0
							  from generate_series(1, {deals}) n""");
			run("deal history", p,
					"""
							insert into crm_deal_change (id, deal_id, workspace_id, changed_at, by_user_id, kind, from_value, to_value)
							select md5('{tag}dh' || n || '-' || k)::uuid, md5('{tag}d' || n)::uuid, '{ws}',
							       c + (k - 1) * interval '20 days', '{owner}',
							       case k when 1 then 'CREATED' else case when n % 2 = 0 then 'WON' else 'LOST' end end,
							       case k when 1 then null else 'NEGOTIATION' end,
							       case k when 1 then 'Deal #' || n else case when n % 2 = 0 then 'WON' else 'LOST' end end
							  from generate_series(1, {deals}) n, generate_series(1, 2) k,
							       lateral (select timestamptz '2024-01-01 09:00+05' + n * interval '90 seconds' as c) x""");
			// order k: from won deal 2k while there is one, else hand-entered; placed
			// when
			// the deal was won; numbered per year in order of placing; 70 % paid
			run("orders", p,
					"""
							insert into sales_order (id, workspace_id, order_number, customer_id, deal_id, status, currency, total_amount,
							       carrier, tracking_number, shipped_at, invoice_number, invoice_id, created_by, created_at, updated_at,
							       delivery_address)
							select md5('{tag}o' || k)::uuid, '{ws}',
							       'SO-' || y || '-' || lpad((row_number() over (partition by y order by k))::text, 6, '0'),
							       md5('{tag}c' || (1 + d % {customers}))::uuid,
							       case when 2 * k <= {deals} then md5('{tag}d' || d)::uuid end,
							       case when k % 10 < 7 then 'PAID' else 'INVOICED' end, 'KZT',
							       (1 + d % 20) * 1000.00 * (1 + (d * 7) % 500),
							       'Kazpost', 'KP' || k, t + interval '2 days',
							       'INV-' || y || '-' || lpad((row_number() over (partition by y order by k))::text, 6, '0'),
							       md5('{tag}i' || k)::uuid, '{owner}', t, t + interval '3 days',
							       'Almaty, Abai ave. ' || (1 + (1 + d % {customers}) % 500)
							  from generate_series(1, {orders}) k,
							       lateral (select case when 2 * k <= {deals} then 2 * k else k end as d) dd,
							       lateral (select timestamptz '2024-01-01 09:00+05' + d * interval '90 seconds' + interval '20 days' as t) tt,
							       lateral (select extract(year from t at time zone 'Asia/Almaty')::int as y) yy""");
			run("order lines", p,
					"""
							insert into sales_order_line (order_id, line_no, product_name, quantity, unit_price, discount_percent,
							       unit, price_includes_vat, vat_category)
							select o.id, 0, 'Equipment and installation', o.total_amount / 1000.00 / (1 + (k * 7) % 500), 1000.00 * (1 + (k * 7) % 500), 0,
							       'pcs', false, 'STANDARD'
							  from generate_series(1, {orders}) k
							  join sales_order o on o.id = md5('{tag}o' || k)::uuid"""
						.replace("(k * 7)", "((case when 2 * k <= {deals} then 2 * k else k end) * 7)"));
			run("order history", p,
					"""
							insert into sales_order_change (id, workspace_id, order_id, changed_at, changed_by, action, from_status, to_status)
							select md5('{tag}oh' || o.order_number || s.i)::uuid, '{ws}', o.id, o.created_at + s.i * interval '6 hours',
							       case when s.i = 0 then '{owner}'::uuid end,
							       case when s.i = 0 then 'CREATED' else 'STATUS_CHANGED' end, s.f, s.t
							  from sales_order o
							  join (values (0, null, 'CONFIRMED'), (1, 'CONFIRMED', 'SHIPPED'), (2, 'SHIPPED', 'INVOICED'),
							               (3, 'INVOICED', 'PAID')) s(i, f, t) on s.i < 3 or o.status = 'PAID'
							 where o.workspace_id = '{ws}'""");
			run("invoices", p,
					"""
							insert into fin_invoice (id, workspace_id, kind, number, order_id, customer_id, seller_name, seller_bin,
							       buyer_name, buyer_address, buyer_email, issue_date, turnover_date, due_date, currency, net_total,
							       vat_total, gross_total, paid_total, status, created_at, updated_at, source_document)
							select o.invoice_id, '{ws}', 'INVOICE', o.invoice_number, o.id, o.customer_id, '{seller}', '{bin}',
							       c.name, c.address, c.email, d, d, d + 30, 'KZT', o.total_amount, round(o.total_amount * 0.12, 2),
							       o.total_amount + round(o.total_amount * 0.12, 2),
							       case when o.status = 'PAID' then o.total_amount + round(o.total_amount * 0.12, 2) else 0 end,
							       case when o.status = 'PAID' then 'PAID' else 'ISSUED' end,
							       o.created_at + interval '2 days', o.updated_at, o.order_number
							  from sales_order o
							  join crm_customer c on c.id = o.customer_id,
							       lateral (select (o.created_at at time zone 'Asia/Almaty')::date + 2 as d) dd
							 where o.workspace_id = '{ws}'""");
			run("invoice lines", p,
					"""
							insert into fin_invoice_line (invoice_id, workspace_id, line_no, name, unit, quantity, unit_price,
							       discount_percent, price_includes_vat, vat_category, vat_rate, vat_exempt, amount, net)
							select i.id, '{ws}', 0, l.product_name, 'pcs', l.quantity, l.unit_price, 0, false, 'STANDARD', 12.00, false,
							       i.net_total, i.net_total
							  from fin_invoice i join sales_order_line l on l.order_id = i.order_id and l.line_no = 0
							 where i.workspace_id = '{ws}'""");
			run("invoice VAT", p,
					"""
							insert into fin_invoice_vat (invoice_id, workspace_id, line_no, vat_rate, vat_exempt, taxable_base, vat, gross)
							select i.id, '{ws}', 0, 12.00, false, i.net_total, i.vat_total, i.gross_total
							  from fin_invoice i where i.workspace_id = '{ws}'""");
			run("payments", p,
					"""
							insert into fin_payment (id, workspace_id, invoice_id, amount, paid_on, reference, recorded_by, created_at)
							select md5('{tag}p' || i.number)::uuid, '{ws}', i.id, i.gross_total, i.issue_date + 10,
							       'Bank transfer ' || i.number, '{owner}', i.created_at + interval '10 days'
							  from fin_invoice i where i.workspace_id = '{ws}' and i.status = 'PAID'""");
			run("number sequences", p, """
					insert into shared_number_sequence (workspace_id, series, year, next_value)
					select '{ws}', s.series, s.year, s.taken + 1 from (
					    select 'SO' as series, split_part(order_number, '-', 2)::int as year, count(*) as taken
					      from sales_order where workspace_id = '{ws}' group by 2
					    union all
					    select 'INV', split_part(number, '-', 2)::int, count(*)
					      from fin_invoice where workspace_id = '{ws}' group by 2) s
					on conflict (workspace_id, series, year) do update set next_value = excluded.next_value""");
		}

		/**
		 * Drops the indexes of the bulk-filled tables that back no constraint (the list,
		 * filter and trigram indexes), as a bulk load does: they are built once
		 * afterwards from their own definitions ({@link #createIndexes}) instead of being
		 * updated row by row. Returns the definitions.
		 */
		List<String> dropSecondaryIndexes() {
			List<String> definitions = this.jdbc.queryForList("""
					select i.indexdef from pg_indexes i
					 where i.schemaname = current_schema() and i.tablename = any (?::text[])
					   and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
					 order by i.indexname""", String.class, "{" + String.join(",", BULK_TABLES) + "}");
			for (String definition : definitions) {
				String name = definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2");
				this.jdbc.execute("drop index " + name);
			}
			System.out.printf("  dropped %d secondary indexes for the bulk load%n", definitions.size());
			return definitions;
		}

		void createIndexes(List<String> definitions) {
			long start = System.nanoTime();
			this.jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
				try (var statement = connection.createStatement()) {
					statement.execute("set maintenance_work_mem = '256MB'");
					for (String definition : definitions) {
						statement.execute(definition);
					}
				}
				return null;
			});
			System.out.printf("  %-18s %,10d indexes %8.1f s%n", "indexes rebuilt", definitions.size(), seconds(start));
		}

		private void run(String what, Map<String, Object> parameters, String sql) {
			String text = sql;
			for (Map.Entry<String, Object> e : parameters.entrySet()) {
				text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
			}
			long start = System.nanoTime();
			int rows = this.jdbc.update(text);
			System.out.printf("  %-18s %,10d rows %8.1f s  (%s)%n", what, rows, seconds(start), parameters.get("tag"));
		}

		void analyze() {
			long start = System.nanoTime();
			this.jdbc.execute("vacuum analyze");
			System.out.printf("vacuum analyze: %.1f s%n", seconds(start));
		}

		void counts(Workspace ws) {
			long total = 0;
			for (String table : List.of("crm_customer", "crm_deal", "crm_deal_product", "crm_deal_change",
					"sales_order", "sales_order_line", "sales_order_change", "fin_invoice", "fin_invoice_line",
					"fin_invoice_vat", "fin_payment", "act_ru_execution", "act_ru_task", "act_ru_variable",
					"act_hi_procinst", "act_hi_actinst", "act_hi_varinst")) {
				long rows = this.jdbc.queryForObject("select count(*) from " + table, Long.class);
				total += rows;
				System.out.printf("  %-22s %,12d%n", table, rows);
			}
			System.out.printf("  %-22s %,12d%n", "total", total);
			System.out.println("database size: " + this.jdbc
				.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));
		}

	}

}
