/**
 * Sales orders: created from a won deal exactly once (a database uniqueness on the deal,
 * not only a check in code) or by hand, with readable numbers per workspace and year
 * ({@code SO-2026-000123}). {@link kz.prometric.erp.sales.OrderManagement} is the
 * module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales",
		allowedDependencies = { "shared", "identity", "organization", "crm", "catalog", "inventory" })
package kz.prometric.erp.sales;
