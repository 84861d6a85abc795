package kz.prometric.erp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL restarted under load: the application runs as a child JVM on a durable
 * PostgreSQL server that this check starts and stops ({@link PgServer}); T clients take N
 * deals from creation to invoice ({@link RetryingClients}); when a share of the deals is
 * won, PostgreSQL is stopped ({@code pg_ctl stop -m fast}, or {@code immediate}: a crash)
 * for some seconds and started again. The application must recover by itself; the clients
 * send failed requests again with the same idempotency keys. Prints the failed requests,
 * the recovery time and PASS or FAIL per invariant (as the kill -9 check); exits non-zero
 * on any FAIL. Not a unit test: see {@code docs/benchmarks.md}.
 */
public final class PostgresRestartCheck {

	static final Path DATA = Path.of("target/pg-restart");

	private PostgresRestartCheck() {
	}

	public static void main(String[] args) throws Exception {
		int batch = Integer.getInteger("check.deals", 60);
		int clients = Integer.getInteger("check.clients", 4);
		double stopAt = Double.parseDouble(System.getProperty("check.stop-at", "0.3"));
		int outageSeconds = Integer.getInteger("check.outage-seconds", 10);
		String mode = System.getProperty("check.stop-mode", "fast");
		FileSystemUtils.deleteRecursively(DATA);
		Files.createDirectories(DATA);
		String email = "pg-restart-" + UUID.randomUUID().toString().substring(0, 8) + "@prometric.test";
		boolean passed;
		try (PgServer db = PgServer.create(DATA.resolve("postgres"))) {
			AppNode.log("PostgreSQL on port %d, data in %s", db.port, db.data);
			AppNode node = AppNode.start("the application", DATA.resolve("app.log"), db, email);
			try {
				RetryingClients work = RetryingClients.setUp(node.http, email, "Restart deal");
				ExecutorService runner = Executors.newSingleThreadExecutor();
				long started = System.currentTimeMillis();
				Future<?> load = runner.submit(() -> {
					work.run(batch, clients, 900_000);
					return null;
				});
				runner.shutdown();
				int threshold = (int) Math.ceil(batch * stopAt);
				while (work.won.size() < threshold && !load.isDone()) {
					BenchHttp.sleep(20);
				}
				long jobs = KillNineCheck.executableJobIds(node.http).size();
				int failedBefore = work.failed.get();
				long stopping = System.currentTimeMillis();
				db.stop(mode);
				long stopped = System.currentTimeMillis();
				AppNode.log("%d of %d deals won, %d invoiced, %d executable jobs: PostgreSQL stopped (-m %s, %d ms)",
						work.won.size(), batch, work.invoiced.size(), jobs, mode, stopped - stopping);
				BenchHttp.sleep(outageSeconds * 1000L);
				db.start();
				long back = System.currentTimeMillis();
				work.watchRecovery(back);
				AppNode.log("PostgreSQL started again after %d s down (%d ms to accept connections)",
						(back - stopped) / 1000, back - stopped - outageSeconds * 1000L);
				load.get();
				long done = System.currentTimeMillis();
				AppNode.log("clients done: %d of %d deals invoiced in %d s, %d clients stopped", work.invoiced.size(),
						batch, (done - started) / 1000, work.stopped.get());
				int failed = work.failed.get() - failedBefore;
				long recovered = work.recoveredAfter();
				AppNode.log(
						"failed client requests: %d (sent again), the last %d s after PostgreSQL was back; first success"
								+ " %d ms after PostgreSQL was back",
						failed, (work.lastFailure.get() > back) ? (work.lastFailure.get() - back) / 1000 : 0,
						recovered);
				String health = node.http.get(null, "/actuator/health").text();
				AppNode.log("health after the outage: %s", health);
				long drained = KillNineCheck.awaitNoExecutableJobs(node.http, 120_000);
				AppNode.log("no executable job left %d s after PostgreSQL was back", (drained - back) / 1000);
				passed = KillNineCheck.verify(node.http, work.ws, batch, new TreeSet<>(work.dealIds.values()));
				passed &= KillNineCheck.check("the application served again by itself, every client finished",
						recovered >= 0 && work.stopped.get() == 0 && work.invoiced.size() == batch
								&& node.process.isAlive(),
						"first success %d ms after PostgreSQL was back, %d clients stopped, %d of %d invoiced",
						recovered, work.stopped.get(), work.invoiced.size(), batch);
				System.out.println(passed ? "POSTGRESQL RESTART CHECK: PASS" : "POSTGRESQL RESTART CHECK: FAIL");
			}
			finally {
				node.stop();
			}
		}
		System.exit(passed ? 0 : 1);
	}

}
