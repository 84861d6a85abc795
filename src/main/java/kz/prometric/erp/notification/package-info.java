/**
 * Tells people what happened, after the fact: e-mails sent once the business transaction
 * has committed. Listen-only: no other module calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
		allowedDependencies = { "shared", "identity", "organization", "hr", "crm", "finance", "document" })
package kz.prometric.erp.notification;
