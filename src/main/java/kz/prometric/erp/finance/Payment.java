package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Money received against an invoice; append-only.
 */
@Entity
@Table(name = "fin_payment")
class Payment {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID invoiceId;

	private BigDecimal amount;

	private LocalDate paidOn;

	private String reference;

	private UUID recordedBy;

	private Instant createdAt;

	protected Payment() {
	}

	Payment(UUID workspaceId, UUID invoiceId, BigDecimal amount, LocalDate paidOn, String reference, UUID recordedBy,
			Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.invoiceId = invoiceId;
		this.amount = amount;
		this.paidOn = paidOn;
		this.reference = reference;
		this.recordedBy = recordedBy;
		this.createdAt = now;
	}

	PaymentView view() {
		return new PaymentView(this.id, this.workspaceId, this.invoiceId, this.amount, this.paidOn, this.reference,
				this.recordedBy, this.createdAt);
	}

}
