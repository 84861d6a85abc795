/**
 * REST controllers of HR records.
 */
package kz.prometric.erp.hr.web;
