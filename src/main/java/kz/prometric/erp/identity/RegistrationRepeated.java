package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone tried to register with the address of an existing, confirmed account. The
 * registration answered exactly as for a new address (so it does not reveal the account);
 * the owner is told by mail instead.
 */
public record RegistrationRepeated(UUID userId, String email, String firstName, Instant occurredAt) {
}
