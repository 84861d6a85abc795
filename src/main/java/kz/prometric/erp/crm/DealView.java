package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deal as the API and other modules see it. {@code discountApproval} is the manager's
 * approval of exactly the current lines and value, or null.
 */
public record DealView(UUID id, UUID workspaceId, UUID customerId, String title, String description, BigDecimal value,
		String currency, DealStage stage, int probability, boolean probabilityManual, LocalDate expectedCloseDate,
		LocalDate actualCloseDate, Instant wonAt, Instant lostAt, String lostReason, UUID assignedTo,
		List<DealProduct> products, DiscountApproval discountApproval, Instant createdAt, Instant updatedAt,
		long version) {

	public BigDecimal maxDiscountPercent() {
		return this.products.stream()
			.map(DealProduct::discountPercent)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
	}

	/**
	 * Who approved the deal's discount, when, and what: the largest discount and the
	 * value at that moment (the lines and value have not changed since).
	 */
	public record DiscountApproval(UUID approvedBy, Instant approvedAt, BigDecimal maxDiscountPercent,
			BigDecimal value) {
	}

}
