package kz.prometric.erp.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of a document: the file as uploaded, under a store key; append-only. */
@Entity
@Table(name = "doc_document_version")
class DocumentVersion {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID documentId;

	private int version;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private String storageKey;

	private UUID uploadedBy;

	private Instant uploadedAt;

	protected DocumentVersion() {
	}

	DocumentVersion(Document document, int version, String fileName, String contentType, long sizeBytes, String sha256,
			String storageKey, UUID uploadedBy, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = document.workspaceId();
		this.documentId = document.id();
		this.version = version;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = now;
	}

	UUID documentId() {
		return this.documentId;
	}

	int version() {
		return this.version;
	}

	String fileName() {
		return this.fileName;
	}

	String contentType() {
		return this.contentType;
	}

	long sizeBytes() {
		return this.sizeBytes;
	}

	String sha256() {
		return this.sha256;
	}

	String storageKey() {
		return this.storageKey;
	}

	DocumentView.Version view() {
		return new DocumentView.Version(this.version, this.fileName, this.contentType, this.sizeBytes, this.sha256,
				this.uploadedBy, this.uploadedAt);
	}

}
