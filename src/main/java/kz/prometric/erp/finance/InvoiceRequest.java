package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.prometric.erp.shared.VatCategory;

/**
 * What finance needs to issue an invoice for a source document (an order): the buyer, the
 * turnover date (the date of supply, e.g. the shipment date) and the lines with the price
 * basis and VAT category fixed when they were agreed. Finance reads nothing else of the
 * source document.
 *
 * @param workspaceId the seller's workspace
 * @param sourceId the id of the source document (an order id): at most one invoice per
 * source
 * @param sourceDocument its readable number, printed on the invoice (e.g.
 * {@code SO-2026-000123})
 * @param customerId the buyer, a customer of the workspace
 * @param turnoverDate the date of supply; it decides the VAT rates
 * @param lines at least one
 */
public record InvoiceRequest(UUID workspaceId, UUID sourceId, String sourceDocument, UUID customerId,
		LocalDate turnoverDate, List<Line> lines) {

	/**
	 * One line as agreed with the customer.
	 *
	 * @param priceIncludesVat whether {@code unitPrice} contains VAT
	 * @param vatCategory the VAT category agreed for the line
	 */
	public record Line(UUID productId, String name, String unit, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent, boolean priceIncludesVat, VatCategory vatCategory) {
	}

}
