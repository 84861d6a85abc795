package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;

/**
 * A sales opportunity with a customer. The stage rules live here: a won deal cannot be
 * won again, losing needs a reason, WON and LOST are final; winning sets probability 100,
 * the win time and the actual close date; losing sets probability 0.
 */
@Entity
@Table(name = "crm_deal")
class Deal {

	static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	static final String CURRENCY = "KZT";

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID customerId;

	private String title;

	private String description;

	private BigDecimal value;

	private String currency;

	@Enumerated(EnumType.STRING)
	private DealStage stage;

	private int probability;

	private boolean probabilityManual;

	private LocalDate expectedCloseDate;

	private LocalDate actualCloseDate;

	private Instant wonAt;

	private Instant lostAt;

	private String lostReason;

	private UUID assignedTo;

	private UUID createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "crm_deal_product", joinColumns = @JoinColumn(name = "deal_id"))
	@OrderColumn(name = "line_no")
	private List<DealProduct> products = new ArrayList<>();

	@Version
	private long version;

	protected Deal() {
	}

	Deal(UUID workspaceId, UUID customerId, String title, String description, BigDecimal value,
			LocalDate expectedCloseDate, UUID assignedTo, List<DealProduct> products, UUID createdBy, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.customerId = customerId;
		this.title = title.strip();
		this.description = description;
		this.products = new ArrayList<>(products);
		this.value = (value != null) ? value : productsTotal();
		this.currency = CURRENCY;
		this.stage = DealStage.NEW;
		this.expectedCloseDate = expectedCloseDate;
		this.assignedTo = assignedTo;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Moves the deal to {@code target}. Any open stage may move to any other open stage
	 * or to WON; LOST goes through {@link #lose}. Refused with 409 when the deal is
	 * already final or already in that stage.
	 */
	void moveTo(DealStage target, Instant now) {
		if (target == DealStage.LOST) {
			throw new BusinessRuleViolation("lostReason", "A deal is lost with a reason");
		}
		ensureOpen(target);
		if (target == DealStage.WON) {
			this.wonAt = now;
			this.actualCloseDate = LocalDate.ofInstant(now, BUSINESS_ZONE);
			this.probability = 100;
		}
		this.stage = target;
		this.updatedAt = now;
	}

	void lose(String reason, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleViolation("lostReason", "Losing a deal needs a reason");
		}
		ensureOpen(DealStage.LOST);
		this.stage = DealStage.LOST;
		this.lostAt = now;
		this.lostReason = reason.strip();
		this.actualCloseDate = LocalDate.ofInstant(now, BUSINESS_ZONE);
		this.probability = 0;
		this.updatedAt = now;
	}

	private void ensureOpen(DealStage target) {
		if (this.stage.isFinal()) {
			throw new ConflictException("stage", "The deal is already " + this.stage.name().toLowerCase(Locale.ROOT)
					+ "; won and lost deals are final");
		}
		if (this.stage == target) {
			throw new ConflictException("stage", "The deal is already in stage " + target);
		}
	}

	/**
	 * Probability from the deal-probability table; ignored while a person has set it by
	 * hand.
	 */
	void applyDecidedProbability(int decided) {
		if (!this.probabilityManual && !this.stage.isFinal()) {
			this.probability = decided;
		}
	}

	void setProbabilityByHand(int probability, Instant now) {
		if (this.stage.isFinal()) {
			throw new ConflictException("probability", "Won and lost deals keep their probability");
		}
		this.probability = probability;
		this.probabilityManual = true;
		this.updatedAt = now;
	}

	void update(String title, String description, BigDecimal value, LocalDate expectedCloseDate, UUID assignedTo,
			Instant now) {
		if (this.stage.isFinal()) {
			throw new ConflictException("Won and lost deals cannot be changed");
		}
		if (title != null) {
			this.title = title.strip();
		}
		if (description != null) {
			this.description = description;
		}
		if (value != null) {
			this.value = value;
		}
		if (expectedCloseDate != null) {
			this.expectedCloseDate = expectedCloseDate;
		}
		if (assignedTo != null) {
			this.assignedTo = assignedTo;
		}
		this.updatedAt = now;
	}

	private BigDecimal productsTotal() {
		return this.products.stream().map(DealProduct::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	DealStage stage() {
		return this.stage;
	}

	DealView view() {
		return new DealView(this.id, this.workspaceId, this.customerId, this.title, this.description, this.value,
				this.currency, this.stage, this.probability, this.probabilityManual, this.expectedCloseDate,
				this.actualCloseDate, this.wonAt, this.lostAt, this.lostReason, this.assignedTo,
				List.copyOf(this.products), this.createdAt, this.updatedAt, this.version);
	}

}
