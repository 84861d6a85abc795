package kz.prometric.erp.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification in a user's inbox. {@code seq} orders a user's notifications and is the
 * id of its Server-Sent Event; {@code link} is the path of the ERP page of its object
 * (relative to the ERP's address).
 */
public record NotificationView(UUID id, long seq, UUID workspaceId, String kind, String title, String body, String link,
		Instant createdAt, Instant readAt) {

	public boolean read() {
		return this.readAt != null;
	}

}
