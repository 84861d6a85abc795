package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How the shortfall of an order line is being replenished, as the order-fulfilment
 * process asked production for it: {@code kind} MANUFACTURE (the document is a production
 * order {@code MO-...}) or PURCHASE (a purchase requisition {@code PR-...}) for
 * {@code quantity} of the line's product; {@code status} OPEN until production reports
 * the output in stock / the goods received (DONE) or the run cancelled / the purchase
 * rejected (FAILED, {@code problem} says why). {@code lineNo} is the line's position in
 * the order (0-based).
 */
@Embeddable
public record LineReplenishment(@Column(name = "line_no") int lineNo, @Column(name = "product_id") UUID productId,
		@Column(name = "quantity") BigDecimal quantity, @Column(name = "kind") String kind,
		@Column(name = "document_number") String documentNumber, @Column(name = "status") String status,
		@Column(name = "problem") String problem, @Column(name = "requested_at") Instant requestedAt,
		@Column(name = "updated_at") Instant updatedAt) {

	public static final String OPEN = "OPEN";

	public static final String DONE = "DONE";

	public static final String FAILED = "FAILED";

	LineReplenishment finished(String status, String problem, Instant now) {
		return new LineReplenishment(this.lineNo, this.productId, this.quantity, this.kind, this.documentNumber, status,
				problem, this.requestedAt, now);
	}

	/** The same request now carried by another document (a scrapped run re-planned). */
	LineReplenishment replannedAs(String documentNumber, Instant now) {
		return new LineReplenishment(this.lineNo, this.productId, this.quantity, this.kind, documentNumber, OPEN, null,
				this.requestedAt, now);
	}

	boolean isOpen() {
		return OPEN.equals(this.status);
	}

}
