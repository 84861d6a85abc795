package kz.prometric.erp.notification;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Tells one user the outcome of something he asked for himself, for the modules that
 * cannot publish an event the notification module listens to (analytics: nothing may
 * depend on it, so neither may a listener of its events). Only the kinds made for it
 * ({@link NotificationKind#REPORT_READY}, {@link NotificationKind#REPORT_FAILED}); the
 * other kinds come from the modules' events.
 */
@Service
public class UserNotices {

	private static final Set<NotificationKind> TOLD_DIRECTLY = Set.of(NotificationKind.REPORT_READY,
			NotificationKind.REPORT_FAILED);

	private final NoticeDeliveries deliveries;

	UserNotices(NoticeDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	/**
	 * Delivers the notice to the recipient as he prefers (inbox, live stream, e-mail), if
	 * he is an active member of the workspace; nothing otherwise. Idempotent: one
	 * notification per recipient and {@code sourceKey}, however often it is called. Each
	 * delivery commits in a transaction of its own, so call it after the caller's
	 * transaction has committed (a rolled back outcome must not be told). {@code link} is
	 * a path relative to the ERP's address.
	 */
	public void tell(NotificationKind kind, UUID workspaceId, UUID recipientId, String sourceKey, String title,
			String body, String link) {
		if (!TOLD_DIRECTLY.contains(kind)) {
			throw new IllegalArgumentException(kind.code() + " is told from the modules' events, not directly");
		}
		this.deliveries.deliver(new Notice(kind, workspaceId, sourceKey, title, body, link), List.of(recipientId));
	}

}
