/**
 * Webhooks for integrators: a workspace's owners and admins subscribe a URL to kinds of
 * the event catalogue ({@code kz.prometric.erp.events}); each catalogue event of that
 * workspace becomes one row per matching subscription in a persisted outbox
 * ({@code hook_delivery}), which a worker POSTs, signed with HMAC-SHA256, retrying with
 * exponential back-off for a day (docs/webhooks.md).
 * {@link kz.prometric.erp.webhook.WebhookManagement} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "shared", "identity", "organization", "events" })
package kz.prometric.erp.webhook;
