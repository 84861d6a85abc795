/**
 * REST endpoints of the catalog: products and their bills of materials.
 */
package kz.prometric.erp.catalog.web;
