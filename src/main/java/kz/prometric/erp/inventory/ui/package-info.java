/**
 * The inventory's pages: products with their stock (the list and a product's page, since
 * they need both the catalog and the stock), warehouses with their stock and movements,
 * stock receipts and the minimum quantities per product and warehouse.
 */
package kz.prometric.erp.inventory.ui;
