package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A line of an invoice as issued: what was sold, its price basis, the VAT category and
 * the rate in force on the turnover date ({@code vatRate} null when exempt), the line
 * amount on the line's own price basis and its net. On a credit note quantity, amount and
 * net are negative and {@code originalLineNo} names the invoice line (1-based) it
 * credits.
 */
@Embeddable
public record InvoiceLine(@Column(name = "workspace_id") UUID workspaceId, @Column(name = "product_id") UUID productId,
		@Column(name = "name") String name, @Column(name = "unit") String unit,
		@Column(name = "quantity") BigDecimal quantity, @Column(name = "unit_price") BigDecimal unitPrice,
		@Column(name = "discount_percent") BigDecimal discountPercent,
		@Column(name = "price_includes_vat") boolean priceIncludesVat,
		@Column(name = "vat_category") String vatCategory, @Column(name = "vat_rate") BigDecimal vatRate,
		@Column(name = "vat_exempt") boolean vatExempt, @Column(name = "amount") BigDecimal amount,
		@Column(name = "net") BigDecimal net, @Column(name = "original_line_no") Integer originalLineNo) {

}
