package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;

/**
 * One item of an employee's onboarding checklist, as the onboarding-checklist table chose
 * it when the onboarding started. Only an OPEN item changes: it is done, skipped (only
 * when not required) or cancelled.
 */
@Entity
@Table(name = "hr_onboarding_item")
class OnboardingItem {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID employeeId;

	private String code;

	private String title;

	private String responsible;

	private int dueOffset;

	private LocalDate dueOn;

	private boolean required;

	@Enumerated(EnumType.STRING)
	private OnboardingItemStatus status;

	private String doneBy;

	private Instant doneAt;

	private String note;

	private int reminders;

	private Instant createdAt;

	@Version
	private long version;

	protected OnboardingItem() {
	}

	OnboardingItem(UUID workspaceId, UUID employeeId, String code, String title, String responsible, int dueOffset,
			LocalDate startDate, boolean required, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.employeeId = employeeId;
		this.code = code;
		this.title = title;
		this.responsible = responsible;
		this.dueOffset = dueOffset;
		this.dueOn = startDate.plusDays(dueOffset);
		this.required = required;
		this.status = OnboardingItemStatus.OPEN;
		this.createdAt = now;
	}

	/** The item's task was completed: done, or not applicable (refused when required). */
	void complete(boolean done, String by, String note, Instant now) {
		if (this.status != OnboardingItemStatus.OPEN) {
			throw new ConflictException("status", "The item \"" + this.title + "\" is already "
					+ this.status.name().toLowerCase(java.util.Locale.ROOT));
		}
		if (!done && this.required) {
			throw new BusinessRuleViolation("itemOutcome",
					"\"" + this.title + "\" is required: it cannot be marked not applicable");
		}
		this.status = done ? OnboardingItemStatus.DONE : OnboardingItemStatus.SKIPPED;
		this.doneBy = by;
		this.doneAt = now;
		this.note = note;
	}

	/** The onboarding stopped: an open item is dropped; others stay as they are. */
	void cancel(Instant now) {
		if (this.status == OnboardingItemStatus.OPEN) {
			this.status = OnboardingItemStatus.CANCELLED;
			this.doneAt = now;
		}
	}

	/**
	 * The start date moved: an open item is due its offset after the new start date.
	 * Answers whether its due date changed.
	 */
	boolean rescheduleFrom(LocalDate startDate) {
		LocalDate due = startDate.plusDays(this.dueOffset);
		if (!isOpen() || due.equals(this.dueOn)) {
			return false;
		}
		this.dueOn = due;
		return true;
	}

	void reminded() {
		this.reminders++;
	}

	boolean isOpen() {
		return this.status == OnboardingItemStatus.OPEN;
	}

	/** A required item counts as finished only when done. */
	boolean blocksActivation() {
		return this.required && this.status != OnboardingItemStatus.DONE;
	}

	UUID employeeId() {
		return this.employeeId;
	}

	String code() {
		return this.code;
	}

	String title() {
		return this.title;
	}

	String responsible() {
		return this.responsible;
	}

	LocalDate dueOn() {
		return this.dueOn;
	}

	boolean required() {
		return this.required;
	}

	OnboardingItemView view() {
		return new OnboardingItemView(this.code, this.title, this.responsible, this.dueOn, this.required, this.status,
				this.doneBy, this.doneAt, this.note, this.reminders);
	}

}
