package kz.prometric.erp.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.events.BusinessEvent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts every catalogue event into the outbox once for each active subscription of its
 * workspace that asked for its kind. Runs after the event's transaction committed, in its
 * own, logged as an event publication (resubmitted when it fails); the unique
 * (subscription, event) makes a second run add nothing.
 */
@Component
class DeliveryOutbox {

	/** How long a delivery is retried, counted from the event. */
	static final Duration RETRY_WINDOW = Duration.ofHours(24);

	private final Subscriptions subscriptions;

	private final Deliveries deliveries;

	private final ObjectMapper mapper;

	private final Clock clock;

	DeliveryOutbox(Subscriptions subscriptions, Deliveries deliveries, ObjectMapper mapper, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.mapper = mapper;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(BusinessEvent event) {
		List<Subscriptions.Subscription> targets = this.subscriptions.activeFor(event.workspaceId(), event.kind());
		if (targets.isEmpty()) {
			return;
		}
		String body = body(event);
		Instant now = this.clock.instant();
		Instant expiresAt = event.occurredAt().plus(RETRY_WINDOW);
		for (Subscriptions.Subscription subscription : targets) {
			this.deliveries.enqueue(event.workspaceId(), subscription.id(), event.id(), event.kind(),
					event.occurredAt(), body, now, expiresAt);
		}
	}

	/**
	 * The JSON a receiver gets: {@code {id, kind, workspaceId, occurredAt, subject:
	 * {type, id}, data}}, fixed when the event enters the outbox, so every attempt sends
	 * the same bytes.
	 */
	String body(BusinessEvent event) {
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("type", event.subjectType());
		subject.put("id", event.subjectId().toString());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id().toString());
		body.put("kind", event.kind());
		body.put("workspaceId", event.workspaceId().toString());
		body.put("occurredAt", event.occurredAt().toString());
		body.put("subject", subject);
		body.put("data", event.payload());
		try {
			return this.mapper.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Event " + event.id() + " is not JSON-serialisable", ex);
		}
	}

}
