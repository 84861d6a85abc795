package kz.prometric.erp.crm;

import java.util.UUID;

/**
 * Whether other records of the CRM module still refer to a customer; a customer that is
 * referred to cannot be deleted.
 */
interface CustomerReferences {

	/** Whether any deal references the customer. */
	boolean hasDeals(UUID customerId);

}
