/**
 * Delegates and listeners of the deal lifecycle process; they call {@code DealManagement}
 * only.
 */
package kz.prometric.erp.crm.process;
