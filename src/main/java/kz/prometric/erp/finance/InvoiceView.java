package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice or credit note as the API and other modules see it. Seller and buyer are
 * snapshots taken when it was issued; {@code sourceDocument} is the document it was
 * issued for (the order number). {@code balance} = gross − paid − credited (0 on a credit
 * note); {@code overdue}: the due date has passed and it is not paid (computed when
 * viewed).
 */
public record InvoiceView(UUID id, UUID workspaceId, InvoiceKind kind, String number, UUID orderId,
		String sourceDocument, UUID customerId, UUID originalInvoiceId, String originalNumber, String creditReason,
		String sellerName, String sellerBin, String buyerName, String buyerTaxId, String buyerAddress,
		String buyerEmail, LocalDate issueDate, LocalDate turnoverDate, LocalDate dueDate, String currency,
		List<InvoiceLine> lines, List<InvoiceVat> vat, BigDecimal netTotal, BigDecimal vatTotal, BigDecimal grossTotal,
		BigDecimal paidTotal, BigDecimal creditedTotal, BigDecimal balance, InvoiceStatus status, boolean overdue,
		Instant createdAt, Instant updatedAt, long version) {
}
