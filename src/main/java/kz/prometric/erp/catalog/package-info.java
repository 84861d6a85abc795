/**
 * Products with their price, cost, unit, VAT category and bills of materials.
 * {@link kz.prometric.erp.catalog.CatalogManagement} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
		allowedDependencies = { "shared", "identity", "organization" })
package kz.prometric.erp.catalog;
