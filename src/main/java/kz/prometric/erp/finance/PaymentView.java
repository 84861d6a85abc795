package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment recorded against an invoice.
 */
public record PaymentView(UUID id, UUID workspaceId, UUID invoiceId, BigDecimal amount, LocalDate paidOn,
		String reference, UUID recordedBy, Instant recordedAt) {
}
