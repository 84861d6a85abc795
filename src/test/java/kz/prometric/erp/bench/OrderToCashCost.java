package kz.prometric.erp.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import kz.prometric.erp.ErpApplication;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one order-to-cash deal costs: runs the benchmark's ERP client
 * ({@link OrderToCashBenchmark.ErpDriver}) and its bare-engine driver
 * ({@link OrderToCashBenchmark.BareDriver}), both unchanged, for {@code N} deals each on
 * a durable embedded PostgreSQL with {@code pg_stat_statements}, and prints per deal the
 * CPU time of this JVM and of its PostgreSQL server (all its processes), the transactions
 * committed and the statements executed, then the statements that cost the ERP the most.
 * CPU time per deal is what a 2-core machine running clients, application and database
 * spends, so its ratio bare ÷ ERP predicts the throughput ratio of
 * {@link OrderToCashBenchmark} while staying steady when other programs load the machine
 * (they change wall time, not the CPU time this work needs); docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=kz.prometric.erp.bench.OrderToCashCost \
 *   -Dexec.classpathScope=test -Dbench.deals=100 -Dbench.clients=4
 * </pre>
 */
public final class OrderToCashCost {

	private static Path dataDirectory;

	private OrderToCashCost() {
	}

	public static void main(String[] args) throws Exception {
		int deals = Integer.getInteger("bench.deals", 100);
		int clients = Integer.getInteger("bench.clients", 4);
		int top = Integer.getInteger("bench.top", 40);
		int warmUp = Integer.getInteger("bench.warm-up", deals);
		dataDirectory = Path.of("target/bench-data/cost-" + System.currentTimeMillis()).toAbsolutePath();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ErpApplication.class).run(
				"--server.port=0", "--prometric.embedded-postgres.data-directory=" + dataDirectory,
				"--prometric.embedded-postgres.durable=true", "--prometric.embedded-postgres.clean-data-directory=true",
				"--prometric.embedded-postgres.preload-libraries=pg_stat_statements", "--prometric.demo.enabled=false",
				"--prometric.security.jwt-secret=benchmark-only-signing-secret-of-at-least-32-bytes",
				"--prometric.security.bcrypt-strength=4", "--camunda.bpm.job-execution.enabled=true",
				"--logging.level.root=WARN", "--logging.level.kz.prometric=WARN");
		int exit = 0;
		try {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.execute("create extension if not exists pg_stat_statements");
			String port = context.getEnvironment().getProperty("local.server.port");
			OrderToCashBenchmark.ErpDriver erp = new OrderToCashBenchmark.ErpDriver("http://localhost:" + port);
			erp.setUp();
			OrderToCashBenchmark.run(warmUp, clients, new OrderToCashBenchmark.ErpDriver(erp, new Latencies())::deal);
			Thread.sleep(2000);
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			engine.getRepositoryService()
				.createDeployment()
				.name("bench")
				.addClasspathResource("bench/bare-order-to-cash.bpmn")
				.deploy();
			OrderToCashBenchmark.run(warmUp, clients,
					new OrderToCashBenchmark.BareDriver(engine, erp.workspaceId)::instance);
			Thread.sleep(2000);

			Cost bare = Cost.of(jdbc, () -> OrderToCashBenchmark.run(deals, clients,
					new OrderToCashBenchmark.BareDriver(engine, erp.workspaceId)::instance));
			Thread.sleep(2000);
			jdbc.queryForList("select pg_stat_statements_reset()");
			Cost cost = Cost.of(jdbc, () -> OrderToCashBenchmark.run(deals, clients, erp::deal));
			List<Map<String, Object>> rows = jdbc.queryForList("""
					select calls, total_exec_time, rows, query from pg_stat_statements
					where query not like '%pg_stat_statements%' and query not like '%pg_stat_database%'
					order by calls desc""");
			long statements = rows.stream().mapToLong((row) -> ((Number) row.get("calls")).longValue()).sum();
			double millis = rows.stream()
				.mapToDouble((row) -> ((Number) row.get("total_exec_time")).doubleValue())
				.sum();
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "Cost per deal: N = %d, T = %d, %d cores, load average %.1f%n%n",
					deals, clients, Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
			out.append("| per deal | ERP (REST) | bare engine | ratio bare ÷ ERP |\n| --- | ---: | ---: | ---: |\n");
			row(out, "CPU ms, JVM (clients, application, engine)", cost.jvmMillis / deals, bare.jvmMillis / deals);
			row(out, "CPU ms, PostgreSQL", cost.postgresMillis / deals, bare.postgresMillis / deals);
			row(out, "CPU ms, total", (cost.jvmMillis + cost.postgresMillis) / deals,
					(bare.jvmMillis + bare.postgresMillis) / deals);
			row(out, "transactions committed", cost.commits / (double) deals, bare.commits / (double) deals);
			row(out, "wall time s (whole run)", cost.seconds, bare.seconds);
			out.append("\n| JVM CPU ms per deal by thread | ERP (REST) | bare engine |\n| --- | ---: | ---: |\n");
			java.util.Set<String> groups = new java.util.TreeSet<>(cost.threads.keySet());
			groups.addAll(bare.threads.keySet());
			for (String group : groups) {
				out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", group,
						cost.threads.getOrDefault(group, 0.0) / deals, bare.threads.getOrDefault(group, 0.0) / deals));
			}
			out.append(String.format(Locale.ROOT,
					"%nERP: %.1f statements, %.1f ms statement time per deal (pg_stat_statements)%n%n",
					statements / (double) deals, millis / deals));
			out.append("| calls per deal | ms per deal | statement |\n| ---: | ---: | --- |\n");
			rows.stream().limit(top).forEach((row) -> {
				String query = ((String) row.get("query")).replaceAll("\\s+", " ");
				out.append(String.format(Locale.ROOT, "| %.2f | %.2f | %s |%n",
						((Number) row.get("calls")).doubleValue() / deals,
						((Number) row.get("total_exec_time")).doubleValue() / deals,
						(query.length() > 160) ? query.substring(0, 160) + "…" : query));
			});
			System.out.println();
			System.out.println(out);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/bench-cost.md"), out);
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			exit = 1;
		}
		finally {
			context.close();
		}
		System.exit(exit);
	}

	private static void row(StringBuilder out, String what, double erp, double bare) {
		out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f |%n", what, erp, bare, bare / erp));
	}

	/** CPU time, commits and wall time of one measured run. */
	record Cost(double jvmMillis, double postgresMillis, long commits, double seconds, Map<String, Double> threads) {

		interface Run {

			double run() throws Exception;

		}

		static Cost of(JdbcTemplate jdbc, Run run) throws Exception {
			double jvm = jvmCpuMillis();
			Map<String, Double> threadsBefore = threadCpuMillis();
			double postgres = postgresCpuMillis();
			long commits = OrderToCashCost.commits(jdbc);
			double seconds = run.run();
			Thread.sleep(500);
			Map<String, Double> threads = threadCpuMillis();
			threadsBefore.forEach((group, millis) -> threads.merge(group, -millis, Double::sum));
			return new Cost(jvmCpuMillis() - jvm, postgresCpuMillis() - postgres,
					OrderToCashCost.commits(jdbc) - commits, seconds, threads);
		}

		/**
		 * CPU time of this JVM's threads (the JIT compilers and the garbage collector
		 * included) by kind, from /proc/self/task; thread names lose their numbers.
		 */
		private static Map<String, Double> threadCpuMillis() {
			Map<String, Double> groups = new java.util.TreeMap<>();
			try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
							.replaceAll("[0-9]+", "#");
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						groups.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0,
								Double::sum);
					}
					catch (Exception ex) {
						// the thread ended meanwhile
					}
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return groups;
		}

		private static double jvmCpuMillis() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e6;
		}

		/**
		 * The embedded PostgreSQL server (started by pg_ctl, so not this JVM's child):
		 * its postmaster's own and waited-for children's CPU time plus that of its live
		 * backends, from /proc (Linux).
		 */
		private static double postgresCpuMillis() {
			long ticks = 0;
			try {
				long postmaster = Long
					.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
				ticks += ticks(postmaster, true);
				for (ProcessHandle backend : ProcessHandle.of(postmaster)
					.map(ProcessHandle::descendants)
					.orElseThrow()
					.toList()) {
					ticks += ticks(backend.pid(), false);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot read the PostgreSQL server's CPU time", ex);
			}
			return ticks * 10.0; // USER_HZ = 100
		}

		private static long ticks(long pid, boolean withWaitedChildren) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// fields[11] utime, [12] stime, [13] cutime, [14] cstime (stat fields 14
				// to 17)
				long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				return withWaitedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
			}
			catch (Exception ex) {
				return 0; // the process ended meanwhile
			}
		}

	}

	private static long commits(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
				Long.class);
	}

}
