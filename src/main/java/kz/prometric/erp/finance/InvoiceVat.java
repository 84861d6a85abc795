package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The VAT of one rate of a document ({@code vatRate} null for the exempt group; 0.00 is
 * zero-rated and shows a VAT of 0.00).
 */
@Embeddable
public record InvoiceVat(@Column(name = "workspace_id") UUID workspaceId, @Column(name = "vat_rate") BigDecimal vatRate,
		@Column(name = "vat_exempt") boolean vatExempt, @Column(name = "taxable_base") BigDecimal taxableBase,
		@Column(name = "vat") BigDecimal vat, @Column(name = "gross") BigDecimal gross) {

	InvoiceVat negated() {
		return new InvoiceVat(this.workspaceId, this.vatRate, this.vatExempt, this.taxableBase.negate(),
				this.vat.negate(), this.gross.negate());
	}

	/** How the rate is printed: {@code 16%}, {@code 0%} or {@code exempt}. */
	public String label() {
		return this.vatExempt ? "exempt" : this.vatRate.stripTrailingZeros().toPlainString() + "%";
	}

}
