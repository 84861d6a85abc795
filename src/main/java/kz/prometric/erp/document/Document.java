package kz.prometric.erp.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.WorkspaceOwned;

/**
 * A document attached to a business object: its versions are {@link DocumentVersion}
 * rows, numbered from 1. Deleted softly (who, when). Documents the ERP keeps itself (an
 * issued invoice's PDF) carry a source key and are never deleted or given new versions.
 */
@Entity
@Table(name = "doc_document")
class Document implements WorkspaceOwned {

	@Id
	private UUID id;

	private UUID workspaceId;

	private String objectType;

	private UUID objectId;

	private String kind;

	private int latestVersion;

	private UUID createdBy;

	private Instant createdAt;

	private String sourceKey;

	private Instant deletedAt;

	private UUID deletedBy;

	@Enumerated(EnumType.STRING)
	private ApprovalState approvalState;

	@Enumerated(EnumType.STRING)
	private WorkspaceRole approverRole;

	private BigDecimal approvalAmount;

	private UUID approvalRequestedBy;

	private Instant approvalRequestedAt;

	private UUID approvalDecidedBy;

	private Instant approvalDecidedAt;

	private String approvalComment;

	private String approvalProcessId;

	@Version
	private long version;

	protected Document() {
	}

	Document(UUID workspaceId, ObjectType objectType, UUID objectId, DocumentKind kind, UUID createdBy,
			String sourceKey, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.objectType = objectType.code();
		this.objectId = objectId;
		this.kind = kind.code();
		this.latestVersion = 0;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.sourceKey = sourceKey;
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID workspaceId() {
		return this.workspaceId;
	}

	ObjectType objectType() {
		return ObjectType.parse(this.objectType, "objectType");
	}

	UUID objectId() {
		return this.objectId;
	}

	DocumentKind kind() {
		return DocumentKind.parse(this.kind, "kind");
	}

	int latestVersion() {
		return this.latestVersion;
	}

	UUID createdBy() {
		return this.createdBy;
	}

	boolean keptByTheErp() {
		return this.sourceKey != null;
	}

	boolean deleted() {
		return this.deletedAt != null;
	}

	ApprovalState approvalState() {
		return this.approvalState;
	}

	WorkspaceRole approverRole() {
		return this.approverRole;
	}

	BigDecimal approvalAmount() {
		return this.approvalAmount;
	}

	UUID approvalRequestedBy() {
		return this.approvalRequestedBy;
	}

	String approvalProcessId() {
		return this.approvalProcessId;
	}

	/** The number of the next version, which becomes the latest. */
	int nextVersion() {
		if (this.approvalState == ApprovalState.PENDING) {
			throw new ConflictException("documentId",
					"The document waits for approval of version " + this.latestVersion + "; decide that first");
		}
		this.latestVersion++;
		return this.latestVersion;
	}

	void delete(UUID by, Instant now) {
		this.deletedAt = now;
		this.deletedBy = by;
	}

	void approvalRequested(WorkspaceRole approver, BigDecimal amount, UUID by, Instant now) {
		if (this.approvalState == ApprovalState.PENDING) {
			throw new ConflictException("The document already waits for approval");
		}
		this.approvalState = ApprovalState.PENDING;
		this.approverRole = approver;
		this.approvalAmount = amount;
		this.approvalRequestedBy = by;
		this.approvalRequestedAt = now;
		this.approvalDecidedBy = null;
		this.approvalDecidedAt = null;
		this.approvalComment = null;
		this.approvalProcessId = null;
	}

	void approvalBoundTo(String processInstanceId) {
		this.approvalProcessId = processInstanceId;
	}

	void decided(boolean approved, UUID by, String comment, Instant now) {
		if (this.approvalState != ApprovalState.PENDING) {
			throw new ConflictException("The document's approval was already decided");
		}
		this.approvalState = approved ? ApprovalState.APPROVED : ApprovalState.REJECTED;
		this.approvalDecidedBy = by;
		this.approvalDecidedAt = now;
		this.approvalComment = comment;
	}

	DocumentView.Approval approval() {
		if (this.approvalState == null) {
			return null;
		}
		return new DocumentView.Approval(this.approvalState, this.approverRole, this.approvalAmount,
				this.approvalRequestedBy, this.approvalRequestedAt, this.approvalDecidedBy, this.approvalDecidedAt,
				this.approvalComment);
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
