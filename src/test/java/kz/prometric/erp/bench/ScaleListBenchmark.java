package kz.prometric.erp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * List latencies at a million deals: starts the application in this JVM on the data
 * directory {@link ScaleDataGenerator} filled (run it first), logs in over HTTP as the
 * workspace's owner and requests every list, filter, sort and search of deals, customers,
 * orders and invoices, and the task lists (the ERP's and the engine's, as the owner and
 * as the manager), from {@code bench.threads} (4) clients for {@code bench.rounds} (25)
 * rounds after {@code bench.warm-up} (3) unmeasured ones. Prints p50/p95/p99 per
 * endpoint, and the heap: the largest heap used after a collection during the load (the
 * collectors' own figures) and the heap used after a full collection at the end. Run it
 * with {@code MAVEN_OPTS=-Xmx512m} so the application, the clients and Maven itself share
 * 512 MB. Also claims and completes one task of a generated open deal as the manager, and
 * checks that another workspace's owner gets 404 for this workspace's lists. See
 * docs/benchmarks.md, "A million deals".
 */
public final class ScaleListBenchmark {

	private ScaleListBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int threads = Integer.getInteger("bench.threads", 4);
		int rounds = Integer.getInteger("bench.rounds", 25);
		int warmUp = Integer.getInteger("bench.warm-up", 3);
		Pattern only = Pattern.compile(System.getProperty("bench.only", ".*"));
		Path data = Path.of(System.getProperty("scale.data", ScaleDataGenerator.DEFAULT_DATA));
		Properties logins = new Properties();
		try (var in = Files.newBufferedReader(Path.of(data + ".properties"))) {
			logins.load(in);
		}
		ConfigurableApplicationContext context = ScaleDataGenerator.start(data, false);
		int exit = 0;
		try {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			String ws = logins.getProperty("workspace");
			String password = logins.getProperty("password");
			Latencies latencies = new Latencies();
			BenchHttp owner = login(base, latencies, logins.getProperty("owner"), password);
			BenchHttp manager = login(base, latencies, logins.getProperty("member"), password);
			BenchHttp stranger = login(base, null, logins.getProperty("otherOwner"), password);
			String explain = System.getProperty("bench.explain");
			if (explain != null) {
				explain(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), Path.of(explain), ws);
			}
			Map<String, Request> endpoints = endpoints(owner, manager, ws, logins);
			endpoints.keySet().removeIf(name -> !only.matcher(name).matches());
			checks(owner, manager, stranger, ws);
			for (int i = 0; i < warmUp; i++) {
				endpoints.forEach((name, request) -> request.client().get(null, request.path()).expect(200));
			}
			System.out.printf("uptime before the load: %s%n", uptime());
			HeapWatch heap = new HeapWatch();
			heap.start();
			long start = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				long seed = t;
				done.add(pool.submit(() -> {
					List<Map.Entry<String, Request>> order = new ArrayList<>(endpoints.entrySet());
					Random random = new Random(seed);
					for (int r = 0; r < rounds; r++) {
						Collections.shuffle(order, random);
						for (Map.Entry<String, Request> e : order) {
							e.getValue().client().get(e.getKey(), e.getValue().path()).expect(200);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			pool.shutdown();
			double seconds = ScaleDataGenerator.seconds(start);
			heap.stopWatching();
			System.out.printf("uptime after the load: %s%n", uptime());
			System.out.printf("%n%d requests in %.1f s at T = %d (%.0f/s)%n",
					(long) rounds * threads * endpoints.size(), seconds, threads,
					rounds * threads * endpoints.size() / seconds);
			System.out.printf("%n| %-40s | %7s | %7s | %7s | %7s |%n", "endpoint", "p50 ms", "p95 ms", "p99 ms",
					"max ms");
			System.out.println("|------------------------------------------|---------|---------|---------|---------|");
			int over = 0;
			for (String type : latencies.types()) {
				if (!endpoints.containsKey(type)) {
					continue;
				}
				double p99 = latencies.percentileMillis(type, 99);
				over += (p99 >= 50) ? 1 : 0;
				System.out.printf("| %-40s | %7.1f | %7.1f | %7.1f | %7.1f |%n", type,
						latencies.percentileMillis(type, 50), latencies.percentileMillis(type, 95), p99,
						latencies.percentileMillis(type, 100));
			}
			System.out.printf("%nendpoints with p99 >= 50 ms: %d of %d%n", over, endpoints.size());
			System.gc();
			System.out.printf(
					"heap: max %d MB; largest used after a collection during the load %d MB; "
							+ "peak used %d MB; used after a full collection at the end %d MB%n",
					Runtime.getRuntime().maxMemory() >> 20, heap.maxAfterCollection.get() >> 20, heap.peak.get() >> 20,
					(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
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

	/**
	 * Prints {@code EXPLAIN (ANALYZE, BUFFERS)} of each {@code explain …;} statement of
	 * the file ({@code :ws} is the workspace id), the plans quoted in docs/benchmarks.md.
	 * The file runs on one connection, its other statements too, so that
	 * {@code begin; drop index …; explain …; rollback;} shows a plan without an index and
	 * {@code set plan_cache_mode …} or {@code prepare …} apply to what follows.
	 */
	static void explain(org.springframework.jdbc.core.JdbcTemplate jdbc, Path file, String ws) throws Exception {
		String text = Files.readString(file);
		jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try (var statement = connection.createStatement()) {
				for (String part : text.split(";\\s*\\n")) {
					String sql = part.lines()
						.filter(l -> !l.strip().startsWith("--"))
						.reduce("", (a, b) -> a + b + "\n")
						.strip()
						.replace(":ws", "'" + ws + "'");
					if (sql.isEmpty()) {
						continue;
					}
					System.out.println("\n" + sql);
					if (statement.execute(sql)) {
						try (var rows = statement.getResultSet()) {
							while (rows.next()) {
								System.out.println(rows.getString(1));
							}
						}
					}
				}
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
			return null;
		});
	}

	record Request(BenchHttp client, String path) {
	}

	static Map<String, Request> endpoints(BenchHttp owner, BenchHttp manager, String ws, Properties logins) {
		String api = "/api/workspaces/" + ws;
		JsonNode someInvoice = owner.get(null, api + "/invoices?size=1&sort=number,desc").expect(200).json();
		String orderId = someInvoice.path("items").path(0).path("orderId").asText();
		String invoiceNumber = someInvoice.path("items").path(0).path("number").asText();
		String customerId = someInvoice.path("items").path(0).path("customerId").asText();
		String orderNumber = owner.get(null, api + "/orders/" + orderId)
			.expect(200)
			.json()
			.path("orderNumber")
			.asText();
		String employee = owner.get(null, api + "/deals?size=1&stage=NEW&sort=createdAt,desc")
			.expect(200)
			.json()
			.path("items")
			.path(0)
			.path("assignedTo")
			.asText("");
		Map<String, Request> e = new LinkedHashMap<>();
		// deals
		e.put("deals first page", new Request(owner, api + "/deals"));
		e.put("deals page 500 (offset 9,980)", new Request(owner, api + "/deals?page=500"));
		for (String sort : List.of("createdAt,desc", "title", "value,desc", "stage", "expectedCloseDate",
				"probability,desc")) {
			e.put("deals sort " + sort, new Request(owner, api + "/deals?sort=" + sort));
		}
		e.put("deals stage=WON", new Request(owner, api + "/deals?stage=WON"));
		e.put("deals stage=NEW (few)", new Request(owner, api + "/deals?stage=NEW"));
		e.put("deals customerId", new Request(owner, api + "/deals?customerId=" + customerId));
		if (!employee.isEmpty() && !"null".equals(employee)) {
			e.put("deals assignedTo", new Request(owner, api + "/deals?assignedTo=" + employee));
		}
		e.put("deals q=#123457 (few)", new Request(owner, api + "/deals?q=" + enc("#123457")));
		e.put("deals q=cabinets (many)", new Request(owner, api + "/deals?q=cabinets"));
		e.put("deals q=cabinets sort value", new Request(owner, api + "/deals?q=cabinets&sort=value,desc"));
		// the totals by stage under the deal board and on the home page: an aggregate
		// over
		// every deal of the workspace
		e.put("deals pipeline (totals by stage)", new Request(owner, api + "/deals/pipeline"));
		// customers
		e.put("customers first page", new Request(owner, api + "/customers"));
		e.put("customers page 500", new Request(owner, api + "/customers?page=500"));
		for (String sort : List.of("createdAt,desc", "name,desc", "type")) {
			e.put("customers sort " + sort, new Request(owner, api + "/customers?sort=" + sort));
		}
		e.put("customers type=INDIVIDUAL", new Request(owner, api + "/customers?type=INDIVIDUAL"));
		e.put("customers q=buyer123457@ (few)", new Request(owner, api + "/customers?q=" + enc("buyer123457@")));
		e.put("customers q=steppe (many)", new Request(owner, api + "/customers?q=steppe"));
		e.put("customers q=жибек (many, Cyrillic)", new Request(owner, api + "/customers?q=" + enc("жибек")));
		// orders
		e.put("orders first page", new Request(owner, api + "/orders"));
		e.put("orders page 500", new Request(owner, api + "/orders?page=500"));
		for (String sort : List.of("createdAt,desc", "orderNumber", "totalAmount,desc", "status")) {
			e.put("orders sort " + sort, new Request(owner, api + "/orders?sort=" + sort));
		}
		e.put("orders status=INVOICED", new Request(owner, api + "/orders?status=INVOICED"));
		e.put("orders customerId", new Request(owner, api + "/orders?customerId=" + customerId));
		e.put("orders q=number (few)", new Request(owner, api + "/orders?q=" + enc(orderNumber)));
		e.put("orders q=altyn (many)", new Request(owner, api + "/orders?q=altyn"));
		// invoices
		e.put("invoices first page", new Request(owner, api + "/invoices"));
		e.put("invoices page 500", new Request(owner, api + "/invoices?page=500"));
		for (String sort : List.of("issueDate,desc", "number", "gross,desc", "dueDate", "status")) {
			e.put("invoices sort " + sort, new Request(owner, api + "/invoices?sort=" + sort));
		}
		e.put("invoices status=ISSUED", new Request(owner, api + "/invoices?status=ISSUED"));
		e.put("invoices overdue", new Request(owner, api + "/invoices?overdue=true"));
		e.put("invoices orderId", new Request(owner, api + "/invoices?orderId=" + orderId));
		e.put("invoices customerId", new Request(owner, api + "/invoices?customerId=" + customerId));
		e.put("invoices q=number (few)", new Request(owner, api + "/invoices?q=" + enc(invoiceNumber)));
		e.put("invoices q=altyn (many)", new Request(owner, api + "/invoices?q=altyn"));
		// tasks
		e.put("tasks (ERP) owner", new Request(owner, api + "/tasks"));
		e.put("tasks (ERP) owner page 50", new Request(owner, api + "/tasks?page=50"));
		e.put("tasks (ERP) manager mine", new Request(manager, api + "/tasks?scope=mine"));
		e.put("tasks (ERP) manager team", new Request(manager, api + "/tasks?scope=team"));
		e.put("engine task owner", new Request(owner, "/engine-rest/task?assignee=" + enc(logins.getProperty("owner"))
				+ "&tenantIdIn=" + ws + "&firstResult=0&maxResults=20&sortBy=created&sortOrder=desc"));
		e.put("engine task manager", new Request(manager, "/engine-rest/task?assignee="
				+ enc(logins.getProperty("member")) + "&firstResult=0&maxResults=20&sortBy=created&sortOrder=desc"));
		e.put("engine task/count manager",
				new Request(manager, "/engine-rest/task/count?assignee=" + enc(logins.getProperty("member"))));
		return e;
	}

	/**
	 * What must hold before anything is measured: {@code invoices?orderId=} finds exactly
	 * one invoice, another workspace's owner gets 404, and the manager can claim and
	 * complete a generated open deal's task.
	 */
	static void checks(BenchHttp owner, BenchHttp manager, BenchHttp stranger, String ws) {
		String api = "/api/workspaces/" + ws;
		JsonNode invoice = owner.get(null, api + "/invoices?size=1").expect(200).json().path("items").path(0);
		JsonNode one = owner.get(null, api + "/invoices?orderId=" + invoice.path("orderId").asText())
			.expect(200)
			.json();
		if (one.path("total").asLong() != 1) {
			throw new IllegalStateException("invoices?orderId= must answer total 1: " + one);
		}
		stranger.get(null, api + "/deals").expect(404);
		JsonNode team = owner.get(null, api + "/tasks?scope=mine&size=1").expect(200).json();
		System.out.println("owner's own tasks: total " + team.path("total") + " " + capped(team));
		JsonNode mine = manager.get(null, api + "/tasks?scope=mine&size=1").expect(200).json();
		System.out.println("manager's own tasks: total " + mine.path("total") + " " + capped(mine));
		// a generated deal's first task: each run advances one deal, whose next tasks
		// (proposal, negotiation, closing) may come first in the due-date order later
		String taskId = null;
		for (JsonNode task : manager.get(null, api + "/tasks?scope=mine&size=100").expect(200).json().path("items")) {
			if ("Task_QualifyDeal".equals(task.path("taskDefinitionKey").asText())) {
				taskId = task.path("id").asText();
				break;
			}
		}
		if (taskId == null) {
			throw new IllegalStateException("the manager has no Qualify deal task among his first 100");
		}
		manager
			.send(null, "POST", api + "/tasks/" + taskId + "/complete",
					Map.of("variables", Map.of("outcome", "ADVANCE")), Map.of())
			.expect(204);
		System.out.println("the manager completed task " + taskId + " (Qualify deal: ADVANCE)");
	}

	private static String capped(JsonNode page) {
		return page.has("totalExact") ? "(exact: " + page.path("totalExact") + ")" : "";
	}

	static BenchHttp login(String base, Latencies latencies, String email, String password) {
		BenchHttp http = new BenchHttp(base, latencies);
		http.token = http.post(null, "/api/auth/login", Map.of("email", email, "password", password))
			.expect(200)
			.json()
			.path("accessToken")
			.asText();
		return http;
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String uptime() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (Exception ex) {
			return "?";
		}
	}

	/**
	 * Samples the heap every 100 ms: the peak used, and the largest heap left after a
	 * collection (the sum of the heap pools' collection usage).
	 */
	static final class HeapWatch extends Thread {

		final AtomicLong peak = new AtomicLong();

		final AtomicLong maxAfterCollection = new AtomicLong();

		private volatile boolean running = true;

		HeapWatch() {
			setDaemon(true);
		}

		@Override
		public void run() {
			while (this.running) {
				long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				this.peak.accumulateAndGet(used, Math::max);
				long after = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
						after += pool.getCollectionUsage().getUsed();
					}
				}
				this.maxAfterCollection.accumulateAndGet(after, Math::max);
				BenchHttp.sleep(100);
			}
		}

		void stopWatching() {
			this.running = false;
		}

	}

}
