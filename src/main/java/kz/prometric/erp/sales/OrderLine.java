package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import kz.prometric.erp.shared.Money;

/**
 * A line of an order: a product (from the catalog when {@code productId} is set),
 * quantity, unit price, discount.
 */
@Embeddable
public record OrderLine(@Column(name = "product_id") UUID productId, @Column(name = "product_name") String productName,
		@Column(name = "quantity") BigDecimal quantity, @Column(name = "unit_price") BigDecimal unitPrice,
		@Column(name = "discount_percent") BigDecimal discountPercent) {

	public OrderLine {
		discountPercent = (discountPercent == null) ? BigDecimal.ZERO : discountPercent;
	}

	/** quantity × unit price × (1 − discount), rounded half-up to tiyn. */
	public BigDecimal total() {
		return Money.lineAmount(this.quantity, this.unitPrice, this.discountPercent);
	}

}
