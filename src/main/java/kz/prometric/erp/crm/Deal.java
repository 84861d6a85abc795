package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.WorkspaceOwned;
import org.hibernate.annotations.BatchSize;

/**
 * A sales opportunity with a customer. Every stage rule lives here, and every entry point
 * (the REST API, the deal-lifecycle process's tasks) asks {@link #moveTo}: WON and LOST
 * are final, losing needs a reason, winning needs product lines, and a discount that the
 * discount-approval decision flags needs a manager's approval of exactly the current
 * lines and value before PROPOSAL, NEGOTIATION or WON. A deal with lines is worth their
 * total.
 */
@Entity
@Table(name = "crm_deal")
class Deal implements WorkspaceOwned {

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

	// a list page reads the lines of all its rows in one statement, not one per row
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = PageQuery.MAX_SIZE + 1)
	@CollectionTable(name = "crm_deal_product", joinColumns = @JoinColumn(name = "deal_id"))
	@OrderColumn(name = "line_no")
	private List<DealProduct> products = new ArrayList<>();

	private UUID discountApprovedBy;

	private Instant discountApprovedAt;

	private BigDecimal discountApprovedPercent;

	private BigDecimal discountApprovedValue;

	private String discountApprovalFingerprint;

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
		if (value != null) {
			ensureValueMatchesLines(value);
		}
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
	 * Whether a move to {@code target} is allowed, without changing anything: empty when
	 * it is, else the business rule that refuses it (422, naming the field to fix). A
	 * final deal or a move to the current stage is a conflict (409, thrown). The gates:
	 * <ul>
	 * <li>LOST needs a reason ({@code lostReason});</li>
	 * <li>WON needs at least one product line ({@code products}): an order is made of
	 * them;</li>
	 * <li>PROPOSAL, NEGOTIATION and WON need a manager's approval of the current lines,
	 * discount and value whenever the policy (discount-approval.dmn) says the discount
	 * needs one ({@code stage}).</li>
	 * </ul>
	 */
	Optional<FieldViolation> refusalOf(DealStage target, String lostReason, StagePolicy policy) {
		ensureOpen(target);
		if (target == DealStage.LOST) {
			return (lostReason == null || lostReason.isBlank())
					? Optional.of(new FieldViolation("lostReason", "Losing a deal needs a reason")) : Optional.empty();
		}
		if (target == DealStage.WON && this.products.isEmpty()) {
			return Optional.of(new FieldViolation("products",
					"A deal is won with at least one product line: add the products the customer buys, then win it"));
		}
		if (target.needsApprovedDiscount() && discountApprovalMissing(policy)) {
			return Optional.of(new FieldViolation("stage",
					"The discount of " + maxDiscountPercent().toPlainString()
							+ " % on this deal needs a manager's approval before the deal moves to " + target
							+ ": a manager of the workspace approves it (the deal's \"Approve discount\" task, or POST "
							+ "…/deals/" + this.id + "/discount-approval), then move the deal again"));
		}
		return Optional.empty();
	}

	/**
	 * Moves the deal to {@code target}, or to LOST with {@code lostReason}. Every stage
	 * move of every entry point (the REST API, a completed task) comes here; refused as
	 * {@link #refusalOf} says (422 {@link BusinessRuleViolation}, 409
	 * {@link ConflictException}) before anything changes. Winning sets probability 100,
	 * the win time and the actual close date; losing sets probability 0.
	 */
	void moveTo(DealStage target, String lostReason, StagePolicy policy, Instant now) {
		Optional<FieldViolation> refusal = refusalOf(target, lostReason, policy);
		if (refusal.isPresent()) {
			throw new BusinessRuleViolation(refusal.get().message(), List.of(refusal.get()));
		}
		if (target == DealStage.WON) {
			this.wonAt = now;
			this.actualCloseDate = LocalDate.ofInstant(now, BUSINESS_ZONE);
			this.probability = 100;
		}
		if (target == DealStage.LOST) {
			this.lostAt = now;
			this.lostReason = lostReason.strip();
			this.actualCloseDate = LocalDate.ofInstant(now, BUSINESS_ZONE);
			this.probability = 0;
		}
		this.stage = target;
		this.updatedAt = now;
	}

	private void ensureOpen(DealStage target) {
		ensureOpen();
		if (this.stage == target) {
			throw new ConflictException("stage", "The deal is already in stage " + target);
		}
	}

	private void ensureOpen() {
		if (this.stage.isFinal()) {
			throw new ConflictException("stage", "The deal is already " + this.stage.name().toLowerCase(Locale.ROOT)
					+ "; won and lost deals are final");
		}
	}

	/**
	 * Whether the current lines, discount and value need a manager's approval that they
	 * do not have.
	 */
	boolean discountApprovalMissing(StagePolicy policy) {
		return !this.products.isEmpty() && policy.discountNeedsApproval(maxDiscountPercent(), this.value)
				&& !hasDiscountApproval();
	}

	/**
	 * A manager of the workspace (the caller has checked the role) approves the deal's
	 * current lines, discount and value. Any later change of them needs a new approval.
	 */
	void approveDiscount(UUID approverId, Instant now) {
		ensureOpen();
		if (this.products.isEmpty()) {
			throw new BusinessRuleViolation("products", "A deal without product lines has no discount to approve");
		}
		this.discountApprovedBy = approverId;
		this.discountApprovedAt = now;
		this.discountApprovedPercent = maxDiscountPercent();
		this.discountApprovedValue = this.value;
		this.discountApprovalFingerprint = fingerprint();
		this.updatedAt = now;
	}

	private boolean hasDiscountApproval() {
		return this.discountApprovalFingerprint != null && this.discountApprovalFingerprint.equals(fingerprint());
	}

	/** An approval that no longer matches the lines and value is dropped. */
	private void dropStaleApproval() {
		if (this.discountApprovalFingerprint != null && !hasDiscountApproval()) {
			this.discountApprovedBy = null;
			this.discountApprovedAt = null;
			this.discountApprovedPercent = null;
			this.discountApprovedValue = null;
			this.discountApprovalFingerprint = null;
		}
	}

	/**
	 * SHA-256 over the value and every line (product, name, quantity, unit price,
	 * discount): what an approval approves.
	 */
	private String fingerprint() {
		StringBuilder text = new StringBuilder(plain(this.value));
		for (DealProduct line : this.products) {
			text.append('\n')
				.append(line.productId())
				.append('\t')
				.append(line.productName())
				.append('\t')
				.append(plain(line.quantity()))
				.append('\t')
				.append(plain(line.unitPrice()))
				.append('\t')
				.append(plain(line.discountPercent()));
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String plain(BigDecimal number) {
		return (number == null) ? "" : number.stripTrailingZeros().toPlainString();
	}

	BigDecimal maxDiscountPercent() {
		return this.products.stream()
			.map(DealProduct::discountPercent)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
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

	/**
	 * Changes details of an open deal. {@code products} (when not null) replaces the
	 * lines, and the value becomes their total. A deal with lines is worth their total: a
	 * different {@code value} is refused (422). A change of lines or value drops a
	 * discount approval that no longer matches.
	 */
	void update(String title, String description, BigDecimal value, List<DealProduct> products,
			LocalDate expectedCloseDate, UUID assignedTo, Instant now) {
		ensureOpen();
		if (products != null) {
			this.products = new ArrayList<>(products);
			if (!this.products.isEmpty()) {
				this.value = productsTotal();
			}
		}
		if (value != null) {
			ensureValueMatchesLines(value);
			this.value = value;
		}
		if (title != null) {
			this.title = title.strip();
		}
		if (description != null) {
			this.description = description;
		}
		if (expectedCloseDate != null) {
			this.expectedCloseDate = expectedCloseDate;
		}
		if (assignedTo != null) {
			this.assignedTo = assignedTo;
		}
		dropStaleApproval();
		this.updatedAt = now;
	}

	private void ensureValueMatchesLines(BigDecimal value) {
		if (!this.products.isEmpty() && value.compareTo(productsTotal()) != 0) {
			throw new BusinessRuleViolation("value", "A deal with product lines is worth their total ("
					+ productsTotal().toPlainString() + "); change the lines (products) instead of the value");
		}
	}

	private BigDecimal productsTotal() {
		return this.products.stream().map(DealProduct::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID workspaceId() {
		return this.workspaceId;
	}

	DealStage stage() {
		return this.stage;
	}

	UUID createdBy() {
		return this.createdBy;
	}

	DealView view() {
		return new DealView(this.id, this.workspaceId, this.customerId, this.title, this.description, this.value,
				this.currency, this.stage, this.probability, this.probabilityManual, this.expectedCloseDate,
				this.actualCloseDate, this.wonAt, this.lostAt, this.lostReason, this.assignedTo,
				List.copyOf(this.products),
				hasDiscountApproval() ? new DealView.DiscountApproval(this.discountApprovedBy, this.discountApprovedAt,
						this.discountApprovedPercent, this.discountApprovedValue) : null,
				this.createdAt, this.updatedAt, this.version);
	}

}
