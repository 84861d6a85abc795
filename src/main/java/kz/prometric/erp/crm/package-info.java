/**
 * Customers and deals, with the sales pipeline run by
 * {@code processes/deal-lifecycle.bpmn}. {@link kz.prometric.erp.crm.CustomerManagement}
 * and {@link kz.prometric.erp.crm.DealManagement} are the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CRM",
		allowedDependencies = { "shared", "document", "identity", "organization", "hr", "catalog", "workflow" })
package kz.prometric.erp.crm;
