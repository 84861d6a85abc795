package kz.prometric.erp.notification;

/**
 * Where a user wants notifications of one kind: in the inbox, by e-mail, both, or not.
 */
public enum NotificationChannel {

	IN_APP, EMAIL, BOTH, NONE;

	public boolean inApp() {
		return this == IN_APP || this == BOTH;
	}

	public boolean email() {
		return this == EMAIL || this == BOTH;
	}

}
