package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.InvalidInputException;

/**
 * A place where operations are done, with its hourly rate (labour cost) and daily
 * capacity. Its code is unique in the workspace regardless of case and names the
 * external-task topic of an EXTERNAL work center.
 */
@Entity
@Table(name = "prod_work_center")
class WorkCenter {

	static final String TOPIC_PREFIX = "production.";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,30}");

	@Id
	private UUID id;

	private UUID workspaceId;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private WorkCenterKind kind;

	private BigDecimal hourlyRate;

	private BigDecimal capacityHoursPerDay;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected WorkCenter() {
	}

	WorkCenter(UUID workspaceId, String code, String name, WorkCenterKind kind, BigDecimal hourlyRate,
			BigDecimal capacityHoursPerDay, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.active = true;
		this.createdAt = now;
		update(code, name, kind, hourlyRate, capacityHoursPerDay, null, now);
		if (this.code == null || this.name == null || this.kind == null || this.hourlyRate == null
				|| this.capacityHoursPerDay == null) {
			throw new InvalidInputException("code", "A work center needs code, name, kind, hourlyRate and capacity");
		}
	}

	/** {@code null} leaves a field as it is. */
	void update(String code, String name, WorkCenterKind kind, BigDecimal hourlyRate, BigDecimal capacityHoursPerDay,
			Boolean active, Instant now) {
		if (code != null) {
			String stripped = code.strip();
			if (!CODE.matcher(stripped).matches()) {
				throw new InvalidInputException("code", "must be 1-30 letters, digits, '_' or '-'");
			}
			this.code = stripped;
		}
		if (name != null) {
			if (name.isBlank()) {
				throw new InvalidInputException("name", "must not be blank");
			}
			this.name = name.strip();
		}
		if (kind != null) {
			this.kind = kind;
		}
		if (hourlyRate != null) {
			if (hourlyRate.signum() < 0 || hourlyRate.stripTrailingZeros().scale() > 2) {
				throw new InvalidInputException("hourlyRate", "must be 0 or more with at most 2 decimals");
			}
			this.hourlyRate = hourlyRate.setScale(2, RoundingMode.UNNECESSARY);
		}
		if (capacityHoursPerDay != null) {
			if (capacityHoursPerDay.signum() <= 0 || capacityHoursPerDay.compareTo(BigDecimal.valueOf(24)) > 0
					|| capacityHoursPerDay.stripTrailingZeros().scale() > 2) {
				throw new InvalidInputException("capacityHoursPerDay",
						"must be more than 0 and at most 24, with at most 2 decimals");
			}
			this.capacityHoursPerDay = capacityHoursPerDay.setScale(2, RoundingMode.UNNECESSARY);
		}
		if (active != null) {
			this.active = active;
		}
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	String code() {
		return this.code;
	}

	String name() {
		return this.name;
	}

	WorkCenterKind kind() {
		return this.kind;
	}

	BigDecimal hourlyRate() {
		return this.hourlyRate;
	}

	boolean active() {
		return this.active;
	}

	String topic() {
		return (this.kind == WorkCenterKind.EXTERNAL) ? TOPIC_PREFIX + this.code : null;
	}

	WorkCenterView view() {
		return new WorkCenterView(this.id, this.workspaceId, this.code, this.name, this.kind, this.hourlyRate,
				this.capacityHoursPerDay, this.active, topic(), this.createdAt, this.updatedAt);
	}

}
