package kz.prometric.erp.hr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An employee's offboarding: his status, last day, when his access to the workspace ends
 * (the end of the last day, Asia/Almaty) and each task, done or not.
 */
public record OffboardingView(UUID employeeId, EmployeeStatus status, LocalDate lastDay, Instant accessEndsAt,
		List<Task> tasks) {

	/**
	 * One offboarding task; {@code confirmed}, {@code amount}, {@code note},
	 * {@code doneBy} (e-mail) and {@code doneAt} are set once it is done.
	 */
	public record Task(OffboardingStep step, String title, boolean done, Boolean confirmed, BigDecimal amount,
			String note, String doneBy, Instant doneAt) {
	}

}
