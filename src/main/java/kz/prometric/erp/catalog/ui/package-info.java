/**
 * The catalog's pages: creating and editing a product. The product list and a product's
 * page show stock, so they are the inventory's pages (the catalog does not depend on the
 * inventory).
 */
package kz.prometric.erp.catalog.ui;
