package kz.prometric.erp.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clients of the fault checks that keep going through a fault: T threads share N deals,
 * and each deal goes from creation to its invoice (create, WON with
 * {@code Idempotency-Key: won-<dealId>}, wait for the ship task, complete it, wait for
 * the invoice). A request that fails (no answer, or a 5xx) is counted and sent again
 * after a short pause, with the same idempotency key; a deal creation whose answer was
 * lost is looked up by its title before it is sent again, and a ship task whose
 * completion was lost is found done. Anything else unexpected (a 4xx) stops the client.
 */
final class RetryingClients {

	final BenchHttp http;

	final String ws;

	final String customerId;

	final String titlePrefix;

	final AtomicInteger failed = new AtomicInteger();

	final AtomicLong lastFailure = new AtomicLong();

	final AtomicLong firstFailure = new AtomicLong();

	/** The time of the last successful answer. */
	final AtomicLong lastSuccess = new AtomicLong();

	final Map<Integer, String> dealIds = new ConcurrentHashMap<>();

	final Set<Integer> won = ConcurrentHashMap.newKeySet();

	final Set<Integer> invoiced = ConcurrentHashMap.newKeySet();

	final AtomicInteger stopped = new AtomicInteger();

	private final AtomicLong recoveredAfter = new AtomicLong(-1);

	private volatile long watchFrom = Long.MAX_VALUE;

	RetryingClients(BenchHttp http, String ws, String customerId, String titlePrefix) {
		this.http = http;
		this.ws = ws;
		this.customerId = customerId;
		this.titlePrefix = titlePrefix;
	}

	/**
	 * Registers and logs in the check's user (a platform administrator of the nodes),
	 * creates an organization and a customer; answers the clients.
	 */
	static RetryingClients setUp(BenchHttp http, String email, String titlePrefix) {
		http.post(null, "/api/auth/register",
				Map.of("email", email, "password", KillNineCheck.PASSWORD, "firstName", "Fault", "lastName", "Check"))
			.expect(202);
		KillNineCheck.login(http, email);
		return inNewWorkspace(http, titlePrefix);
	}

	/**
	 * Clients in a new organization (its own gapless numbers) with a customer, as the
	 * logged-in user of {@code http}.
	 */
	static RetryingClients inNewWorkspace(BenchHttp http, String titlePrefix) {
		String ws = "/api/workspaces/" + http
			.post(null, "/api/organizations", Map.of("name", titlePrefix + " Trading LLP", "bin", Bins.next()))
			.expect(201)
			.json()
			.path("workspaceId")
			.asText();
		String customerId = http
			.post(null, ws + "/customers", Map.of("type", "COMPANY", "name", "Fault Buyer LLP", "email",
					"accounts@fault-buyer.kz", "taxId", Bins.next()))
			.expect(201)
			.json()
			.path("id")
			.asText();
		return new RetryingClients(http, ws, customerId, titlePrefix);
	}

	/**
	 * From now on, remember how long after {@code since} the first request succeeded (the
	 * recovery after a fault ended).
	 */
	void watchRecovery(long since) {
		this.recoveredAfter.set(-1);
		this.watchFrom = since;
	}

	/** Milliseconds from the watch's start to the first success, or -1. */
	long recoveredAfter() {
		return this.recoveredAfter.get();
	}

