package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.prometric.erp.shared.BusinessRuleViolation;

/**
 * An operation of one production order, copied from the routing (with its work center's
 * code, kind and rate at that time) when the order was planned: who or what did it, when,
 * the good and scrapped quantities, the time and its labour cost. Done again in rework:
 * time and labour add up, the last report's good quantity counts, scrap adds up.
 */
@Entity
@Table(name = "prod_operation")
class ProductionOperation {

	static final String PENDING = "PENDING";

	static final String IN_PROGRESS = "IN_PROGRESS";

	static final String DONE = "DONE";

	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	@Id
	private UUID id;

	private int seq;

	private UUID workCenterId;

	private String workCenterCode;

	private String workCenterName;

	@Enumerated(EnumType.STRING)
	private WorkCenterKind workCenterKind;

	private BigDecimal hourlyRate;

	private String name;

	private String instructions;

	private BigDecimal setupMinutes;

	private BigDecimal runMinutesPerUnit;

	private boolean inspectionAfter;

	private String status;

	private int reports;

	private int reworks;

	private BigDecimal goodQuantity;

	private BigDecimal scrapQuantity;

	private BigDecimal durationMinutes;

	private BigDecimal labourCost;

	private String notes;

	private String performedBy;

	private Instant startedAt;

	private Instant finishedAt;

	protected ProductionOperation() {
	}

	ProductionOperation(int seq, WorkCenter workCenter, RoutingOperation step, boolean last) {
		this.id = UUID.randomUUID();
		this.seq = seq;
		this.workCenterId = workCenter.id();
		this.workCenterCode = workCenter.code();
		this.workCenterName = workCenter.name();
		this.workCenterKind = workCenter.kind();
		this.hourlyRate = workCenter.hourlyRate();
		this.name = step.name();
		this.instructions = step.instructions();
		this.setupMinutes = step.setupMinutes();
		this.runMinutesPerUnit = step.runMinutesPerUnit();
		// the last operation is always inspected: nothing leaves production without it
		this.inspectionAfter = step.inspectionAfter() || last;
		this.status = PENDING;
		this.scrapQuantity = BigDecimal.ZERO;
		this.durationMinutes = BigDecimal.ZERO;
		this.labourCost = BigDecimal.ZERO;
	}

	void start(Instant now) {
		this.status = IN_PROGRESS;
		if (this.startedAt == null) {
			this.startedAt = now;
		}
		this.finishedAt = null;
	}

	/** Planned minutes for {@code quantity}: setup + run time per unit × quantity. */
	BigDecimal plannedMinutes(BigDecimal quantity) {
		return this.setupMinutes.add(this.runMinutesPerUnit.multiply(quantity)).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Records a report for a lot of {@code lotQuantity}: good + scrap ≤ the lot, good >
	 * 0, nothing negative (else a BusinessRuleViolation naming the field). Answers the
	 * labour cost this report adds.
	 */
	BigDecimal report(BigDecimal lotQuantity, BigDecimal good, BigDecimal scrap, BigDecimal duration, String notes,
			String by, Instant now) {
		if (!IN_PROGRESS.equals(this.status)) {
			throw new IllegalStateException("Operation " + this.name + " is not in progress");
		}
		if (good == null || good.signum() <= 0 || good.stripTrailingZeros().scale() > 3) {
			throw new BusinessRuleViolation("goodQuantity",
					"The good quantity must be more than 0 with at most 3 decimals");
		}
		BigDecimal scrapped = (scrap == null) ? BigDecimal.ZERO : scrap;
		if (scrapped.signum() < 0 || scrapped.stripTrailingZeros().scale() > 3) {
			throw new BusinessRuleViolation("scrapQuantity", "The scrapped quantity must not be negative");
		}
		if (good.add(scrapped).compareTo(lotQuantity) > 0) {
			throw new BusinessRuleViolation("goodQuantity",
					"Good and scrapped quantities together exceed the lot of " + lotQuantity.toPlainString());
		}
		BigDecimal minutes = (duration == null) ? plannedMinutes(lotQuantity) : duration;
		if (minutes.signum() < 0 || minutes.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
			throw new BusinessRuleViolation("durationMinutes", "The duration must be 0 to 1,000,000 minutes");
		}
		minutes = minutes.setScale(2, RoundingMode.HALF_UP);
		BigDecimal labour = minutes.multiply(this.hourlyRate).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
		this.goodQuantity = good.setScale(3, RoundingMode.UNNECESSARY);
		this.scrapQuantity = this.scrapQuantity.add(scrapped.setScale(3, RoundingMode.UNNECESSARY));
		this.durationMinutes = this.durationMinutes.add(minutes);
		this.labourCost = this.labourCost.add(labour);
		this.notes = (notes == null || notes.isBlank()) ? null
				: notes.strip().substring(0, Math.min(notes.strip().length(), 4000));
		this.performedBy = by;
		this.reports++;
		if (!this.inspectionAfter) {
			this.status = DONE;
			this.finishedAt = now;
		}
		return labour;
	}

	/** The inspection of the latest report passed. */
	void passed(Instant now) {
		this.status = DONE;
		this.finishedAt = now;
	}

	void reworked() {
		this.reworks++;
	}

	UUID id() {
		return this.id;
	}

	int seq() {
		return this.seq;
	}

	WorkCenterKind workCenterKind() {
		return this.workCenterKind;
	}

	String workCenterCode() {
		return this.workCenterCode;
	}

	String workCenterName() {
		return this.workCenterName;
	}

	String name() {
		return this.name;
	}

	String instructions() {
		return this.instructions;
	}

	boolean inspectionAfter() {
		return this.inspectionAfter;
	}

	String status() {
		return this.status;
	}

	int reports() {
		return this.reports;
	}

	int reworks() {
		return this.reworks;
	}

	BigDecimal goodQuantity() {
		return this.goodQuantity;
	}

	BigDecimal scrapQuantity() {
		return this.scrapQuantity;
	}

	BigDecimal labourCost() {
		return this.labourCost;
	}

	ProductionOrderView.Operation view() {
		return new ProductionOrderView.Operation(this.id, this.seq, this.workCenterId, this.workCenterCode,
				this.workCenterName, this.workCenterKind, this.name, this.instructions, this.setupMinutes,
				this.runMinutesPerUnit, this.inspectionAfter, this.status, this.reworks, this.goodQuantity,
				this.scrapQuantity, this.durationMinutes, this.labourCost, this.notes, this.performedBy, this.startedAt,
				this.finishedAt);
	}

}
