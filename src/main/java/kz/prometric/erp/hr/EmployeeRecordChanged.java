package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An admin changed what a running onboarding depends on: the employee's manager, start
 * date or end of probation (the values after the change; {@code probationEndsOn} is null
 * when there is no probation). Published in the changing transaction, only when one of
 * them really changed.
 */
public record EmployeeRecordChanged(UUID employeeId, UUID organizationId, UUID workspaceId, UUID managerId,
		LocalDate startDate, LocalDate probationEndsOn, Instant occurredAt) {
}
