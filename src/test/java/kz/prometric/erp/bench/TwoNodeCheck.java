package kz.prometric.erp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * Two application nodes on one PostgreSQL behind nginx, then one of them killed. Starts a
 * durable PostgreSQL ({@link PgServer}), two nodes as child JVMs on it ({@link AppNode}:
 * same JWT secret, different ports) and Debian's nginx with the configuration that
 * docker-compose.yml uses ({@code deploy/nginx.conf}, copied unchanged; its includes
 * {@code prometric/app-servers.conf} and {@code prometric/listen.conf} name the two local
 * nodes and a free port here). Everything goes through nginx.
 * <ol>
 * <li>Both nodes: T clients take N deals from creation to invoice; the check prints the
 * throughput, the requests and jobs per node and the exactly-once invariants.</li>
 * <li>One node killed: in a new workspace, the clients start again; when a share of the
 * deals is won, the second node is killed with SIGKILL; the clients go on through nginx
 * (failed requests are sent again with the same idempotency keys) and the first node
 * finishes the work, the killed node's jobs included once their lock expires. Prints the
 * failed requests, the time until all work is done and the invariants; the jobs caught by
 * the kill must be done within 60 s of it.</li>
 * </ol>
 * Exits non-zero on any FAIL. Not a unit test: see {@code docs/benchmarks.md}.
 */
public final class TwoNodeCheck {

	static final Path DATA = Path.of("target/two-nodes");

	private TwoNodeCheck() {
	}

