package kz.prometric.erp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as the API shows it. {@code secret} (the key deliveries are
 * signed with) is set only in the answer that created or rotated it, never again.
 */
public record WebhookView(UUID id, UUID workspaceId, String url, List<String> events, boolean active,
		String description, String secret, Instant createdAt, Instant updatedAt) {

	WebhookView withSecret(String secret) {
		return new WebhookView(this.id, this.workspaceId, this.url, this.events, this.active, this.description, secret,
				this.createdAt, this.updatedAt);
	}

}
