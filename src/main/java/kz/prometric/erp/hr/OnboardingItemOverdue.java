package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A required onboarding item is past its due date and still open ({@code reminder} 1, 2
 * or 3): the notification module reminds {@code responsibleEmails} (the assignee, or the
 * members of the team or group the task is offered to) and notifies the employee's
 * manager ({@code managerEmail}, null when he has none).
 */
public record OnboardingItemOverdue(UUID workspaceId, UUID employeeId, String employeeName, String itemCode,
		String itemTitle, LocalDate dueOn, int reminder, List<String> responsibleEmails, String managerEmail,
		Instant occurredAt) {
}
