package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the registering transaction; the organization module creates the personal
 * workspace from it.
 */
public record UserRegistered(UUID userId, String email, String firstName, String lastName, Instant occurredAt) {
}
