package kz.prometric.erp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.ErpApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Order to cash through the REST API with T concurrent clients against a durable embedded
 * PostgreSQL, and in the same run (same JVM, same database, same job executor) the bare
 * engine on a BPMN of the same shape ({@code bench/bare-order-to-cash.bpmn}) driven
 * through the Java API. Prints a Markdown table and writes it to
 * {@code target/bench-results.md}. Not a unit test: run it as described in
 * {@code docs/benchmarks.md}.
 */
public final class OrderToCashBenchmark {

	static final long POLL_MILLIS = 20;

	static final long TIMEOUT_MILLIS = 300_000;

	private OrderToCashBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int deals = Integer.parseInt(System.getProperty("bench.deals", (args.length > 0) ? args[0] : "200"));
		int clients = Integer.parseInt(System.getProperty("bench.clients", (args.length > 1) ? args[1] : "4"));
		int jobThreads = Integer.getInteger("bench.job-threads", 4);
		int warmUp = Integer.getInteger("bench.warm-up", Math.max(4, deals / 10));
		Path dataDirectory = Path.of("target/bench-data/postgres-" + System.currentTimeMillis());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ErpApplication.class).run(
				"--server.port=0", "--prometric.embedded-postgres.data-directory=" + dataDirectory,
				"--prometric.embedded-postgres.durable=true", "--prometric.embedded-postgres.clean-data-directory=true",
				"--prometric.demo.enabled=false",
				"--prometric.security.jwt-secret=benchmark-only-signing-secret-of-at-least-32-bytes",
				"--prometric.security.bcrypt-strength=4", "--camunda.bpm.job-execution.enabled=true",
				"--camunda.bpm.job-execution.core-pool-size=" + jobThreads,
				"--camunda.bpm.job-execution.max-pool-size=" + jobThreads, "--logging.level.root=WARN",
				"--logging.level.kz.prometric=WARN");
		int exit = 0;
		try {
			String port = context.getEnvironment().getProperty("local.server.port");
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			engine.getRepositoryService()
				.createDeployment()
				.name("bench")
				.addClasspathResource("bench/bare-order-to-cash.bpmn")
				.deploy();

			ErpDriver erp = new ErpDriver("http://localhost:" + port);
			erp.setUp();
			BareDriver bare = new BareDriver(engine, erp.workspaceId);

			log("warm-up: %d ERP deals and %d bare instances (not measured)", warmUp, warmUp);
			run(warmUp, clients, new ErpDriver(erp, new Latencies())::deal);
			run(warmUp, clients, new BareDriver(engine, erp.workspaceId, new Latencies())::instance);

			log("ERP: %d deals with %d clients", deals, clients);
			double erpSeconds = run(deals, clients, erp::deal);
			log("bare engine: %d instances with %d clients", deals, clients);
			double bareSeconds = run(deals, clients, bare::instance);

			String table = report(deals, clients, jobThreads, warmUp, erpSeconds, erp.latencies, bareSeconds,
					bare.latencies);
			System.out.println();
			System.out.println(table);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/bench-results.md"), table);
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

	/**
	 * Runs {@code count} items on {@code clients} threads; answers the wall time in
	 * seconds.
	 */
	static double run(int count, int clients, IntConsumer item) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					item.accept(i);
				}
			}));
		}
		try {
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Polls until the condition holds; records the wait under {@code type}. */
	static void await(Latencies latencies, String type, String what, BooleanSupplier condition) {
		long start = System.nanoTime();
		while (!condition.getAsBoolean()) {
			if ((System.nanoTime() - start) / 1_000_000 > TIMEOUT_MILLIS) {
				throw new IllegalStateException("Timed out waiting for " + what);
			}
			BenchHttp.sleep(POLL_MILLIS);
		}
		latencies.record(type, System.nanoTime() - start);
	}

	static final String CREATE_DEAL = "create deal (POST deals)";

	static final String WIN_DEAL = "win deal (POST stage WON)";

	static final String COMPLETE_SHIP = "complete ship task (POST engine-rest task complete)";

	static final String RECORD_PAYMENT = "record payment (POST invoice payments)";

	static final String WAIT_SHIP = "wait: WON → ship task (order created, stock reserved)";

	static final String WAIT_INVOICE = "wait: shipped → invoice issued";

	static final String WAIT_PAID = "wait: payment → order PAID";

	static final String END_TO_END = "end to end per deal";

	static final List<String> ROWS = List.of(CREATE_DEAL, WIN_DEAL, COMPLETE_SHIP, RECORD_PAYMENT, WAIT_SHIP,
			WAIT_INVOICE, WAIT_PAID, END_TO_END);

	static String report(int deals, int clients, int jobThreads, int warmUp, double erpSeconds, Latencies erp,
			double bareSeconds, Latencies bare) {
		double erpRate = deals / erpSeconds;
		double bareRate = deals / bareSeconds;
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Order to cash: N = %d deals, T = %d clients, %d job executor threads, %d warm-up deals, %d cores, durable embedded PostgreSQL%n%n",
				deals, clients, jobThreads, warmUp, Runtime.getRuntime().availableProcessors()));
		out.append("| | ERP (REST) | bare engine (Java API) | ratio ERP ÷ bare |\n| --- | ---: | ---: | ---: |\n");
		out.append(String.format(Locale.ROOT, "| wall time | %.1f s | %.1f s | |%n", erpSeconds, bareSeconds));
		out.append(String.format(Locale.ROOT, "| throughput | %.2f deals/s | %.2f instances/s | **%.3f** |%n%n",
				erpRate, bareRate, erpRate / bareRate));
		out.append(
				"| step (ms) | ERP p50 | ERP p95 | ERP p99 | bare p50 | bare p95 | bare p99 | n |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		List<String> rows = new ArrayList<>(ROWS);
		for (String type : erp.types()) {
			if (!rows.contains(type)) {
				rows.add(type);
			}
		}
		for (String type : rows) {
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d |%n", type,
					ms(erp, type, 50), ms(erp, type, 95), ms(erp, type, 99), ms(bare, type, 50), ms(bare, type, 95),
					ms(bare, type, 99), erp.count(type)));
		}
		out.append("\nThe bare engine's rows are the same steps through the Java API: start instance, correlate "
				+ "the won message, complete the user task, correlate the paid message; its waits poll the "
				+ "engine for the same states. Polls run every " + POLL_MILLIS + " ms.\n");
		return out.toString();
	}

	private static String ms(Latencies latencies, String type, double percentile) {
		double value = latencies.percentileMillis(type, percentile);
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
	}

	static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
	}

	/** One client's view of the ERP: the REST calls a user makes from deal to payment. */
	static final class ErpDriver {

		final BenchHttp http;

		final Latencies latencies;

		UUID workspaceId;

		String customerId;

		ErpDriver(String baseUrl) {
			this.latencies = new Latencies();
			this.http = new BenchHttp(baseUrl, this.latencies);
		}

		ErpDriver(ErpDriver other, Latencies latencies) {
			this.latencies = latencies;
			this.http = new BenchHttp(other.http.baseUrl(), latencies);
			this.http.token = other.http.token;
			this.workspaceId = other.workspaceId;
			this.customerId = other.customerId;
		}

		void setUp() throws IOException {
			String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@prometric.test";
			String password = "benchmark-password-42";
			this.http
				.post(null, "/api/auth/register",
						Map.of("email", email, "password", password, "firstName", "Bench", "lastName", "Mark"))
				.expect(202);
			this.http.token = this.http.post(null, "/api/auth/login", Map.of("email", email, "password", password))
				.expect(200)
				.json()
				.path("accessToken")
				.asText();
			JsonNode org = this.http
				.post(null, "/api/organizations", Map.of("name", "Bench Trading LLP", "bin", Bins.next()))
				.expect(201)
				.json();
			this.workspaceId = UUID.fromString(org.path("workspaceId").asText());
			this.customerId = this.http
				.post(null, ws() + "/customers",
						Map.of("type", "COMPANY", "name", "Bench Buyer LLP", "email", "accounts@bench-buyer.kz",
								"taxId", Bins.next()))
				.expect(201)
				.json()
				.path("id")
				.asText();
		}

		String ws() {
			return "/api/workspaces/" + this.workspaceId;
		}

		void deal(int i) {
			long start = System.nanoTime();
			String dealId = this.http
				.post(CREATE_DEAL, ws() + "/deals",
						Map.of("customerId", this.customerId, "title", "Bench deal " + i, "products", List.of(Map
							.of("productName", "Consulting service", "quantity", "1", "unitPrice", "100000.00"))))
				.expect(201)
				.json()
				.path("id")
				.asText();
			this.http.post(WIN_DEAL, ws() + "/deals/" + dealId + "/stage", Map.of("stage", "WON"), "win-" + dealId)
				.expect(200);
			JsonNode[] task = new JsonNode[1];
			await(this.latencies, WAIT_SHIP, "the ship task of deal " + dealId, () -> {
				JsonNode tasks = this.http
					.get("poll ship task (GET engine-rest task)",
							"/engine-rest/task?taskDefinitionKey=Task_ShipOrder&processVariables=dealId_eq_" + dealId)
					.expect(200)
					.json();
				task[0] = tasks.path(0);
				return tasks.size() == 1;
			});
			String taskId = task[0].path("id").asText();
			String orderId = this.http
				.get("read orderId (GET engine-rest task variable)",
						"/engine-rest/task/" + taskId + "/variables/orderId")
				.expect(200)
				.json()
				.path("value")
				.asText();
			this.http
				.post(COMPLETE_SHIP, "/engine-rest/task/" + taskId + "/complete",
						Map.of("variables", Map.of("carrier", Map.of("value", "Bench", "type", "String"))))
				.expect(204);
			JsonNode[] invoice = new JsonNode[1];
			await(this.latencies, WAIT_INVOICE, "the invoice of order " + orderId, () -> {
				JsonNode invoices = this.http
					.get("poll invoice (GET invoices?orderId)", ws() + "/invoices?orderId=" + orderId)
					.expect(200)
					.json();
				invoice[0] = invoices.path("items").path(0);
				return invoices.path("total").asInt() == 1;
			});
			this.http
				.post(RECORD_PAYMENT, ws() + "/invoices/" + invoice[0].path("id").asText() + "/payments",
						Map.of("amount", invoice[0].path("grossTotal").asText()), "pay-" + orderId)
				.expect(201);
			await(this.latencies, WAIT_PAID, "order " + orderId + " to be paid",
					() -> "PAID".equals(this.http.get("poll order (GET orders/{id})", ws() + "/orders/" + orderId)
						.expect(200)
						.json()
						.path("status")
						.asText()));
			this.latencies.record(END_TO_END, System.nanoTime() - start);
		}

	}

	/** The same steps on the bare engine through the Java API. */
	static final class BareDriver {

		final RuntimeService runtime;

		final TaskService tasks;

		final UUID workspaceId;

		final Latencies latencies;

		BareDriver(ProcessEngine engine, UUID workspaceId) {
			this(engine, workspaceId, new Latencies());
		}

		BareDriver(ProcessEngine engine, UUID workspaceId, Latencies latencies) {
			this.runtime = engine.getRuntimeService();
			this.tasks = engine.getTaskService();
			this.workspaceId = workspaceId;
			this.latencies = latencies;
		}

		void instance(int i) {
			long start = System.nanoTime();
			String businessKey = "BARE-" + UUID.randomUUID();
			String processInstanceId = timed(CREATE_DEAL,
					() -> this.runtime
						.startProcessInstanceByKey("bare-order-to-cash", businessKey,
								Map.of("workspaceId", this.workspaceId.toString()))
						.getId());
			timed(WIN_DEAL, () -> {
				this.runtime.createMessageCorrelation("Msg_BareDealWon")
					.processInstanceBusinessKey(businessKey)
					.correlateWithResult();
				return null;
			});
			Task[] task = new Task[1];
			await(this.latencies, WAIT_SHIP, "the bare ship task", () -> {
				task[0] = this.tasks.createTaskQuery()
					.processInstanceId(processInstanceId)
					.taskDefinitionKey("Task_ShipOrder")
					.singleResult();
				return task[0] != null;
			});
			timed(COMPLETE_SHIP, () -> {
				this.tasks.complete(task[0].getId(), Map.of("carrier", "Bench"));
				return null;
			});
			await(this.latencies, WAIT_INVOICE, "the bare process to await payment",
					() -> this.runtime.createExecutionQuery()
						.processInstanceId(processInstanceId)
						.activityId("Task_AwaitPayment")
						.count() == 1);
			timed(RECORD_PAYMENT, () -> {
				this.runtime.createMessageCorrelation("Msg_BareInvoicePaid")
					.processInstanceBusinessKey(businessKey)
					.correlateWithResult();
				return null;
			});
			await(this.latencies, WAIT_PAID, "the bare process to end",
					() -> this.runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0);
			this.latencies.record(END_TO_END, System.nanoTime() - start);
		}

		private <T> T timed(String type, java.util.function.Supplier<T> call) {
			long start = System.nanoTime();
			T result = call.get();
			this.latencies.record(type, System.nanoTime() - start);
			return result;
		}

	}

}
