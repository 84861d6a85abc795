package kz.prometric.erp.notification;

import java.util.UUID;

/**
 * What to tell the recipients of one event: one inbox row each (unique per recipient and
 * {@code sourceKey}) and, as each prefers, an e-mail ({@code emailSubject} and
 * {@code emailText} when the kind has its own mail, else the title, body and link).
 */
record Notice(NotificationKind kind, UUID workspaceId, String sourceKey, String title, String body, String link,
		String emailSubject, String emailText) {

	Notice(NotificationKind kind, UUID workspaceId, String sourceKey, String title, String body, String link) {
		this(kind, workspaceId, sourceKey, title, body, link, null, null);
	}

	Notice {
		title = cut(title, 300);
		body = cut(body, 2000);
	}

	private static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
