package kz.prometric.erp.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a catalogue event and publishes it, in the caller's transaction, the first time
 * its id is seen: a translation that runs again (a resubmitted publication) finds its id
 * stored and publishes nothing.
 */
@Component
class BusinessEvents {

	private final BusinessEventLog log;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	BusinessEvents(BusinessEventLog log, ApplicationEventPublisher publisher, Clock clock) {
		this.log = log;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * The event of {@code kind} about {@code subjectType}/{@code subjectId}, with an id
	 * derived from kind, subject, time and {@code discriminator} (a name-based UUID, the
	 * same on every translation of the same fact); published when newly stored. Answers
	 * the event.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	BusinessEvent record(String kind, UUID workspaceId, Instant occurredAt, String subjectType, UUID subjectId,
			String discriminator, Map<String, Object> payload) {
		if (!EventCatalogue.isKnown(kind)) {
			throw new IllegalArgumentException("Not in the catalogue: " + kind);
		}
		// PostgreSQL keeps microseconds: the id and the stored time agree on every run
		Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
		UUID id = stableId(kind, subjectId, at, discriminator);
		BusinessEvent event = new BusinessEvent(id, kind, workspaceId, at, subjectType, subjectId, payload);
		if (this.log.insert(event, this.clock.instant())) {
			this.publisher.publishEvent(event);
		}
		return event;
	}

	/**
	 * The id of a fact: a UUID (version 3) of kind, subject id, time and discriminator.
	 */
	static UUID stableId(String kind, UUID subjectId, Instant occurredAt, String discriminator) {
		String name = kind + "|" + subjectId + "|" + occurredAt.truncatedTo(ChronoUnit.MICROS) + "|"
				+ ((discriminator != null) ? discriminator : "");
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
