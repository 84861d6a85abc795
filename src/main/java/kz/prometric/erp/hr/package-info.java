/**
 * HR: an organization's departments and employees (IIN, position, manager, contract,
 * start date, probation, status), and the processes that bring people in and see them out
 * ({@code employee-onboarding}, {@code employee-offboarding}).
 * {@link kz.prometric.erp.hr.HrManagement} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "HR",
		allowedDependencies = { "shared", "document", "identity", "organization", "workflow" })
package kz.prometric.erp.hr;
