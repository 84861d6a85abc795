package kz.prometric.erp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: every few seconds ({@code prometric.webhooks.poll-interval}) it
 * leases as many due rows as it has free senders, POSTs each outside any database
 * transaction (connect 5 s, answer 10 s, redirects not followed) and records the attempt.
 * A 2xx answer delivers; anything else is retried after 30 s, 1, 2, 4 … minutes (at most
 * an hour apart) until 24 hours after the event, then the delivery has FAILED. Several
 * nodes share the work: a leased row is skipped by the others, and a row leased by a node
 * that died is due again when its lease ends.
 */
@Component
class DeliveryWorker {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	/** Longer than an attempt can take (connect + answer + recording). */
	static final Duration LEASE = Duration.ofSeconds(60);

	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	static final Duration MAX_RETRY = Duration.ofHours(1);

	static final int SENDERS = 4;

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Deliveries deliveries;

	private final TargetPolicy policy;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final boolean enabled;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Semaphore senders = new Semaphore(SENDERS);

	private final ExecutorService pool = Executors.newFixedThreadPool(SENDERS, new ThreadFactoryNamed());

	DeliveryWorker(Deliveries deliveries, TargetPolicy policy, TransactionTemplate transaction, Clock clock,
			@Value("${prometric.webhooks.worker-enabled:true}") boolean enabled) {
		this.deliveries = deliveries;
		this.policy = policy;
		this.transaction = transaction;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(initialDelayString = "${prometric.webhooks.poll-interval:PT5S}",
			fixedDelayString = "${prometric.webhooks.poll-interval:PT5S}")
	void poll() {
		if (!this.enabled) {
			return;
		}
		try {
			dispatch(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Claiming due webhook deliveries failed; will try again", ex);
		}
	}

	/**
	 * Leases the rows due at {@code now}, as many as there are free senders, and hands
	 * them to the senders; answers how many it leased.
	 */
	int dispatch(Instant now) {
		this.deliveries.expire(now);
		int free = this.senders.availablePermits();
		if (free == 0) {
			return 0;
		}
		UUID token = UUID.randomUUID();
		List<Deliveries.Claim> claims = this.deliveries.claimDue(now, free, now.plus(LEASE), token);
		for (Deliveries.Claim claim : claims) {
			this.senders.acquireUninterruptibly();
			this.pool.execute(() -> {
				try {
					attempt(claim, token, this.clock.instant(), false);
				}
				catch (RuntimeException ex) {
					log.warn("Webhook delivery {} failed unexpectedly; its lease runs out and it is sent again",
							claim.id(), ex);
				}
				finally {
					this.senders.release();
				}
			});
		}
		return claims.size();
	}

	/**
	 * Tests: sends, in the calling thread, every row due at {@code now} as if it were
	 * that time (back-off and expiry are counted from it); answers how many were sent.
	 */
	int runDue(Instant now) {
		this.deliveries.expire(now);
		UUID token = UUID.randomUUID();
		List<Deliveries.Claim> claims = this.deliveries.claimDue(now, 1000, now.plus(LEASE), token);
		claims.forEach(claim -> attempt(claim, token, now, false));
		return claims.size();
	}

	/**
	 * One attempt of a leased row: the target is checked again (its name may resolve
	 * elsewhere now), the event is POSTed, and the outcome recorded if the lease is still
	 * held. A manual attempt changes neither the count nor the schedule of the automatic
	 * ones; when it succeeds the delivery is DELIVERED. Answers whether the receiver
	 * answered 2xx.
	 */
	boolean attempt(Deliveries.Claim claim, UUID token, Instant now, boolean manual) {
		Instant started = this.clock.instant();
		long t0 = System.nanoTime();
		Integer status = null;
		String error = null;
		URI uri = URI.create(claim.url());
		String refusal = refusal(uri);
		if (refusal != null) {
			error = refusal;
		}
		else {
			try {
				status = send(uri, claim);
			}
			catch (HttpTimeoutException ex) {
				error = "Timed out: " + ex.getMessage();
			}
			catch (IOException ex) {
				error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				error = "Interrupted";
			}
		}
		long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
		boolean delivered = status != null && status >= 200 && status < 300;
		Integer code = status;
		String failure = error;
		String problem = (error != null) ? truncate(error) : (delivered ? null : "HTTP " + status);
		this.transaction.executeWithoutResult(tx -> {
			this.deliveries.recordAttempt(claim.id(), started, code, (failure != null) ? problem : null, millis,
					manual);
			if (delivered) {
				this.deliveries.finish(claim.id(), token, Deliveries.DELIVERED, claim.attempts() + (manual ? 0 : 1),
						now, code, null, started);
			}
			else if (manual) {
				this.deliveries.release(claim.id(), token, code, problem);
			}
			else {
				int attempts = claim.attempts() + 1;
				Instant next = now.plus(backOff(attempts));
				String state = next.isBefore(claim.expiresAt()) ? Deliveries.PENDING : Deliveries.FAILED;
				this.deliveries.finish(claim.id(), token, state, attempts, next, code, problem, null);
			}
		});
		return delivered;
	}

	/**
	 * The wait after the {@code attempts}-th failed attempt: 30 s doubling, at most 1 h.
	 */
	static Duration backOff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 12);
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return (wait.compareTo(MAX_RETRY) > 0) ? MAX_RETRY : wait;
	}

	private String refusal(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(scheme.equals("http") && this.policy.allowsPrivateTargets())) {
			return "Refused: the URL must use https";
		}
		String refusal = this.policy.refusal(uri);
		return (refusal != null) ? "Refused: " + refusal : null;
	}

	private int send(URI uri, Deliveries.Claim claim) throws IOException, InterruptedException {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(READ_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Prometric-Webhooks/1")
			.header("Prometric-Event-Id", claim.eventId().toString())
			.header("Prometric-Event-Kind", claim.eventKind())
			.header("Prometric-Delivery-Id", claim.id().toString())
			.header("Prometric-Timestamp", Long.toString(timestamp))
			.header("Prometric-Signature", WebhookSignature.header(claim.secret(), timestamp, claim.body()))
			.POST(HttpRequest.BodyPublishers.ofString(claim.body(), StandardCharsets.UTF_8))
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		// the answer's body is neither read nor kept (a receiver trickling a body would
		// hold the sender): closing it drops the connection
		response.body().close();
		return response.statusCode();
	}

	private static String truncate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 497) + "...";
	}

	@PreDestroy
	void stop() {
		this.pool.shutdownNow();
	}

	/** Daemon threads named {@code webhook-sender-N}. */
	private static final class ThreadFactoryNamed implements java.util.concurrent.ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "webhook-sender-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
