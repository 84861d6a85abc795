/**
 * The catalogue of business events (docs/events.md): what happened in a workspace
 * ({@code deal.won}, {@code order.created}, {@code invoice.issued}, …), translated from
 * the modules' own events into one stable, documented shape ({@link BusinessEvent}) that
 * notifications, webhooks and analytics read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business events", allowedDependencies = { "shared",
		"identity", "organization", "crm", "sales", "finance", "inventory", "hr", "production" })
package kz.prometric.erp.events;
