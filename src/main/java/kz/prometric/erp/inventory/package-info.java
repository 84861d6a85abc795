/**
 * Warehouses, stock per product and warehouse, reservations against order lines and the
 * append-only ledger of stock movements that every stock change writes.
 * {@link kz.prometric.erp.inventory.InventoryManagement} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory",
		allowedDependencies = { "shared", "identity", "organization", "catalog" })
package kz.prometric.erp.inventory;
