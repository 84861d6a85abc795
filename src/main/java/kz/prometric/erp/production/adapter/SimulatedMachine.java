package kz.prometric.erp.production.adapter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.ExternalTaskClientBuilder;
import org.camunda.bpm.client.backoff.ExponentialBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine (or MES) that works the operations of EXTERNAL work centers, built on
 * Camunda's Java external task client exactly as a vendor's gateway would be: it logs in
 * to the engine REST API with an ERP account (HTTP Basic), subscribes to
 * {@code production.<work-center-code>} for each of its work centers, and for each
 * operation it locks reads {@code quantity} and {@code plannedMinutes} and completes with
 * {@code goodQuantity} = quantity − scrap, {@code scrapQuantity}, {@code durationMinutes}
 * = plannedMinutes and {@code notes}. For tests and demonstrations it can fail the first
 * attempts of every operation (a failure with retries: the engine offers the operation
 * again after the retry timeout, and makes an incident when no retries are left) and
 * report scrap.
 * <p>
 * Start one with {@link #builder(String, String, String)}; {@link #close()} stops it.
 */
public final class SimulatedMachine implements AutoCloseable {

	/** Topics of work centers are this prefix and the work center's code. */
	public static final String TOPIC_PREFIX = "production.";

	/** The variables a machine reads (the external task's local inputs). */
	static final List<String> INPUTS = List.of("quantity", "plannedMinutes", "operationName", "instructions",
			"productCode", "productionOrderNumber");

	private static final Logger log = LoggerFactory.getLogger(SimulatedMachine.class);

	private final Builder settings;

	private final ExternalTaskClient client;

	private final Map<String, AtomicInteger> failuresByTask = new ConcurrentHashMap<>();

	private final AtomicInteger completed = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	private SimulatedMachine(Builder settings) {
		this.settings = settings;
		ExternalTaskClientBuilder client = ExternalTaskClient.create()
			.baseUrl(settings.engineRestUrl)
			.workerId(settings.workerId)
			.addInterceptor(new BasicAuthProvider(settings.email, settings.password))
			.maxTasks(settings.maxTasks)
			.lockDuration(settings.lockDuration.toMillis())
			.backoffStrategy(new ExponentialBackoffStrategy(settings.pollInterval.toMillis(), 2,
					Math.max(settings.pollInterval.toMillis(), settings.maxPollInterval.toMillis())));
		if (!settings.longPolling.isZero()) {
			client.asyncResponseTimeout(settings.longPolling.toMillis());
		}
		this.client = client.build();
		for (String workCenter : settings.workCenters) {
			this.client.subscribe(TOPIC_PREFIX + workCenter)
				.lockDuration(settings.lockDuration.toMillis())
				.variables(INPUTS.toArray(String[]::new))
				.handler((task, service) -> work(workCenter, task, service))
				.open();
		}
		log.info("Simulated machine {} serves {} at {} as {}", settings.workerId,
				settings.workCenters.stream().map(code -> TOPIC_PREFIX + code).toList(), settings.engineRestUrl,
				settings.email);
	}

	/**
	 * A machine that logs in to the engine REST API at {@code engineRestUrl} (e.g.
	 * {@code http://localhost:8080/engine-rest}) as the ERP account {@code email}.
	 */
	public static Builder builder(String engineRestUrl, String email, String password) {
		return new Builder(engineRestUrl, email, password);
	}

	/** The worker id the machine locks external tasks with. */
	public String workerId() {
		return this.settings.workerId;
	}

	/** How many operations it has completed. */
	public int completed() {
		return this.completed.get();
	}

	/** How many failures it has reported. */
	public int failures() {
		return this.failures.get();
	}

	/** Stops fetching; an operation being worked is finished first. */
	@Override
	public void close() {
		this.client.stop();
		log.info("Simulated machine {} stopped", this.settings.workerId);
	}

	private void work(String workCenter, ExternalTask task, ExternalTaskService service) {
		String operation = task.getVariable("productionOrderNumber") + " " + task.getVariable("operationName");
		try {
			BigDecimal quantity = decimal(task.getVariable("quantity"));
			if (quantity == null || quantity.signum() < 0) {
				// the process sent no quantity: a technical fault nobody can retry away
				fail(service, task, workCenter, "The operation has no quantity to produce",
						"The external task of " + operation + " has no 'quantity' variable", 0);
				return;
			}
			AtomicInteger failed = this.failuresByTask.computeIfAbsent(task.getId(), (id) -> new AtomicInteger());
			if (failed.get() < this.settings.failFirst) {
				failed.incrementAndGet();
				int retries = (task.getRetries() == null) ? this.settings.retries : task.getRetries() - 1;
				fail(service, task, workCenter, "Simulated fault on " + workCenter, "Attempt " + failed.get() + " of "
						+ operation + " failed on purpose (fail-first " + this.settings.failFirst + ")",
						Math.max(retries, 0));
				return;
			}
			BigDecimal scrap = this.settings.scrapQuantity.min(quantity);
			BigDecimal good = quantity.subtract(scrap);
			BigDecimal minutes = decimal(task.getVariable("plannedMinutes"));
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("goodQuantity", number(good));
			report.put("scrapQuantity", number(scrap));
			if (minutes != null) {
				report.put("durationMinutes", number(minutes));
			}
			report.put("notes", "Reported by simulated machine " + this.settings.workerId + " on " + workCenter);
			service.complete(task, report);
			this.failuresByTask.remove(task.getId());
			this.completed.incrementAndGet();
			log.info("{}: {} done, {} good, {} scrap, {} min", workCenter, operation, good.toPlainString(),
					scrap.toPlainString(), (minutes != null) ? minutes.toPlainString() : "?");
		}
		catch (RuntimeException ex) {
			// the engine refused or could not be reached: the lock expires and the
			// operation is offered again
			log.warn("{}: reporting {} failed: {}", workCenter, operation, ex.getMessage());
		}
	}

	private void fail(ExternalTaskService service, ExternalTask task, String workCenter, String message, String details,
			int retries) {
		service.handleFailure(task, message, details, retries, this.settings.retryTimeout.toMillis());
		this.failures.incrementAndGet();
		log.info("{}: reported a failure of {} ({} retries left): {}", workCenter, task.getId(), retries, message);
	}

	/** A number or numeric text as a decimal; null when absent. */
	static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A decimal as the engine's number types: a whole number as a Long, anything else as
	 * a Double.
	 */
	static Number number(BigDecimal value) {
		BigDecimal plain = value.stripTrailingZeros();
		if (plain.scale() <= 0) {
			try {
				return plain.longValueExact();
			}
			catch (ArithmeticException ex) {
				// too large for a long
			}
		}
		return value.doubleValue();
	}

	/** Settings of a simulated machine; {@link #start()} connects it. */
	public static final class Builder {

		private final String engineRestUrl;

		private final String email;

		private final String password;

		private final List<String> workCenters = new ArrayList<>();

		private String workerId = "simulated-machine-" + UUID.randomUUID().toString().substring(0, 8);

		private Duration lockDuration = Duration.ofSeconds(30);

		private Duration longPolling = Duration.ZERO;

		private Duration pollInterval = Duration.ofMillis(200);

		private Duration maxPollInterval = Duration.ofSeconds(5);

		private int maxTasks = 10;

		private int failFirst;

		private int retries = 3;

		private Duration retryTimeout = Duration.ZERO;

		private BigDecimal scrapQuantity = BigDecimal.ZERO;

		private Builder(String engineRestUrl, String email, String password) {
			this.engineRestUrl = Objects.requireNonNull(engineRestUrl, "engineRestUrl");
			this.email = Objects.requireNonNull(email, "email");
			this.password = Objects.requireNonNull(password, "password");
		}

		/** The codes of the work centers it serves (topic {@code production.<code>}). */
		public Builder workCenters(String... codes) {
			this.workCenters.addAll(List.of(codes));
			return this;
		}

		public Builder workCenters(List<String> codes) {
			this.workCenters.addAll(codes);
			return this;
		}

		public Builder workerId(String workerId) {
			this.workerId = Objects.requireNonNull(workerId, "workerId");
			return this;
		}

		/** How long an operation stays locked to this machine (default 30 s). */
		public Builder lockDuration(Duration lockDuration) {
			this.lockDuration = lockDuration;
			return this;
		}

		/**
		 * How long a fetch waits on the server for work (long polling; default 0: answer
		 * at once and poll again after the poll interval, which doubles while there is no
		 * work up to {@code maxPollInterval}).
		 */
		public Builder longPolling(Duration longPolling) {
			this.longPolling = longPolling;
			return this;
		}

		public Builder pollInterval(Duration pollInterval, Duration maxPollInterval) {
			this.pollInterval = pollInterval;
			this.maxPollInterval = maxPollInterval;
			return this;
		}

		public Builder maxTasks(int maxTasks) {
			this.maxTasks = maxTasks;
			return this;
		}

		/**
		 * Fails the first {@code attempts} attempts of every operation: the first failure
		 * leaves {@code retries} retries, each further one a retry less; the engine
		 * offers the operation again after {@code retryTimeout} and makes an incident
		 * when no retries are left.
		 */
		public Builder failFirst(int attempts, int retries, Duration retryTimeout) {
			this.failFirst = attempts;
			this.retries = retries;
			this.retryTimeout = retryTimeout;
			return this;
		}

		/**
		 * Reports this many units of every operation as scrap (capped at the quantity).
		 */
		public Builder scrap(BigDecimal scrapQuantity) {
			this.scrapQuantity = scrapQuantity;
			return this;
		}

		/** Connects the machine: it starts fetching at once. */
		public SimulatedMachine start() {
			if (this.workCenters.isEmpty()) {
				throw new IllegalStateException("A simulated machine serves at least one work center");
			}
			return new SimulatedMachine(this);
		}

	}

}
