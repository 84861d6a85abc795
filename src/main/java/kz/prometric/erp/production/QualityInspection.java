package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.prometric.erp.production.ProductionManagement.InspectionOutcome;
import kz.prometric.erp.production.ProductionManagement.InspectionPlan;
import kz.prometric.erp.shared.BusinessRuleViolation;

/**
 * The inspection of one report of an operation: the plan the quality-inspection table
 * chose for the lot (sample size, acceptance number, rework limit) and what the inspector
 * found.
 */
@Entity
@Table(name = "prod_inspection")
class QualityInspection {

	@Id
	private UUID id;

	private UUID operationId;

	private int forReport;

	private BigDecimal lotSize;

	private int sampleSize;

	private int acceptanceNumber;

	private int reworkLimit;

	private BigDecimal sampled;

	private BigDecimal defects;

	private String outcome;

	private String notes;

	private String inspectedBy;

	private Instant plannedAt;

	private Instant inspectedAt;

	protected QualityInspection() {
	}

	QualityInspection(UUID operationId, int forReport, BigDecimal lotSize, InspectionPlan plan, Instant now) {
		this.id = UUID.randomUUID();
		this.operationId = operationId;
		this.forReport = forReport;
		this.lotSize = lotSize;
		// ISO 2859-1: a sample as large as the lot or larger means inspecting every unit,
		// so the inspector is asked for the lot, not for more units than there are
		int wholeLot = lotSize.setScale(0, java.math.RoundingMode.DOWN).intValueExact();
		this.sampleSize = (wholeLot >= 1) ? Math.min(plan.sampleSize(), wholeLot) : plan.sampleSize();
		this.acceptanceNumber = plan.acceptanceNumber();
		this.reworkLimit = plan.reworkLimit();
		this.plannedAt = now;
	}

	/**
	 * What the inspector found: sampled ≥ the sample size (capped at the lot), defects ≤
	 * sampled, both whole and not negative; PASSED when defects ≤ the acceptance number,
	 * else REWORK while the operation's reworks stay below the limit, else SCRAP.
	 */
	InspectionOutcome record(BigDecimal sampled, BigDecimal defects, String notes, String by, int reworksSoFar,
			Instant now) {
		if (this.outcome != null) {
			throw new IllegalStateException("The inspection was already recorded");
		}
		BigDecimal required = BigDecimal.valueOf(this.sampleSize).min(this.lotSize);
		if (sampled == null || sampled.stripTrailingZeros().scale() > 0 || sampled.compareTo(required) < 0
				|| sampled.compareTo(this.lotSize) > 0) {
			throw new BusinessRuleViolation("sampled", "Inspect a whole number of at least "
					+ required.stripTrailingZeros().toPlainString() + " and at most the lot");
		}
		if (defects == null || defects.stripTrailingZeros().scale() > 0 || defects.signum() < 0
				|| defects.compareTo(sampled) > 0) {
			throw new BusinessRuleViolation("defects", "Defects are a whole number from 0 to the sampled quantity");
		}
		InspectionOutcome result;
		if (defects.compareTo(BigDecimal.valueOf(this.acceptanceNumber)) <= 0) {
			result = InspectionOutcome.PASSED;
		}
		else if (reworksSoFar < this.reworkLimit) {
			result = InspectionOutcome.REWORK;
		}
		else {
			result = InspectionOutcome.SCRAP;
		}
		this.sampled = sampled;
		this.defects = defects;
		this.notes = (notes == null || notes.isBlank()) ? null
				: notes.strip().substring(0, Math.min(notes.strip().length(), 4000));
		this.inspectedBy = by;
		this.inspectedAt = now;
		this.outcome = result.name();
		return result;
	}

	UUID operationId() {
		return this.operationId;
	}

	int forReport() {
		return this.forReport;
	}

	boolean isOpen() {
		return this.outcome == null;
	}

	boolean passed() {
		return InspectionOutcome.PASSED.name().equals(this.outcome);
	}

	boolean isScrap() {
		return InspectionOutcome.SCRAP.name().equals(this.outcome);
	}

	InspectionPlan plan() {
		return new InspectionPlan(this.sampleSize, this.acceptanceNumber, this.reworkLimit);
	}

	ProductionOrderView.Inspection view() {
		return new ProductionOrderView.Inspection(this.id, this.operationId, this.forReport, this.lotSize,
				this.sampleSize, this.acceptanceNumber, this.reworkLimit, this.sampled, this.defects, this.outcome,
				this.notes, this.inspectedBy, this.plannedAt, this.inspectedAt);
	}

}
