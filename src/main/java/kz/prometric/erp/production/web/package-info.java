/**
 * REST endpoints of production: work centers, routings and production orders.
 */
package kz.prometric.erp.production.web;
