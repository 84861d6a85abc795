package kz.prometric.erp.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceRole;

/**
 * A document as the API answers it: what it is attached to, its kind, its versions
 * (oldest first; the last is the latest), its approval (null when never asked for) and,
 * in the single-document answer, its history.
 */
public record DocumentView(UUID id, UUID workspaceId, String objectType, UUID objectId, String kind, String fileName,
		String contentType, int latestVersion, boolean keptByTheErp, UUID createdBy, Instant createdAt,
		Approval approval, List<Version> versions, List<AuditEntry> history) {

	/** One version: its number, file name, sniffed content type, size and SHA-256. */
	public record Version(int version, String fileName, String contentType, long size, String sha256, UUID uploadedBy,
			Instant uploadedAt) {
	}

	/** Where the approval stands, and who asked and decided when. */
	public record Approval(ApprovalState state, WorkspaceRole approverRole, BigDecimal amount, UUID requestedBy,
			Instant requestedAt, UUID decidedBy, Instant decidedAt, String comment) {
	}

	/** One line of the document's history. */
	public record AuditEntry(String action, Integer version, UUID actorId, Instant occurredAt, String detail) {
	}

}
