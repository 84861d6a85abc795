package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An employee's onboarding began (his status is ONBOARDING and his checklist is stored);
 * the notification module sends him the welcome e-mail after commit. {@code invited}:
 * whether a workspace invitation went to his address too (it does not when he is already
 * a member or has an open invitation). {@code items}: the titles of his checklist.
 */
public record OnboardingStarted(UUID workspaceId, UUID employeeId, String name, String email, String companyName,
		String position, LocalDate startDate, boolean invited, List<String> items, Instant occurredAt) {
}
