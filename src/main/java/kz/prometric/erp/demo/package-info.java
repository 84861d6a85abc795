/**
 * Demo data for a development run ({@code prometric.demo.enabled}): one organization,
 * users in every role, departments and employees, catalog products, customers and deals
 * in flight, a shop floor (materials, a manufactured product with a two-level bill of
 * materials, a supplier, the simulated machine's account), so that a new user has
 * something to click through. Loaded once; tests never rely on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "shared", "identity",
		"organization", "hr", "catalog", "crm", "inventory", "production", "workflow" })
package kz.prometric.erp.demo;
