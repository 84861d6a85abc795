package kz.prometric.erp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.ErpApplication;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.RegisterUser;
import kz.prometric.erp.production.adapter.SimulatedMachine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static kz.prometric.erp.bench.OrderToCashBenchmark.await;
import static kz.prometric.erp.bench.OrderToCashBenchmark.log;
import static kz.prometric.erp.bench.OrderToCashBenchmark.run;

/**
 * Production runs through the REST API with T concurrent clients, the machine operation
 * served by the simulated machine (Camunda's external task client over the engine REST
 * API, logged in as a member of the workspace), against a durable embedded PostgreSQL;
 * and in the same run the bare engine on a BPMN of the same shape
 * ({@code bench/bare-production-run.bpmn}) driven through the Java API, its external task
 * served by the same simulated machine. Prints a Markdown table and writes it to
 * {@code target/bench-production-results.md}. Not a unit test: run it as described in
 * {@code docs/benchmarks.md}.
 */
public final class ProductionBenchmark {

	static final String CREATE_ORDER = "create production order (POST production-orders)";

	static final String RELEASE = "release (POST production-orders/{id}/release)";

	static final String WAIT_OPERATOR = "wait: released → operator task (materials, machine operation)";

	static final String COMPLETE_OPERATION = "complete operation (POST engine-rest task complete)";

	static final String WAIT_INSPECTION = "wait: operation → inspection task";

	static final String COMPLETE_INSPECTION = "complete inspection (POST engine-rest task complete)";

	static final String WAIT_DONE = "wait: inspection → DONE (output in stock)";

	static final String END_TO_END = "end to end per run";

	static final List<String> ROWS = List.of(CREATE_ORDER, RELEASE, WAIT_OPERATOR, COMPLETE_OPERATION, WAIT_INSPECTION,
			COMPLETE_INSPECTION, WAIT_DONE, END_TO_END);

	static final String PASSWORD = "benchmark-password-42";

