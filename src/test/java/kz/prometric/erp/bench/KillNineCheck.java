package kz.prometric.erp.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

/**
 * The kill -9 check: runs the application as a child JVM on a durable embedded
 * PostgreSQL, fires a batch of won deals with concurrent clients, kills the child with
 * SIGKILL part way through, starts a new child on the same data directory, finishes what
 * the clients could not and verifies the invariants through the REST API. Prints PASS or
 * FAIL per invariant and exits non-zero on any FAIL. Not a unit test: see
 * {@code docs/benchmarks.md}.
 */
public final class KillNineCheck {

	static final String SECRET = "kill-nine-check-signing-secret-of-at-least-32-bytes";

	static final String PASSWORD = "kill-nine-password-42";

	static final Path DATA = Path.of("target/crash-data");

	private KillNineCheck() {
	}

	public static void main(String[] args) throws Exception {
		int batch = Integer.parseInt(System.getProperty("check.deals", (args.length > 0) ? args[0] : "60"));
		int clients = Integer.parseInt(System.getProperty("check.clients", (args.length > 1) ? args[1] : "4"));
		double killAt = Double.parseDouble(System.getProperty("check.kill-at", "0.4"));
		FileSystemUtils.deleteRecursively(DATA);
		Files.createDirectories(DATA);
		String email = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "@prometric.test";
		boolean passed;
		Child first = Child.start(1, email);
		Child second = null;
		try {
			BenchHttp http = first.http;
			http.post(null, "/api/auth/register",
					Map.of("email", email, "password", PASSWORD, "firstName", "Crash", "lastName", "Check"))
				.expect(202);
			login(http, email);
			String ws = "/api/workspaces/"
					+ http.post(null, "/api/organizations", Map.of("name", "Kill Nine Trading LLP", "bin", Bins.next()))
						.expect(201)
						.json()
						.path("workspaceId")
						.asText();
			String customerId = http
				.post(null, ws + "/customers",
						Map.of("type", "COMPANY", "name", "Crash Buyer LLP", "email", "accounts@crash-buyer.kz",
								"taxId", Bins.next()))
				.expect(201)
				.json()
				.path("id")
				.asText();

			// the batch, killed part way through
			Map<Integer, String> dealIds = new ConcurrentHashMap<>();
			Set<Integer> wonAcknowledged = ConcurrentHashMap.newKeySet();
			AtomicInteger shipped = new AtomicInteger();
			AtomicBoolean down = new AtomicBoolean();
			int killAfter = (int) Math.ceil(batch * killAt);
			AtomicInteger next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			BenchHttp before = http;
			for (int c = 0; c < clients; c++) {
				pool.submit(() -> {
					try {
						for (int i = next.getAndIncrement(); i < batch && !down.get(); i = next.getAndIncrement()) {
							String dealId = createDeal(before, ws, customerId, i);
							dealIds.put(i, dealId);
							win(before, ws, dealId);
							wonAcknowledged.add(i);
							// the ship task of every other deal, when it comes quickly
							if (i % 2 == 0) {
								shipped.addAndGet(shipReadyTasks(before, 3_000, 1));
							}
						}
					}
					catch (RuntimeException ex) {
						log("client stopped: %s", ex.getMessage());
					}
				});
			}
			pool.shutdown();
			// kill once enough deals are won, at a moment when jobs are due or running
			while (wonAcknowledged.size() < killAfter && !pool.isTerminated()) {
				BenchHttp.sleep(5);
			}
			long waitForJobs = System.currentTimeMillis() + 10_000;
			Set<String> caught = Set.of();
			while (caught.isEmpty() && System.currentTimeMillis() < waitForJobs) {
				caught = executableJobIds(http);
			}
			down.set(true);
			first.process.destroyForcibly();
			long killed = System.currentTimeMillis();
			log("%d of %d deals won, %d executable jobs (due or running): kill -9 the application (pid %d)",
					wonAcknowledged.size(), batch, caught.size(), first.process.pid());
			pool.awaitTermination(10, TimeUnit.MINUTES);
			first.process.onExit().get(60, TimeUnit.SECONDS);
			log("before the kill: %d deals created, %d WON acknowledged, %d ship tasks completed; exit code %d",
					dealIds.size(), wonAcknowledged.size(), shipped.get(), first.process.exitValue());

			// restart on the same data directory and finish the batch
			second = Child.start(2, email);
			long restarted = System.currentTimeMillis();
			http = second.http;
			login(http, email);
			// watched from now on, beside the clean-up below
			CompletableFuture<Long> caughtDone = whenGone(http, caught, 600_000);
			Map<String, String> titled = new HashMap<>();
			for (JsonNode deal : all(http, ws + "/deals?sort=createdAt")) {
				titled.put(deal.path("title").asText(), deal.path("id").asText());
			}
			int created = 0;
			int rewon = 0;
			for (int i = 0; i < batch; i++) {
				String dealId = titled.get(title(i));
				if (dealId == null) {
					dealId = createDeal(http, ws, customerId, i);
					created++;
				}
				dealIds.put(i, dealId);
				if (!wonAcknowledged.contains(i)) {
					win(http, ws, dealId);
					rewon++;
				}
			}
			log("after the restart: %d deals created that the client had not, %d WON sent again (same keys)", created,
					rewon);
			long deadline = restarted + 600_000;
			long lastReport = 0;
			int shippedAfter = 0;
			int caughtJobs = caught.size();
			caughtDone.thenAccept((done) -> log(
					"the %d jobs caught by the kill are done %d s after the restart (%d s after the kill)", caughtJobs,
					(done - restarted) / 1000, (done - killed) / 1000));
			while (true) {
				shippedAfter += shipReadyTasks(http, 0, 1000);
				long jobs = http.get(null, "/engine-rest/job/count?executable=true")
					.expect(200)
					.json()
					.path("count")
					.asLong();
				List<JsonNode> orders = all(http, ws + "/orders");
				long invoiced = orders.stream()
					.filter((o) -> Set.of("INVOICED", "PAID").contains(o.path("status").asText()))
					.count();
				if (jobs == 0 && invoiced >= batch && caughtDone.isDone()) {
					log("all jobs done and all %d orders invoiced %d s after the restart", batch,
							(System.currentTimeMillis() - restarted) / 1000);
					break;
				}
				if (System.currentTimeMillis() - lastReport >= 30_000) {
					lastReport = System.currentTimeMillis();
					log("%3d s after the restart: %d executable jobs, %d of %d orders invoiced",
							(lastReport - restarted) / 1000, jobs, invoiced, batch);
				}
				if (System.currentTimeMillis() > deadline) {
					log("gave up waiting: %d executable jobs, %d of %d orders invoiced", jobs, invoiced, batch);
					break;
				}
				BenchHttp.sleep(500);
			}
			log("after the restart: %d ship tasks completed", shippedAfter);
			passed = verify(http, ws, batch, new TreeSet<>(dealIds.values()));
			long done = caughtDone.getNow(-1L);
			long resumeSeconds = (((done < 0) ? System.currentTimeMillis() : done) - restarted) / 1000;
			passed &= check("jobs caught by the kill done within 60 s of the restart", done >= 0 && resumeSeconds <= 60,
					"%d jobs caught, the last done %s s after the restart (%s s after the kill)", caught.size(),
					(done < 0) ? "(not done) > " + resumeSeconds : resumeSeconds,
					(done < 0) ? "-" : String.valueOf((done - killed) / 1000));
			System.out.println(passed ? "KILL -9 CHECK: PASS" : "KILL -9 CHECK: FAIL");
		}
		finally {
			first.stop();
			if (second != null) {
				second.stop();
			}
		}
		System.exit(passed ? 0 : 1);
	}

