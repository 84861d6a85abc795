package kz.prometric.erp.notification;

/**
 * A user's choice for one kind; {@code chosen} is false while the kind's default applies.
 */
public record NotificationPreference(String kind, NotificationChannel channel, boolean chosen) {
}
