package kz.prometric.erp.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about; {@link #code()} is the name the API shows and preferences
 * use. Kinds whose e-mail existed before the inbox keep e-mailing by default.
 */
public enum NotificationKind {

	/** A process task was assigned to you. */
	TASK_ASSIGNED("task.assigned", NotificationChannel.IN_APP),
	/** A process task was offered to a group or team you belong to. */
	TASK_OFFERED("task.offered", NotificationChannel.IN_APP),
	/** A deal's discount waits for a manager's approval. */
	DISCOUNT_APPROVAL_REQUESTED("discount.approval-requested", NotificationChannel.IN_APP),
	/** A deal you own (or, as a manager, one of the workspace's deals) was won. */
	DEAL_WON("deal.won", NotificationChannel.IN_APP),
	/** A deal you own (or, as a manager, one of the workspace's deals) was lost. */
	DEAL_LOST("deal.lost", NotificationChannel.IN_APP),
	/** The expected close date of a deal you own has come. */
	DEAL_CLOSE_DATE_REACHED("deal.close-date-reached", NotificationChannel.BOTH),
	/** An invoice is overdue (the payment reminder went to the customer). */
	INVOICE_OVERDUE("invoice.overdue", NotificationChannel.IN_APP),
	/** A production run passed its inspection and its output is in stock. */
	PRODUCTION_FINISHED("production.finished", NotificationChannel.IN_APP),
	/** A required onboarding item you may do, or of an employee you manage, is late. */
	ONBOARDING_ITEM_LATE("onboarding.item-late", NotificationChannel.BOTH),
	/**
	 * A report export you asked for is ready to download (told by {@link UserNotices}).
	 */
	REPORT_READY("report.ready", NotificationChannel.IN_APP),
	/** A report export you asked for failed (told by {@link UserNotices}). */
	REPORT_FAILED("report.failed", NotificationChannel.IN_APP);

	private final String code;

	private final NotificationChannel defaultChannel;

	NotificationKind(String code, NotificationChannel defaultChannel) {
		this.code = code;
		this.defaultChannel = defaultChannel;
	}

	public String code() {
		return this.code;
	}

	public NotificationChannel defaultChannel() {
		return this.defaultChannel;
	}

	public static Optional<NotificationKind> ofCode(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
	}

}
