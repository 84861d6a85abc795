/**
 * Tells people what happened, after the fact: an in-app inbox per user filled from the
 * modules' events and the processes' tasks, live over Server-Sent Events on every node
 * (PostgreSQL {@code LISTEN/NOTIFY}), and e-mails sent once the business transaction has
 * committed, each as the user prefers (docs/notifications.md). Listen-only: no other
 * module calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = { "shared",
		"identity", "organization", "hr", "crm", "finance", "document", "production", "workflow" })
package kz.prometric.erp.notification;
