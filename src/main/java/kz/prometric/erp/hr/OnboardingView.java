package kz.prometric.erp.hr;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An employee's onboarding: his status, whether the onboarding process is running, the
 * probation dates and outcome, and the checklist with each item's state (empty until the
 * first step has stored it).
 */
public record OnboardingView(UUID employeeId, String name, EmployeeStatus status, boolean running, LocalDate startDate,
		LocalDate probationEndsOn, ProbationOutcome probationOutcome, List<OnboardingItemView> items) {
}
