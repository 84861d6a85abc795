package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import kz.prometric.erp.shared.Money;
import kz.prometric.erp.shared.VatCategory;

/**
 * A line of an order: a product (from the catalog when {@code productId} is set),
 * quantity, unit price, discount, and what was agreed with the price: whether it includes
 * VAT, the VAT category and the unit. These three are fixed from the product when the
 * order is placed (lines without a product: standard VAT on a price without VAT, unit
 * pcs), so a later change of the product does not change the order or its invoice.
 */
@Embeddable
public record OrderLine(@Column(name = "product_id") UUID productId, @Column(name = "product_name") String productName,
		@Column(name = "quantity") BigDecimal quantity, @Column(name = "unit_price") BigDecimal unitPrice,
		@Column(name = "discount_percent") BigDecimal discountPercent, @Column(name = "unit") String unit,
		@Column(name = "price_includes_vat") Boolean priceIncludesVat,
		@Enumerated(EnumType.STRING) @Column(name = "vat_category") VatCategory vatCategory) {

	/** The unit of a line without a product. */
	static final String SERVICE_UNIT = "pcs";

	public OrderLine {
		discountPercent = (discountPercent == null) ? BigDecimal.ZERO : discountPercent;
	}

	/**
	 * A line as requested: product, name, quantity, price and discount; the tax basis is
	 * fixed when the order is placed.
	 */
	public OrderLine(UUID productId, String productName, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent) {
		this(productId, productName, quantity, unitPrice, discountPercent, null, null, null);
	}

	/** This line with its unit, price basis and VAT category fixed. */
	OrderLine fixed(String unit, boolean priceIncludesVat, VatCategory vatCategory) {
		return new OrderLine(this.productId, this.productName, this.quantity, this.unitPrice, this.discountPercent,
				unit, priceIncludesVat, vatCategory);
	}

	/** quantity × unit price × (1 − discount), rounded half-up to tiyn. */
	public BigDecimal total() {
		return Money.lineAmount(this.quantity, this.unitPrice, this.discountPercent);
	}

}
