package kz.prometric.erp.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What happened to a document, by whom and when (uploads, new versions, deletion,
 * approval); append-only, kept after the document is deleted.
 */
@Entity
@Table(name = "doc_document_audit")
class DocumentAudit {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID documentId;

	private String action;

	private Integer documentVersion;

	private UUID actorId;

	private Instant occurredAt;

	private String detail;

	protected DocumentAudit() {
	}

	DocumentAudit(Document document, String action, Integer documentVersion, UUID actorId, String detail, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = document.workspaceId();
		this.documentId = document.id();
		this.action = action;
		this.documentVersion = documentVersion;
		this.actorId = actorId;
		this.occurredAt = now;
		this.detail = (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail;
	}

	DocumentView.AuditEntry view() {
		return new DocumentView.AuditEntry(this.action, this.documentVersion, this.actorId, this.occurredAt,
				this.detail);
	}

}
