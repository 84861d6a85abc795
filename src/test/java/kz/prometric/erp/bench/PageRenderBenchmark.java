package kz.prometric.erp.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.ErpApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the ERP's pages render: starts the application with the demo data on a durable
 * embedded PostgreSQL, logs in through the login form as the demo owner, finds the pages
 * (every list, and the first detail page each list links to) and requests each one
 * {@code bench.requests} times after {@code bench.warm-up} unmeasured requests, one at a
 * time. Prints p50, p95 and max per page, and the same figures for the login page (a
 * template with no data) as the baseline of this run. See docs/benchmarks.md.
 */
public final class PageRenderBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private PageRenderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("bench.requests", 100);
		int warmUp = Integer.getInteger("bench.warm-up", 20);
		Path dataDirectory = Path.of("target/bench-data/pages-" + System.currentTimeMillis());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ErpApplication.class).run(
				"--server.port=0", "--prometric.embedded-postgres.data-directory=" + dataDirectory,
				"--prometric.embedded-postgres.durable=true", "--prometric.embedded-postgres.clean-data-directory=true",
				"--prometric.demo.enabled=true",
				"--prometric.security.jwt-secret=benchmark-only-signing-secret-of-at-least-32-bytes",
				"--logging.level.root=WARN", "--logging.level.kz.prometric=WARN");
		int exit = 0;
		try {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient client = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
			Latencies latencies = new Latencies();
			measure(client, base, "/login", "login page (baseline)", warmUp, requests, latencies);
			login(client, base, System.getProperty("bench.user", "owner@demo.prometric.kz"),
					System.getProperty("bench.password", "demo-password"));
			String home = get(client, base + "/app").headers().firstValue("Location").orElseThrow();
			String workspace = URI.create(base).resolve(home).getPath();
			orderToCash(base, workspace.substring(workspace.lastIndexOf('/') + 1));
			Map<String, String> pages = pages(client, base, workspace);
			Pattern only = Pattern.compile(System.getProperty("bench.only", ".*"));
			for (Map.Entry<String, String> page : pages.entrySet()) {
				if (!only.matcher(page.getKey()).matches()) {
					continue;
				}
				measure(client, base, page.getValue(), page.getKey(), warmUp, requests, latencies);
			}
			double baseline = latencies.percentileMillis("login page (baseline)", 95);
			System.out.printf("%n%-28s %8s %8s %8s %10s%n", "page", "p50 ms", "p95 ms", "max ms", "p95/login");
			for (String type : latencies.types()) {
				System.out.printf("%-28s %8.1f %8.1f %8.1f %10.1f%n", type, latencies.percentileMillis(type, 50),
						latencies.percentileMillis(type, 95), latencies.percentileMillis(type, 100),
						latencies.percentileMillis(type, 95) / baseline);
			}
			double worst = latencies.types()
				.stream()
				.mapToDouble(t -> latencies.percentileMillis(t, 95))
				.max()
				.orElse(0);
			System.out.printf("%nslowest page p95: %.1f ms (goal: under 300 ms)%n", worst);
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
	 * The demo data has no orders or invoices: one demo deal is won through the REST API
	 * as the owner, its Ship order task completed and half of its invoice paid, so the
	 * order and invoice pages (and the PDF) are measured too.
	 */
	private static void orderToCash(String base, String workspaceId) {
		BenchHttp http = new BenchHttp(base, new Latencies());
		http.token = http
			.post(null, "/api/auth/login",
					Map.of("email", System.getProperty("bench.user", "owner@demo.prometric.kz"), "password",
							System.getProperty("bench.password", "demo-password")))
			.expect(200)
			.json()
			.path("accessToken")
			.asText();
		String ws = "/api/workspaces/" + workspaceId;
		String customerId = http.get(null, ws + "/customers?size=1&sort=name,asc")
			.expect(200)
			.json()
			.path("items")
			.path(0)
			.path("id")
			.asText();
		String dealId = http
			.post(null, ws + "/deals",
					Map.of("customerId", customerId, "title", "Page benchmark consulting", "products", List
						.of(Map.of("productName", "Consulting service", "quantity", "2", "unitPrice", "150000.00"))))
			.expect(201)
			.json()
			.path("id")
			.asText();
		http.post(null, ws + "/deals/" + dealId + "/stage", Map.of("stage", "WON"), "win-" + dealId).expect(200);
		JsonNode[] task = new JsonNode[1];
		OrderToCashBenchmark.await(new Latencies(), "ship task", "the ship task of deal " + dealId, () -> {
			JsonNode tasks = http
				.get(null, "/engine-rest/task?taskDefinitionKey=Task_ShipOrder&processVariables=dealId_eq_" + dealId)
				.expect(200)
				.json();
			task[0] = tasks.path(0);
			return tasks.size() == 1;
		});
		String taskId = task[0].path("id").asText();
		String orderId = http.get(null, "/engine-rest/task/" + taskId + "/variables/orderId")
			.expect(200)
			.json()
			.path("value")
			.asText();
		http.post(null, "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("carrier", Map.of("value", "Kazpost", "type", "String"))))
			.expect(204);
		JsonNode[] invoice = new JsonNode[1];
		OrderToCashBenchmark.await(new Latencies(), "invoice", "the invoice of order " + orderId, () -> {
			JsonNode invoices = http.get(null, ws + "/invoices?orderId=" + orderId).expect(200).json();
			invoice[0] = invoices.path("items").path(0);
			return invoices.path("total").asInt() == 1;
		});
		http.post(null, ws + "/invoices/" + invoice[0].path("id").asText() + "/payments",
				Map.of("amount",
						new BigDecimal(invoice[0].path("grossTotal").asText()).divide(BigDecimal.valueOf(2))
							.setScale(2, RoundingMode.HALF_UP)
							.toPlainString()),
				"pay-" + orderId)
			.expect(201);
	}

	/** Every list page, and the first detail page each list links to. */
	private static Map<String, String> pages(HttpClient client, String base, String workspace) throws Exception {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", workspace);
		String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
		for (String list : List.of("deals", "deals/board", "customers", "products", "warehouses", "orders", "invoices",
				"employees", "production", "tasks/overdue")) {
			HttpResponse<String> answer = get(client, base + workspace + "/" + list);
			if (answer.statusCode() != 200) {
				System.out.printf("skipped %s: %d%n", list, answer.statusCode());
				continue;
			}
			pages.put(list, workspace + "/" + list);
			String kind = list.contains("/") ? list.substring(0, list.indexOf('/')) : list;
			Matcher detail = Pattern.compile("href=\"(" + Pattern.quote(workspace) + "/" + kind + "/" + uuid + ")\"")
				.matcher(answer.body());
			if (detail.find() && !pages.containsValue(detail.group(1))) {
				pages.put(kind + " detail", detail.group(1));
				if (kind.equals("invoices")) {
					pages.put("invoice PDF", detail.group(1) + "/document.pdf");
				}
			}
		}
		return pages;
	}

	private static void login(HttpClient client, String base, String email, String password) throws Exception {
		Matcher csrf = CSRF.matcher(get(client, base + "/login").body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Login failed: " + answer.statusCode() + " " + location);
		}
	}

	private static void measure(HttpClient client, String base, String path, String name, int warmUp, int requests,
			Latencies latencies) throws Exception {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < warmUp + requests; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			long took = System.nanoTime() - start;
			if (answer.statusCode() != 200) {
				statuses.add(answer.statusCode());
			}
			if (i >= warmUp) {
				latencies.record(name, took);
			}
		}
		if (!statuses.isEmpty()) {
			throw new IllegalStateException(path + " answered " + statuses.get(0));
		}
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
