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
 *   -Dexec.classpathScope=test -Dbench.deals=100 -Dbench.clients=4 [-Dbench.rounds=10]
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
		int rounds = Math.max(1, Integer.getInteger("bench.rounds", 1));
		if (deals % rounds != 0) {
			throw new IllegalArgumentException("bench.deals must be a multiple of bench.rounds");
		}
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

			// bare and ERP alternate in rounds of deals / rounds each, so that both sides
			// meet
			// the same machine when other programs load it; the CPU and statements of all
			// rounds are summed per side
			Cost bare = Cost.NONE;
			Cost cost = Cost.NONE;
			Map<String, Object[]> statementsByQuery = new java.util.LinkedHashMap<>();
			int perRound = deals / rounds;
			for (int round = 0; round < rounds; round++) {
				bare = bare.plus(Cost.of(jdbc, () -> OrderToCashBenchmark.run(perRound, clients,
						new OrderToCashBenchmark.BareDriver(engine, erp.workspaceId)::instance)));
				Thread.sleep((rounds == 1) ? 2000 : 500);
				Map<String, Object[]> before = statements(jdbc);
				cost = cost.plus(Cost.of(jdbc, () -> OrderToCashBenchmark.run(perRound, clients, erp::deal)));
				statements(jdbc).forEach((query, after) -> {
					Object[] was = before.getOrDefault(query, new Object[] { 0L, 0.0 });
					statementsByQuery.merge(query,
							new Object[] { (long) after[0] - (long) was[0], (double) after[1] - (double) was[1] },
							(a, b) -> new Object[] { (long) a[0] + (long) b[0], (double) a[1] + (double) b[1] });
				});
				Thread.sleep(500);
			}
			List<Map<String, Object>> rows = statementsByQuery.entrySet()
				.stream()
				.filter((e) -> (long) e.getValue()[0] > 0)
				.sorted((a, b) -> Long.compare((long) b.getValue()[0], (long) a.getValue()[0]))
				.map((e) -> Map.<String, Object>of("query", e.getKey(), "calls", e.getValue()[0], "total_exec_time",
						e.getValue()[1]))
				.toList();
			long statements = rows.stream().mapToLong((row) -> ((Number) row.get("calls")).longValue()).sum();
			double millis = rows.stream()
				.mapToDouble((row) -> ((Number) row.get("total_exec_time")).doubleValue())
				.sum();
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT,
					"Cost per deal: N = %d in %d rounds, T = %d, %d cores, load average %.1f%n%n", deals, rounds,
					clients, Runtime.getRuntime().availableProcessors(),
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

	/** pg_stat_statements now: per statement text, calls and total execution time. */
	private static Map<String, Object[]> statements(JdbcTemplate jdbc) {
		Map<String, Object[]> statements = new java.util.HashMap<>();
		jdbc.query("""
				select query, sum(calls) as calls, sum(total_exec_time) as time from pg_stat_statements
				where query not like '%pg_stat_statements%' and query not like '%pg_stat_database%'
				group by query""", (java.sql.ResultSet row) -> {
			statements.put(row.getString("query"), new Object[] { row.getLong("calls"), row.getDouble("time") });
		});
		return statements;
	}

	private static void row(StringBuilder out, String what, double erp, double bare) {
		out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f |%n", what, erp, bare, bare / erp));
	}

	/** CPU time, commits and wall time of one measured run. */
	record Cost(double jvmMillis, double postgresMillis, long commits, double seconds, Map<String, Double> threads) {

		interface Run {

			double run() throws Exception;

		}

		static final Cost NONE = new Cost(0, 0, 0, 0, Map.of());

		Cost plus(Cost other) {
			Map<String, Double> sum = new java.util.TreeMap<>(this.threads);
			other.threads.forEach((group, millis) -> sum.merge(group, millis, Double::sum));
			return new Cost(this.jvmMillis + other.jvmMillis, this.postgresMillis + other.postgresMillis,
					this.commits + other.commits, this.seconds + other.seconds, sum);
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