	static boolean verify(BenchHttp http, String ws, int batch, Set<String> batchDeals) {
		List<JsonNode> won = all(http, ws + "/deals?stage=WON");
		List<JsonNode> deals = all(http, ws + "/deals");
		List<JsonNode> orders = all(http, ws + "/orders");
		List<JsonNode> invoices = all(http, ws + "/invoices?kind=INVOICE");
		boolean ok = true;
		Set<String> wonIds = won.stream().map((d) -> d.path("id").asText()).collect(Collectors.toSet());
		ok &= check("every deal of the batch is WON, no extra deals",
				wonIds.equals(batchDeals) && deals.size() == batch, "%d deals, %d WON, batch %d", deals.size(),
				won.size(), batch);

		Map<String, Long> ordersPerDeal = orders.stream()
			.collect(Collectors.groupingBy((o) -> o.path("dealId").asText(), Collectors.counting()));
		long dealsWithOne = wonIds.stream().filter((id) -> ordersPerDeal.getOrDefault(id, 0L) == 1).count();
		long dealsWithMore = ordersPerDeal.values().stream().filter((n) -> n > 1).count();
		ok &= check("every won deal has exactly one order",
				dealsWithOne == wonIds.size() && orders.size() == wonIds.size(),
				"%d won deals, %d with exactly one order, %d with more, %d orders", wonIds.size(), dealsWithOne,
				dealsWithMore, orders.size());

		Map<String, Long> invoicesPerOrder = invoices.stream()
			.collect(Collectors.groupingBy((i) -> i.path("orderId").asText(), Collectors.counting()));
		long ordersWithMore = invoicesPerOrder.values().stream().filter((n) -> n > 1).count();
		ok &= check("at most one invoice per order", ordersWithMore == 0,
				"%d invoices for %d orders, %d orders with more than one", invoices.size(), invoicesPerOrder.size(),
				ordersWithMore);

		int year = Year.now(ZoneOffset.UTC).getValue();
		ok &= gapless("invoice numbers gapless, no duplicates", "INV-" + year + "-",
				invoices.stream().map((i) -> i.path("number").asText()).toList());
		ok &= gapless("order numbers gapless, no duplicates", "SO-" + year + "-",
				orders.stream().map((o) -> o.path("orderNumber").asText()).toList());

		Map<String, Long> statuses = orders.stream()
			.collect(Collectors.groupingBy((o) -> o.path("status").asText(), Collectors.counting()));
		long invoiced = statuses.getOrDefault("INVOICED", 0L) + statuses.getOrDefault("PAID", 0L);
		ok &= check("unfinished processes continued: every order invoiced",
				invoiced == wonIds.size() && invoices.size() == wonIds.size(), "order statuses %s, %d invoices",
				statuses, invoices.size());

		long executable = http.get(null, "/engine-rest/job/count?executable=true")
			.expect(200)
			.json()
			.path("count")
			.asLong();
		long failed = http.get(null, "/engine-rest/job/count?withException=true")
			.expect(200)
			.json()
			.path("count")
			.asLong();
		long incidents = http.get(null, "/engine-rest/incident/count").expect(200).json().path("count").asLong();
		// this workspace's processes only (its id is the tenant): a platform
		// administrator sees every workspace
		String tenant = ws.substring(ws.lastIndexOf('/') + 1);
		long waiting = http.get(null, "/engine-rest/execution/count?activityId=Task_AwaitPayment&tenantIdIn=" + tenant)
			.expect(200)
			.json()
			.path("count")
			.asLong();
		ok &= check("no job left, none failed, no incident", executable == 0 && failed == 0 && incidents == 0,
				"%d executable jobs, %d jobs with an exception, %d incidents", executable, failed, incidents);
		ok &= check("every order-fulfilment process waits for payment", waiting == wonIds.size(),
				"%d processes at Task_AwaitPayment", waiting);
		return ok;
	}

