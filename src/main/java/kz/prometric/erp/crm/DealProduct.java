package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import kz.prometric.erp.shared.Money;

/**
 * A product line of a deal: what the customer would buy, how many, at what unit price and
 * discount.
 */
@Embeddable
public record DealProduct(@Column(name = "product_id") UUID productId,
		@Column(name = "product_name") String productName, @Column(name = "quantity") BigDecimal quantity,
		@Column(name = "unit_price") BigDecimal unitPrice,
		@Column(name = "discount_percent") BigDecimal discountPercent) {

	public DealProduct {
		discountPercent = (discountPercent == null) ? BigDecimal.ZERO : discountPercent;
	}

	/** quantity × unit price × (1 − discount), rounded half-up to tiyn. */
	public BigDecimal total() {
		return Money.lineAmount(this.quantity, this.unitPrice, this.discountPercent);
	}

}
