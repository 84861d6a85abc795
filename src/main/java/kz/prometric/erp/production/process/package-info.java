/**
 * Delegates, listeners and the contracts of the {@code production-run} and
 * {@code purchase-requisition} processes. They call the production module's façades only.
 */
package kz.prometric.erp.production.process;
