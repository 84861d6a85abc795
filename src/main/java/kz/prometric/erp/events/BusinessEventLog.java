package kz.prometric.erp.events;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every business event once, in {@code evt_business_event}. */
@Repository
class BusinessEventLog {

	private final JdbcTemplate jdbc;

	private final ObjectMapper mapper;

	BusinessEventLog(JdbcTemplate jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/** Stores the event; false when an event with its id is already there. */
	boolean insert(BusinessEvent event, Instant recordedAt) {
		String payload;
		try {
			payload = this.mapper.writeValueAsString(event.payload());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Payload of " + event.kind() + " is not JSON-serialisable", ex);
		}
		return this.jdbc.update("""
				insert into evt_business_event (id, kind, workspace_id, occurred_at, subject_type, subject_id, payload,
				                                recorded_at)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
				on conflict (id) do nothing
				""", event.id(), event.kind(), event.workspaceId(), Timestamp.from(event.occurredAt()),
				event.subjectType(), event.subjectId(), payload, Timestamp.from(recordedAt)) == 1;
	}

}
