package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An employee has left ({@code LEFT}): his offboarding tasks are done and his last day is
 * over. {@code userId} is his account, if one was linked. Published in the transaction
 * that records it (event name {@code employee.left}).
 */
public record EmployeeLeft(UUID employeeId, UUID organizationId, UUID workspaceId, UUID userId, LocalDate lastDay,
		Instant occurredAt) {
}
