package kz.prometric.erp.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the event catalogue (docs/events.md): published once per business fact,
 * after the module's own event, for notifications, webhooks and analytics.
 *
 * @param id stable for the fact: a retry or a resubmitted publication of the same fact
 * carries the same id, so receivers deduplicate by it
 * @param kind the catalogue's name, e.g. {@code deal.won}
 * @param workspaceId the workspace the fact belongs to (nobody else sees it)
 * @param occurredAt when it happened
 * @param subjectType the kind of object it is about ({@code deal}, {@code order},
 * {@code invoice}, …)
 * @param subjectId that object's id
 * @param payload the kind's documented fields (JSON-serialisable values)
 */
public record BusinessEvent(UUID id, String kind, UUID workspaceId, Instant occurredAt, String subjectType,
		UUID subjectId, Map<String, Object> payload) {

	public BusinessEvent {
		// a field may be null (a deal lost without a reason); keep the documented order
		payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
	}

}
