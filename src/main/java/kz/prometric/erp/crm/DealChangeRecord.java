package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of a deal, as the ERP records it: who ({@code null} when the process did it
 * with nobody signed in), when, what kind, and the value before and after as text.
 * Written in the transaction that changes the deal, never changed afterwards, kept as
 * long as the deal.
 */
@Entity
@Table(name = "crm_deal_change")
class DealChangeRecord {

	private static final int MAX_TEXT = 2000;

	@Id
	private UUID id;

	private UUID dealId;

	private UUID workspaceId;

	@Column(name = "changed_at")
	private Instant at;

	private UUID byUserId;

	@Enumerated(EnumType.STRING)
	private DealChangeKind kind;

	private String fromValue;

	private String toValue;

	protected DealChangeRecord() {
	}

	DealChangeRecord(UUID dealId, UUID workspaceId, Instant at, UUID byUserId, DealChangeKind kind, String fromValue,
			String toValue) {
		this.id = UUID.randomUUID();
		this.dealId = dealId;
		this.workspaceId = workspaceId;
		this.at = at;
		this.byUserId = byUserId;
		this.kind = kind;
		this.fromValue = clipped(fromValue);
		this.toValue = clipped(toValue);
	}

	private static String clipped(String text) {
		return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

	UUID byUserId() {
		return this.byUserId;
	}

	DealChangeView view(String byName) {
		return new DealChangeView(this.id, this.dealId, this.at, this.byUserId, byName, this.kind, this.fromValue,
				this.toValue);
	}

}
