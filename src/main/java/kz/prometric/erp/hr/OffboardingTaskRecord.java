package kz.prometric.erp.hr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The ERP's record of one completed offboarding task: what was confirmed, the amount of a
 * final settlement, the note, and who completed it when (the engine's authenticated
 * user).
 */
@Entity
@Table(name = "hr_offboarding_task")
class OffboardingTaskRecord {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID employeeId;

	@Enumerated(EnumType.STRING)
	private OffboardingStep step;

	private boolean confirmed;

	private BigDecimal amount;

	private String note;

	private String doneBy;

	private Instant doneAt;

	@Version
	private long version;

	protected OffboardingTaskRecord() {
	}

	OffboardingTaskRecord(UUID workspaceId, UUID employeeId, OffboardingStep step, boolean confirmed, BigDecimal amount,
			String note, String doneBy, Instant doneAt) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.employeeId = employeeId;
		this.step = step;
		this.confirmed = confirmed;
		this.amount = amount;
		this.note = note;
		this.doneBy = doneBy;
		this.doneAt = doneAt;
	}

	OffboardingStep step() {
		return this.step;
	}

	OffboardingView.Task view() {
		return new OffboardingView.Task(this.step, this.step.title(), true, this.confirmed, this.amount, this.note,
				this.doneBy, this.doneAt);
	}

}
