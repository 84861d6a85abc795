package kz.prometric.erp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent (or to be sent) to one subscription. {@code status}: PENDING (waiting
 * for its first or next attempt at {@code nextAttemptAt}), DELIVERED (a 2xx answer) or
 * FAILED (no 2xx within 24 hours of the event). {@code attemptLog} is filled when one
 * delivery is read, empty in lists.
 */
public record DeliveryView(UUID id, UUID webhookId, UUID eventId, String eventKind, Instant occurredAt, String status,
		int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt,
		Instant createdAt, List<Attempt> attemptLog) {

	/** One attempt: when, the receiver's status code or the error, how long it took. */
	public record Attempt(Instant at, Integer statusCode, String error, long durationMillis, boolean manual) {
	}

}