	/** The ids of the jobs that are due or running now. */
	static Set<String> executableJobIds(BenchHttp http) {
		Set<String> ids = new TreeSet<>();
		http.get(null, "/engine-rest/job?executable=true&maxResults=1000")
			.expect(200)
			.json()
			.forEach((job) -> ids.add(job.path("id").asText()));
		return ids;
	}

	/**
	 * Waits until no job is due or running; answers the time when that was seen (or the
	 * deadline passed).
	 */
	static long awaitNoExecutableJobs(BenchHttp http, long millis) {
		long deadline = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < deadline && http.get(null, "/engine-rest/job/count?executable=true")
			.expect(200)
			.json()
			.path("count")
			.asLong() > 0) {
			BenchHttp.sleep(250);
		}
		return System.currentTimeMillis();
	}

	/**
	 * Completes with the time when none of these jobs exists any more (polled every 200
	 * ms on a thread of its own), or never within {@code millis}.
	 */
	static CompletableFuture<Long> whenGone(BenchHttp http, Set<String> ids, long millis) {
		CompletableFuture<Long> gone = new CompletableFuture<>();
		Thread watcher = new Thread(() -> {
			long deadline = System.currentTimeMillis() + millis;
			while (System.currentTimeMillis() < deadline) {
				try {
					if (jobCount(http, ids) == 0) {
						gone.complete(System.currentTimeMillis());
						return;
					}
				}
				catch (RuntimeException ex) {
					// a node going away: look again
				}
				BenchHttp.sleep(200);
			}
		}, "jobs-watcher");
		watcher.setDaemon(true);
		watcher.start();
		return gone;
	}

	/** How many of these jobs still exist (a job's row goes when it has run). */
	static long jobCount(BenchHttp http, Set<String> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return http.get(null, "/engine-rest/job/count?jobIds=" + String.join(",", ids))
			.expect(200)
			.json()
			.path("count")
			.asLong();
	}

	static boolean gapless(String name, String prefix, List<String> numbers) {
		TreeSet<String> distinct = new TreeSet<>(numbers);
		boolean ok = distinct.size() == numbers.size();
		int expected = 1;
		for (String number : distinct) {
			ok &= number.equals(prefix + String.format("%06d", expected++));
		}
		return check(name, ok, "%d numbers, %d distinct, %s … %s", numbers.size(), distinct.size(),
				distinct.isEmpty() ? "-" : distinct.first(), distinct.isEmpty() ? "-" : distinct.last());
	}

	static boolean check(String name, boolean ok, String format, Object... args) {
		System.out.printf("%s  %s: %s%n", ok ? "PASS" : "FAIL", name, String.format(format, args));
		return ok;
	}

	static String title(int i) {
		return "Crash deal " + i;
	}

	static String createDeal(BenchHttp http, String ws, String customerId, int i) {
		return http
			.post(null, ws + "/deals",
					Map.of("customerId", customerId, "title", title(i), "products", List
						.of(Map.of("productName", "Consulting service", "quantity", "1", "unitPrice", "100000.00"))))
			.expect(201)
			.json()
			.path("id")
			.asText();
	}

	static void win(BenchHttp http, String ws, String dealId) {
		http.post(null, ws + "/deals/" + dealId + "/stage", Map.of("stage", "WON"), "won-" + dealId).expect(200);
	}

	/**
	 * Completes up to {@code max} open ship tasks, waiting up to {@code waitMillis} for
	 * one.
	 */
	static int shipReadyTasks(BenchHttp http, long waitMillis, int max) {
		long deadline = System.currentTimeMillis() + waitMillis;
		while (true) {
			JsonNode tasks = http.get(null, "/engine-rest/task?taskDefinitionKey=Task_ShipOrder&maxResults=" + max)
				.expect(200)
				.json();
			int done = 0;
			for (JsonNode task : tasks) {
				BenchHttp.Reply completed = http.post(null,
						"/engine-rest/task/" + task.path("id").asText() + "/complete",
						Map.of("variables", Map.of("carrier", Map.of("value", "Crash", "type", "String"))));
				// another client may have completed it first
				if (completed.status() == 204) {
					done++;
				}
			}
			if (done > 0 || System.currentTimeMillis() >= deadline) {
				return done;
			}
			BenchHttp.sleep(200);
		}
	}

	static void login(BenchHttp http, String email) {
		http.token = http.post(null, "/api/auth/login", Map.of("email", email, "password", PASSWORD))
			.expect(200)
			.json()
			.path("accessToken")
			.asText();
	}

	/** Every item of a list answer, page by page. */
	static List<JsonNode> all(BenchHttp http, String path) {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 1;; page++) {
			JsonNode answer = http.get(null, path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page)
				.expect(200)
				.json();
			answer.path("items").forEach(items::add);
			if (items.size() >= answer.path("total").asInt() || answer.path("items").isEmpty()) {
				return items;
			}
		}
	}

	static void log(String format, Object... args) {
		System.out.printf("[kill-9] " + format + "%n", args);
	}

	/** The application in its own JVM. */
	record Child(Process process, BenchHttp http) {

		static Child start(int run, String platformAdmin) throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath(),
							"kz.prometric.erp.ErpApplication", "--server.port=" + port,
							"--prometric.embedded-postgres.data-directory=" + DATA.resolve("postgres").toAbsolutePath(),
							"--prometric.embedded-postgres.durable=true", "--prometric.demo.enabled=false",
							"--prometric.security.jwt-secret=" + SECRET, "--prometric.security.bcrypt-strength=4",
							"--prometric.security.platform-admins=" + platformAdmin,
							"--camunda.bpm.job-execution.enabled=true"));
			Path logFile = DATA.resolve("app-" + run + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.start();
			log("started the application (run %d, pid %d, port %d, log %s)", run, process.pid(), port, logFile);
			BenchHttp http = new BenchHttp("http://localhost:" + port, null);
			long deadline = System.currentTimeMillis() + 240_000;
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The application stopped while starting; see " + logFile);
				}
				try {
					if (http.get(null, "/actuator/health").status() == 200) {
						break;
					}
				}
				catch (RuntimeException ex) {
					// not listening yet
				}
				if (System.currentTimeMillis() > deadline) {
					throw new IllegalStateException("The application did not become healthy; see " + logFile);
				}
				BenchHttp.sleep(500);
			}
			log("run %d is healthy", run);
			return new Child(process, http);
		}

		void stop() throws Exception {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
		}

		/**
		 * The class path of this JVM: Maven's exec:java runs the check in a class loader
		 * of its own, exec:exec and a plain java command in the system class path.
		 */
		static String classpath() {
			ClassLoader loader = KillNineCheck.class.getClassLoader();
			if (loader instanceof URLClassLoader urls && urls.getURLs().length > 1) {
				return Arrays.stream(urls.getURLs())
					.map(KillNineCheck::toPath)
					.collect(Collectors.joining(File.pathSeparator));
			}
			return System.getProperty("java.class.path");
		}

	}

	private static String toPath(URL url) {
		try {
			return Path.of(url.toURI()).toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
