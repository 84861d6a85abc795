/**
 * Tells people what happened, after the fact: an in-app inbox per user filled from the
 * modules' events and the processes' tasks, live over Server-Sent Events on every node
 * (PostgreSQL {@code LISTEN/NOTIFY}), and e-mails sent once the business transaction has
 * committed, each as the user prefers (docs/notifications.md). It listens to the modules'
 * events; the one thing other modules call is
 * {@link kz.prometric.erp.notification.UserNotices}, to tell a user the outcome of
 * something he asked for (a report export), since a module that nothing may depend on
 * (analytics) cannot publish events others listen to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = { "shared",
		"identity", "organization", "hr", "crm", "finance", "document", "production", "workflow" })
package kz.prometric.erp.notification;
