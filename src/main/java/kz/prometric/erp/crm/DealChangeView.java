package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a deal's history: {@code by} is the user who made the change (null when
 * the process made it with nobody signed in) and {@code byName} his name or e-mail;
 * {@code from} and {@code to} the value before and after, as text (a stage, an amount, an
 * employee's name, a date in ISO form), null when not applicable.
 */
public record DealChangeView(UUID id, UUID dealId, Instant at, UUID by, String byName, DealChangeKind kind, String from,
		String to) {
}
