/**
 * Delegates, listeners and the contracts of the {@code employee-onboarding} and
 * {@code employee-offboarding} processes. They call the HR module's façades only.
 */
package kz.prometric.erp.hr.process;
