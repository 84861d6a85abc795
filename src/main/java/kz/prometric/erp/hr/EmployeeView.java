package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceRole;

/**
 * An employee's HR record as the API shows it. {@code probationEndsOn} is null when there
 * is no probation; {@code lastDay} is set once employment is ending.
 */
public record EmployeeView(UUID id, UUID organizationId, UUID workspaceId, UUID userId, String name, String email,
		String iin, String position, UUID departmentId, UUID managerId, ContractType contractType, LocalDate startDate,
		LocalDate endDate, int probationMonths, LocalDate probationEndsOn, ProbationOutcome probationOutcome,
		LocalDate lastDay, WorkspaceRole organizationRole, EmployeeStatus status, Instant activatedAt, Instant leftAt,
		Instant createdAt) {
}
