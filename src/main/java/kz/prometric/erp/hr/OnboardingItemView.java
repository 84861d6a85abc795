package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One item of an employee's onboarding checklist as the API shows it. {@code responsible}
 * is {@code team:<code>}, {@code manager} or {@code employee}; {@code doneBy} is the
 * e-mail of whoever completed the item's task.
 */
public record OnboardingItemView(String code, String title, String responsible, LocalDate dueOn, boolean required,
		OnboardingItemStatus status, String doneBy, Instant doneAt, String note, int reminders) {
}
