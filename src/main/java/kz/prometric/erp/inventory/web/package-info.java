/**
 * REST endpoints of the inventory: warehouses, stock levels, receipts, adjustments,
 * movements and reservations.
 */
package kz.prometric.erp.inventory.web;
