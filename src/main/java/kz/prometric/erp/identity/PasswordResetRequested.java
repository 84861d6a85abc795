package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked to reset the password of this account; published in the transaction that
 * made the request. The notification module mints the link with
 * {@link IdentityManagement#mintPasswordResetToken(UUID)} when it sends the mail, so the
 * token itself is never stored.
 */
public record PasswordResetRequested(UUID resetId, UUID userId, String email, String firstName, Instant expiresAt,
		Instant occurredAt) {
}