	private ProductionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.parseInt(System.getProperty("bench.runs", (args.length > 0) ? args[0] : "50"));
		int clients = Integer.parseInt(System.getProperty("bench.clients", (args.length > 1) ? args[1] : "2"));
		int jobThreads = Integer.getInteger("bench.job-threads", 4);
		int warmUp = Integer.getInteger("bench.warm-up", Math.max(2, runs / 10));
		Path dataDirectory = Path.of("target/bench-data/postgres-" + System.currentTimeMillis());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ErpApplication.class).run(
				"--server.port=0", "--prometric.embedded-postgres.data-directory=" + dataDirectory,
				"--prometric.embedded-postgres.durable=true", "--prometric.embedded-postgres.clean-data-directory=true",
				"--prometric.demo.enabled=false", "--prometric.production.simulated-machines.enabled=false",
				// members (the machine's account) may work the baseline's external tasks
				// too
				"--prometric.engine.external-task-processes=production-run,bare-production-run",
				"--prometric.security.jwt-secret=benchmark-only-signing-secret-of-at-least-32-bytes",
				"--prometric.security.bcrypt-strength=4", "--camunda.bpm.job-execution.enabled=true",
				"--camunda.bpm.job-execution.core-pool-size=" + jobThreads,
				"--camunda.bpm.job-execution.max-pool-size=" + jobThreads, "--logging.level.root=WARN",
				"--logging.level.kz.prometric=WARN");
		int exit = 0;
		SimulatedMachine machine = null;
		try {
			String baseUrl = "http://localhost" + ":" + context.getEnvironment().getProperty("local.server.port");
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			ErpDriver erp = new ErpDriver(baseUrl);
			erp.setUp(2 * (runs + warmUp), context.getBean(IdentityManagement.class));
			engine.getRepositoryService()
				.createDeployment()
				.name("bench")
				.tenantId(erp.workspaceId.toString())
				.addClasspathResource("bench/bare-production-run.bpmn")
				.deploy();
			machine = SimulatedMachine.builder(baseUrl + "/engine-rest", erp.machineEmail, PASSWORD)
				.workerId("bench-machine")
				.workCenters(ErpDriver.MACHINE_CENTER, "BARE-CNC")
				.lockDuration(Duration.ofSeconds(30))
				.longPolling(Duration.ofSeconds(5))
				.maxTasks(clients)
				.start();
			BareDriver bare = new BareDriver(engine, erp.workspaceId, new Latencies());

			log("warm-up: %d ERP runs and %d bare instances (not measured)", warmUp, warmUp);
			run(warmUp, clients, new ErpDriver(erp, new Latencies())::run);
			run(warmUp, clients, new BareDriver(engine, erp.workspaceId, new Latencies())::instance);

			log("ERP: %d production runs with %d clients", runs, clients);
			double erpSeconds = run(runs, clients, erp::run);
			log("bare engine: %d instances with %d clients", runs, clients);
			double bareSeconds = run(runs, clients, bare::instance);

			String table = report(runs, clients, jobThreads, warmUp, erpSeconds, erp.latencies, bareSeconds,
					bare.latencies, machine);
			System.out.println();
			System.out.println(table);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/bench-production-results.md"), table);
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			exit = 1;
		}
		finally {
			if (machine != null) {
				machine.close();
			}
			context.close();
		}
		System.exit(exit);
	}

	static String report(int runs, int clients, int jobThreads, int warmUp, double erpSeconds, Latencies erp,
			double bareSeconds, Latencies bare, SimulatedMachine machine) {
		double erpRate = runs / erpSeconds;
		double bareRate = runs / bareSeconds;
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Production runs: N = %d runs, T = %d clients, %d job executor threads, %d warm-up runs, %d cores, durable embedded PostgreSQL, 1 simulated machine (%d operations completed)%n%n",
				runs, clients, jobThreads, warmUp, Runtime.getRuntime().availableProcessors(), machine.completed()));
		out.append("| | ERP (REST + adapter) | bare engine (Java API + adapter) | ratio ERP ÷ bare |\n"
				+ "| --- | ---: | ---: | ---: |\n");
		out.append(String.format(Locale.ROOT, "| wall time | %.1f s | %.1f s | |%n", erpSeconds, bareSeconds));
		out.append(String.format(Locale.ROOT, "| throughput | %.2f runs/s | %.2f instances/s | **%.3f** |%n%n", erpRate,
				bareRate, erpRate / bareRate));
		out.append("| step (ms) | ERP p50 | ERP p95 | ERP p99 | bare p50 | bare p95 | bare p99 | n |\n"
				+ "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
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
		out.append("\nThe bare engine's rows are the same steps through the Java API: start instance (≙ create and "
				+ "release), poll TaskService for the operator task, complete it, poll for the inspection task, "
				+ "complete it, poll until the instance has ended; its external task is served by the same "
				+ "simulated machine over the engine REST API. Polls run every " + OrderToCashBenchmark.POLL_MILLIS
				+ " ms.\n");
		return out.toString();
	}

	private static String ms(Latencies latencies, String type, double percentile) {
		double value = latencies.percentileMillis(type, percentile);
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One client's view: what a planner, an operator and an inspector do through REST.
	 */
	static final class ErpDriver {

		static final String MACHINE_CENTER = "CNC-B";

		final BenchHttp http;

		final Latencies latencies;

		UUID workspaceId;

		String productId;

		String warehouseId;

		String machineEmail;

		ErpDriver(String baseUrl) {
			this.latencies = new Latencies();
			this.http = new BenchHttp(baseUrl, this.latencies);
		}

		ErpDriver(ErpDriver other, Latencies latencies) {
			this.latencies = latencies;
			this.http = new BenchHttp(other.http.baseUrl(), latencies);
			this.http.token = other.http.token;
			this.workspaceId = other.workspaceId;
			this.productId = other.productId;
			this.warehouseId = other.warehouseId;
			this.machineEmail = other.machineEmail;
		}

		/**
		 * An owner, a workspace, a material in stock for {@code units} runs, a product
		 * with a one-line bill of materials and a routing of a machine operation and a
		 * manual one (inspected), and a machine account (a member).
		 */
		void setUp(int units, IdentityManagement identity) throws IOException {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String email = "bench-" + suffix + "@prometric.test";
			this.http.token = login(email);
			JsonNode org = this.http
				.post(null, "/api/organizations", Map.of("name", "Bench Works LLP", "bin", Bins.next()))
				.expect(201)
				.json();
			this.workspaceId = UUID.fromString(org.path("workspaceId").asText());
			this.warehouseId = id(this.http.post(null, ws() + "/warehouses", Map.of("code", "MAIN", "name", "Main")));
			String material = id(this.http.post(null, ws() + "/products", Map.of("code", "MAT-1", "name", "Steel sheet",
					"unit", "sheet", "price", "8000.00", "cost", "6000.00")));
			this.http
				.post(null, ws() + "/stock/receipts",
						Map.of("warehouseId", this.warehouseId, "productId", material, "quantity",
								String.valueOf(units), "unitCost", "6000.00"))
				.expect(201);
			this.productId = id(this.http.post(null, ws() + "/products", Map.of("code", "CAB-B", "name",
					"Bench cabinet", "unit", "pcs", "price", "450000.00", "cost", "100000.00")));
			this.http
				.send(null, "PUT", ws() + "/products/" + this.productId + "/bom",
						Map.of("components", List.of(Map.of("productId", material, "quantity", "1"))), Map.of())
				.expect(200);
			String cnc = id(this.http.post(null, ws() + "/work-centers", Map.of("code", MACHINE_CENTER, "name",
					"CNC cutter", "kind", "EXTERNAL", "hourlyRate", "12000.00", "capacityHoursPerDay", "16")));
			String assembly = id(this.http.post(null, ws() + "/work-centers", Map.of("code", "ASM-B", "name",
					"Assembly", "kind", "MANUAL", "hourlyRate", "5000.00", "capacityHoursPerDay", "8")));
			this.http
				.send(null, "PUT", ws() + "/products/" + this.productId + "/routing", Map.of("operations", List.of(
						Map.of("workCenterId", cnc, "name", "Cut", "setupMinutes", "5", "runMinutesPerUnit", "10",
								"instructions", "Cut", "inspectionAfter", false),
						Map.of("workCenterId", assembly, "name", "Assemble", "setupMinutes", "0", "runMinutesPerUnit",
								"30", "instructions", "Assemble", "inspectionAfter", true))),
						Map.of())
				.expect(200, 201);
			this.machineEmail = "machine-" + suffix + "@prometric.test";
			// a confirmed address, as an invitation needs (the bench sends no mail)
			identity.registerVerified(new RegisterUser(this.machineEmail, PASSWORD, "Bench", "Machine"));
			BenchHttp machine = new BenchHttp(this.http.baseUrl(), null);
			machine.token = machine
				.post(null, "/api/auth/login", Map.of("email", this.machineEmail, "password", PASSWORD))
				.expect(200)
				.json()
				.path("accessToken")
				.asText();
			String invitation = id(
					this.http.post(null, ws() + "/invitations", Map.of("email", this.machineEmail, "role", "MEMBER")));
			machine.post(null, "/api/invitations/" + invitation + "/accept", null).expect(200);
		}

		private String login(String email) {
			BenchHttp anonymous = new BenchHttp(this.http.baseUrl(), null);
			anonymous
				.post(null, "/api/auth/register",
						Map.of("email", email, "password", PASSWORD, "firstName", "Bench", "lastName", "Mark"))
				.expect(202);
			return anonymous.post(null, "/api/auth/login", Map.of("email", email, "password", PASSWORD))
				.expect(200)
				.json()
				.path("accessToken")
				.asText();
		}

		String ws() {
			return "/api/workspaces/" + this.workspaceId;
		}

		void run(int i) {
			long start = System.nanoTime();
			JsonNode created = this.http
				.post(CREATE_ORDER, ws() + "/production-orders",
						Map.of("productId", this.productId, "quantity", "1", "dueDate",
								LocalDate.now().plusDays(7).toString(), "warehouseId", this.warehouseId),
						"mo-" + UUID.randomUUID())
				.expect(201)
				.json();
			String id = created.path("id").asText();
			String number = created.path("orderNumber").asText();
			this.http.post(RELEASE, ws() + "/production-orders/" + id + "/release", null).expect(200);
			String operation = awaitTask(WAIT_OPERATOR, "Task_PerformOperation", number);
			this.http.post(COMPLETE_OPERATION, "/engine-rest/task/" + operation + "/complete",
					Map.of("variables",
							Map.of("goodQuantity", Map.of("value", 1, "type", "Long"), "scrapQuantity",
									Map.of("value", 0, "type", "Long"), "durationMinutes",
									Map.of("value", 30, "type", "Long"))))
				.expect(204);
			String inspection = awaitTask(WAIT_INSPECTION, "Task_InspectQuality", number);
			this.http
				.post(COMPLETE_INSPECTION, "/engine-rest/task/" + inspection + "/complete", Map.of("variables", Map
					.of("sampled", Map.of("value", 1, "type", "Long"), "defects", Map.of("value", 0, "type", "Long"))))
				.expect(204);
			await(this.latencies, WAIT_DONE, number + " to be done",
					() -> "DONE".equals(this.http
						.get("poll production order (GET production-orders/{id})", ws() + "/production-orders/" + id)
						.expect(200)
						.json()
						.path("status")
						.asText()));
			this.latencies.record(END_TO_END, System.nanoTime() - start);
		}

		private String awaitTask(String type, String taskKey, String number) {
			String[] id = new String[1];
			await(this.latencies, type, taskKey + " of " + number, () -> {
				JsonNode tasks = this.http
					.get("poll task (GET engine-rest task)",
							"/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey=" + number)
					.expect(200)
					.json();
				id[0] = tasks.path(0).path("id").asText();
				return tasks.size() == 1;
			});
			return id[0];
		}

		private static String id(BenchHttp.Reply created) {
			return created.expect(201).json().path("id").asText();
		}

	}

	/** The same steps on the bare engine through the Java API. */
	static final class BareDriver {

		final RuntimeService runtime;

		final TaskService tasks;

		final UUID workspaceId;

		final Latencies latencies;

		BareDriver(ProcessEngine engine, UUID workspaceId, Latencies latencies) {
			this.runtime = engine.getRuntimeService();
			this.tasks = engine.getTaskService();
			this.workspaceId = workspaceId;
			this.latencies = latencies;
		}

		void instance(int i) {
			long start = System.nanoTime();
			String businessKey = "BARE-" + UUID.randomUUID();
			long created = System.nanoTime();
			String processInstanceId = this.runtime.createProcessInstanceByKey("bare-production-run")
				.processDefinitionTenantId(this.workspaceId.toString())
				.businessKey(businessKey)
				.setVariables(Map.of("workspaceId", this.workspaceId.toString(), "quantity", 1L, "plannedMinutes", 15L,
						"productionOrderNumber", businessKey, "operationName", "Cut"))
				.execute()
				.getId();
			this.latencies.record(CREATE_ORDER, System.nanoTime() - created);
			complete(WAIT_OPERATOR, COMPLETE_OPERATION, processInstanceId, "Task_PerformOperation",
					Map.of("goodQuantity", 1L, "scrapQuantity", 0L, "durationMinutes", 30L));
			complete(WAIT_INSPECTION, COMPLETE_INSPECTION, processInstanceId, "Task_InspectQuality",
					Map.of("sampled", 1L, "defects", 0L));
			await(this.latencies, WAIT_DONE, "the bare run to end",
					() -> this.runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0);
			this.latencies.record(END_TO_END, System.nanoTime() - start);
		}

		private void complete(String waitType, String completeType, String processInstanceId, String taskKey,
				Map<String, Object> variables) {
			Task[] task = new Task[1];
			await(this.latencies, waitType, "the bare " + taskKey, () -> {
				task[0] = this.tasks.createTaskQuery()
					.processInstanceId(processInstanceId)
					.taskDefinitionKey(taskKey)
					.singleResult();
				return task[0] != null;
			});
			long start = System.nanoTime();
			this.tasks.complete(task[0].getId(), variables);
			this.latencies.record(completeType, System.nanoTime() - start);
		}

	}

}