	public static void main(String[] args) throws Exception {
		int batch = Integer.getInteger("check.deals", 60);
		int clients = Integer.getInteger("check.clients", 4);
		double killAt = Double.parseDouble(System.getProperty("check.kill-at", "0.4"));
		String nginxBinary = System.getProperty("check.nginx", "/usr/sbin/nginx");
		FileSystemUtils.deleteRecursively(DATA);
		Files.createDirectories(DATA);
		String email = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8) + "@prometric.test";
		boolean passed = true;
		Process nginx = null;
		AppNode a = null;
		AppNode b = null;
		// stopped after the nodes (a try-with-resources would close it before the finally
		// block)
		PgServer db = PgServer.create(DATA.resolve("postgres"));
		try {
			AppNode.log("PostgreSQL on port %d, data in %s", db.port, db.data);
			// one after the other: the first start creates the engine's tables
			a = AppNode.start("node A", DATA.resolve("node-a.log"), db, email);
			b = AppNode.start("node B", DATA.resolve("node-b.log"), db, email);
			int port = AppNode.freePort();
			nginx = startNginx(nginxBinary, port, List.of(a, b));
			BenchHttp http = new BenchHttp("http://127.0.0.1:" + port, null);

			// 1. both nodes, after a warm-up in a workspace of its own
			RetryingClients warmUp = RetryingClients.setUp(http, email, "Warm-up deal");
			warmUp.run(Integer.getInteger("check.warm-up", 8), clients, 900_000);
			KillNineCheck.awaitNoExecutableJobs(http, 120_000);
			RetryingClients work = RetryingClients.inNewWorkspace(http, "Two nodes deal");
			Set<String> warmUpJobs = new HashSet<>(a.executedJobs());
			warmUpJobs.addAll(b.executedJobs());
			Map<String, Integer> warmUpRequests = requestsPerNode(List.of(a, b));
			long started = System.currentTimeMillis();
			work.run(batch, clients, 900_000);
			long took = System.currentTimeMillis() - started;
			KillNineCheck.awaitNoExecutableJobs(http, 120_000);
			AppNode.log(
					"both nodes: %d deals from creation to invoice in %.1f s with %d clients: %.2f deals/s, %d failed"
							+ " requests",
					work.invoiced.size(), took / 1000.0, clients, work.invoiced.size() * 1000.0 / took,
					work.failed.get());
			Map<String, Integer> requests = requestsPerNode(List.of(a, b));
			requests.replaceAll((node, n) -> n - warmUpRequests.get(node));
			Set<String> jobsA = a.executedJobs();
			jobsA.removeAll(warmUpJobs);
			Set<String> jobsB = b.executedJobs();
			jobsB.removeAll(warmUpJobs);
			AppNode.log("requests through nginx per node: %s; jobs executed: node A %d, node B %d", requests,
					jobsA.size(), jobsB.size());
			passed &= KillNineCheck.verify(http, work.ws, batch, new TreeSet<>(work.dealIds.values()));
			Set<String> both = new HashSet<>(jobsA);
			both.retainAll(jobsB);
			passed &= KillNineCheck.check("jobs shared between the nodes, none run by both",
					!jobsA.isEmpty() && !jobsB.isEmpty() && both.isEmpty(), "node A %d jobs, node B %d, %d on both",
					jobsA.size(), jobsB.size(), both.size());
			passed &= KillNineCheck.check("requests served by both nodes",
					requests.values().stream().filter((n) -> n > 0).count() == 2 && work.stopped.get() == 0,
					"%s, %d clients stopped", requests, work.stopped.get());

			// 2. node B killed under load
			RetryingClients more = RetryingClients.inNewWorkspace(http, "Node killed deal");
			ExecutorService runner = Executors.newSingleThreadExecutor();
			long startedMore = System.currentTimeMillis();
			Future<?> load = runner.submit(() -> {
				more.run(batch, clients, 900_000);
				return null;
			});
			runner.shutdown();
			int threshold = (int) Math.ceil(batch * killAt);
			while (more.won.size() < threshold && !load.isDone()) {
				BenchHttp.sleep(5);
			}
			// kill at a moment when node B is running a job (its log names it, and it
			// still exists)
			Set<String> caught = Set.of();
			Set<String> onB = Set.of();
			long waitForJobs = System.currentTimeMillis() + 20_000;
			while (onB.isEmpty() && System.currentTimeMillis() < waitForJobs) {
				caught = KillNineCheck.executableJobIds(http);
				onB = new HashSet<>(caught);
				onB.retainAll(b.executedJobs());
			}
			int failedBefore = more.failed.get();
			b.kill();
			long killed = System.currentTimeMillis();
			AppNode.log(
					"%d of %d deals won, %d invoiced, %d executable jobs, %d of them run by node B: kill -9 node B"
							+ " (pid %d)",
					more.won.size(), batch, more.invoiced.size(), caught.size(), onB.size(), b.process.pid());
			long caughtDone = -1;
			while (caughtDone < 0 && System.currentTimeMillis() < killed + 300_000) {
				if (KillNineCheck.jobCount(http, caught) == 0) {
					caughtDone = System.currentTimeMillis();
				}
				else {
					BenchHttp.sleep(250);
				}
			}
			AppNode.log("the %d jobs due or running at the kill are done %s s after it", caught.size(),
					(caughtDone < 0) ? "(not yet) > 300" : String.valueOf((caughtDone - killed) / 1000));
			load.get();
			long allDone = KillNineCheck.awaitNoExecutableJobs(http, 300_000);
			long tookMore = System.currentTimeMillis() - startedMore;
			AppNode.log(
					"node B killed: %d of %d deals invoiced in %.1f s (%.2f deals/s), all work done %d s after the"
							+ " kill; failed client requests %d (sent again), %d clients stopped",
					more.invoiced.size(), batch, tookMore / 1000.0, more.invoiced.size() * 1000.0 / tookMore,
					(allDone - killed) / 1000, more.failed.get() - failedBefore, more.stopped.get());
			passed &= KillNineCheck.verify(http, more.ws, batch, new TreeSet<>(more.dealIds.values()));
			passed &= KillNineCheck.check("the surviving node finished the work, caught jobs done within 60 s",
					caughtDone >= 0 && caughtDone - killed <= 60_000 && more.stopped.get() == 0
							&& more.invoiced.size() == batch,
					"%d caught jobs done %s s after the kill, %d of %d invoiced, %d clients stopped", caught.size(),
					(caughtDone < 0) ? "-" : String.valueOf((caughtDone - killed) / 1000), more.invoiced.size(), batch,
					more.stopped.get());
			System.out.println(passed ? "TWO NODES CHECK: PASS" : "TWO NODES CHECK: FAIL");
		}
		finally {
			if (nginx != null) {
				nginx.destroy();
				nginx.waitFor(30, TimeUnit.SECONDS);
			}
			if (b != null) {
				b.stop();
			}
			if (a != null) {
				a.stop();
			}
			db.close();
		}
		System.exit(passed ? 0 : 1);
	}

	/**
	 * nginx with {@code deploy/nginx.conf} as it is, the two nodes as its app servers, on
	 * {@code port}.
	 */
	static Process startNginx(String binary, int port, List<AppNode> nodes) throws IOException {
		Path prefix = DATA.resolve("nginx").toAbsolutePath();
		Files.createDirectories(prefix.resolve("prometric"));
		Files.copy(Path.of("deploy/nginx.conf"), prefix.resolve("nginx.conf"));
		StringBuilder servers = new StringBuilder("# written by TwoNodeCheck\n");
		for (AppNode node : nodes) {
			servers.append("server 127.0.0.1:").append(node.port).append(" max_fails=3 fail_timeout=10s;\n");
		}
		Files.writeString(prefix.resolve("prometric/app-servers.conf"), servers);
		Files.writeString(prefix.resolve("prometric/listen.conf"), "listen 127.0.0.1:" + port + " default_server;\n");
		Path log = DATA.resolve("nginx.log");
		Process nginx = new ProcessBuilder(binary, "-p", prefix.toString(), "-c",
				prefix.resolve("nginx.conf").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(nginx::destroy));
		BenchHttp http = new BenchHttp("http://127.0.0.1:" + port, null);
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			try {
				if (http.get(null, "/nginx-health").status() == 200) {
					break;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			if (!nginx.isAlive() || System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("nginx did not start; see " + log);
			}
			BenchHttp.sleep(200);
		}
		AppNode.log("nginx (pid %d) on port %d with deploy/nginx.conf, app servers %s, log %s", nginx.pid(), port,
				nodes.stream().map((n) -> "127.0.0.1:" + n.port).toList(), log);
		return nginx;
	}

	private static final Pattern UPSTREAM = Pattern.compile(" upstream=([0-9.:, ]+?) rt=");

	/**
	 * Requests per node from nginx's access log ({@code upstream=} of the log format).
	 */
	static Map<String, Integer> requestsPerNode(List<AppNode> nodes) throws IOException {
		Map<String, Integer> counts = new TreeMap<>();
		for (AppNode node : nodes) {
			counts.put(node.name, 0);
		}
		for (String line : Files.readAllLines(DATA.resolve("nginx.log"))) {
			Matcher matcher = UPSTREAM.matcher(line);
			if (matcher.find()) {
				for (AppNode node : nodes) {
					// the last address tried answered
					String[] tried = matcher.group(1).split(",");
					if (tried[tried.length - 1].strip().equals("127.0.0.1:" + node.port)) {
						counts.merge(node.name, 1, Integer::sum);
					}
				}
			}
		}
		return counts;
	}

}
