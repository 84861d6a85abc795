/**
 * Sales orders: created from a won deal exactly once (a database uniqueness on the deal,
 * not only a check in code) or by hand, with readable numbers per workspace and year
 * ({@code SO-2026-000123}). Owns the {@code order-fulfilment} process and its contract
 * (business key = order number, tenant = workspace, messages in
 * {@link kz.prometric.erp.sales.process.OrderFulfilment}); reacts to crm's
 * {@code DealWon}, finance's {@code InvoicePaid} and production's run and purchase
 * events, asks production to make or buy what an order lacks, and asks finance to invoice
 * a shipped order. {@link kz.prometric.erp.sales.OrderManagement} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales", allowedDependencies = { "shared", "document",
		"identity", "organization", "crm", "catalog", "inventory", "finance", "production", "workflow" })
package kz.prometric.erp.sales;