	/** Runs {@code deals} deals on {@code clients} threads; returns when all are done. */
	void run(int deals, int clients, long timeoutMillis) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				try {
					for (int i = next.getAndIncrement(); i < deals; i = next.getAndIncrement()) {
						deal(i);
					}
				}
				catch (RuntimeException ex) {
					this.stopped.incrementAndGet();
					AppNode.log("client stopped: %s", ex.getMessage());
				}
			});
		}
		pool.shutdown();
		if (!pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
			pool.shutdownNow();
			throw new IllegalStateException("The clients did not finish in time");
		}
	}

	String title(int i) {
		return this.titlePrefix + " " + i;
	}

	/** One deal from creation to its invoice. */
	void deal(int i) {
		String dealId = create(i);
		this.dealIds.put(i, dealId);
		call(() -> this.http.post(null, this.ws + "/deals/" + dealId + "/stage", Map.of("stage", "WON"),
				"won-" + dealId), 200);
		this.won.add(i);
		String orderId = null;
		while (true) {
			JsonNode tasks = call(
					() -> this.http.get(null,
							"/engine-rest/task?taskDefinitionKey=Task_ShipOrder&processVariables=dealId_eq_" + dealId),
					200)
				.json();
			if (!tasks.isEmpty()) {
				String taskId = tasks.get(0).path("id").asText();
				orderId = call(() -> this.http.get(null, "/engine-rest/task/" + taskId + "/variables/orderId"), 200)
					.json()
					.path("value")
					.asText();
				// 204 completed; 404 or 500: the task is gone (a lost answer of an
				// earlier try)
				BenchHttp.Reply done = call(
						() -> this.http.post(null, "/engine-rest/task/" + taskId + "/complete",
								Map.of("variables", Map.of("carrier", Map.of("value", "Fault", "type", "String")))),
						204, 404, 500);
				if (done.status() == 204) {
					break;
				}
				if (done.status() == 500) {
					failure();
				}
			}
			else if (orderId != null && shippedOrLater(orderId)) {
				break;
			}
			BenchHttp.sleep(50);
		}
		String order = orderId;
		while (call(() -> this.http.get(null, this.ws + "/invoices?orderId=" + order), 200).json()
			.path("items")
			.isEmpty()) {
			BenchHttp.sleep(50);
		}
		this.invoiced.add(i);
	}

	private boolean shippedOrLater(String orderId) {
		String status = call(() -> this.http.get(null, this.ws + "/orders/" + orderId), 200).json()
			.path("status")
			.asText();
		return Set.of("SHIPPED", "INVOICED", "PAID").contains(status);
	}

	/** Creates the deal, or finds it when an earlier try's answer was lost. */
	private String create(int i) {
		String title = title(i);
		Map<String, Object> body = Map.of("customerId", this.customerId, "title", title, "products",
				List.of(Map.of("productName", "Consulting service", "quantity", "1", "unitPrice", "100000.00")));
		while (true) {
			try {
				BenchHttp.Reply reply = this.http.post(null, this.ws + "/deals", body);
				if (reply.status() == 201) {
					success();
					return reply.json().path("id").asText();
				}
				if (reply.status() < 500) {
					throw new IllegalStateException("Unexpected answer " + reply.status() + ": " + reply.text());
				}
			}
			catch (IllegalStateException ex) {
				if (!ex.getMessage().startsWith("POST")) {
					throw ex;
				}
			}
			failure();
			// the lost answer may have been a committed creation
			String found = find(title);
			if (found != null) {
				return found;
			}
		}
	}

	private String find(String title) {
		JsonNode items = call(() -> this.http.get(null,
				this.ws + "/deals?size=100&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)), 200)
			.json()
			.path("items");
		for (JsonNode deal : items) {
			if (deal.path("title").asText().equals(title)) {
				return deal.path("id").asText();
			}
		}
		return null;
	}

	/**
	 * Sends until one of the statuses comes back: no answer or a 5xx that is not expected
	 * is a failed request, sent again after 250 ms.
	 */
	BenchHttp.Reply call(Supplier<BenchHttp.Reply> request, int... expected) {
		while (true) {
			try {
				BenchHttp.Reply reply = request.get();
				for (int status : expected) {
					if (reply.status() == status) {
						success();
						return reply;
					}
				}
				if (reply.status() < 500) {
					throw new IllegalStateException("Unexpected answer " + reply.status() + ": " + reply.text());
				}
			}
			catch (IllegalStateException ex) {
				if (ex.getMessage() == null || ex.getMessage().startsWith("Unexpected answer")) {
					throw ex;
				}
			}
			failure();
		}
	}

	private void success() {
		long now = System.currentTimeMillis();
		this.lastSuccess.set(now);
		if (now >= this.watchFrom) {
			this.recoveredAfter.compareAndSet(-1, now - this.watchFrom);
		}
	}

	private void failure() {
		if (Thread.currentThread().isInterrupted()) {
			throw new IllegalStateException("Unexpected answer: interrupted");
		}
		long now = System.currentTimeMillis();
		this.failed.incrementAndGet();
		this.firstFailure.compareAndSet(0, now);
		this.lastFailure.set(now);
		BenchHttp.sleep(250);
	}

}
