package kz.prometric.erp.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import kz.prometric.erp.document.process.DocumentApproval;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Documents attached to the business objects of a workspace: upload (a new document or a
 * new version of one), read, download any version, soft delete, and approval through the
 * {@code document-approval} process. Members of the workspace upload and read; the
 * uploader, admins and the owner delete. Another workspace's document or object answers
 * 404 like an unknown one. Every upload, new version and deletion is audited
 * ({@code doc_document_audit}). The content lives in the {@link DocumentStore} under a
 * random key; the database keeps the sanitized name, the content type told from the bytes
 * and the SHA-256.
 */
@Service
public class DocumentManagement {

	private static final Logger log = LoggerFactory.getLogger(DocumentManagement.class);

	static final SortableFields SORT = SortableFields.of("createdAt", "createdAt", "kind", "kind");

	/** The longest approver comment kept. */
	public static final int MAX_COMMENT_LENGTH = 2000;

	private final Documents documents;

	private final DocumentVersions versions;

	private final DocumentAudits audits;

	private final DocumentStore store;

	private final WorkspaceManagement workspaces;

	private final IdentityManagement identity;

	private final WorkspaceDefinitions definitions;

	private final RuntimeService runtime;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final long maxSize;

	private final Map<ObjectType, DocumentTargets> targets = new EnumMap<>(ObjectType.class);

	DocumentManagement(Documents documents, DocumentVersions versions, DocumentAudits audits, DocumentStore store,
			WorkspaceManagement workspaces, IdentityManagement identity, WorkspaceDefinitions definitions,
			RuntimeService runtime, JdbcTemplate jdbc, Clock clock, List<DocumentTargets> targets,
			@Value("${prometric.documents.max-size:20MB}") DataSize maxSize) {
		this.documents = documents;
		this.versions = versions;
		this.audits = audits;
		this.store = store;
		this.workspaces = workspaces;
		this.identity = identity;
		this.definitions = definitions;
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxSize = maxSize.toBytes();
		for (DocumentTargets owner : targets) {
			for (ObjectType type : owner.types()) {
				if (this.targets.put(type, owner) != null) {
					throw new IllegalStateException("Two modules own document object type " + type.code());
				}
			}
		}
		for (ObjectType type : ObjectType.values()) {
			if (!this.targets.containsKey(type)) {
				throw new IllegalStateException(
						"No module tells whether objects of type " + type.code() + " exist (a DocumentTargets bean)");
			}
		}
	}

	/** What a client asks to upload: every field as sent (validated here). */
	public record Upload(String objectType, String objectId, String kind, String documentId, UploadedFile file) {
	}

	/**
	 * Uploads a file: a new document of {@code kind} (default {@code other}) attached to
	 * the object, or, with {@code documentId}, the next version of that document (version
	 * n+1; older versions stay). 404 when the workspace, the object or the document is
	 * not the caller's workspace's; 400 naming a malformed field; 422 naming {@code file}
	 * when it is missing, empty, larger than {@code prometric.documents.max-size} or of a
	 * type that is not accepted; 409 while the document waits for approval.
	 */
	@Transactional
	public DocumentView upload(UUID workspaceId, UUID callerId, Upload upload) {
		this.workspaces.requireMember(workspaceId, callerId);
		UploadedFile file = upload.file();
		Document document;
		boolean added;
		if (upload.documentId() != null && !upload.documentId().isBlank()) {
			UUID documentId = uuid(upload.documentId(), "documentId");
			document = this.documents.lockLive(documentId, workspaceId)
				.orElseThrow(() -> new NotFoundException("Document", documentId));
			if (document.keptByTheErp()) {
				throw new BusinessRuleViolation("documentId",
						"This document is kept by the ERP as it was issued and takes no new versions");
			}
			if (!document.objectType().uploadable()) {
				throw new BusinessRuleViolation("documentId", "This document was generated by the ERP (a "
						+ document.objectType().code() + ") and takes no new versions");
			}
			List<String> mismatches = new ArrayList<>();
			if (upload.objectType() != null && !upload.objectType().isBlank()
					&& ObjectType.parse(upload.objectType(), "objectType") != document.objectType()) {
				mismatches.add("objectType");
			}
			if (upload.objectId() != null && !upload.objectId().isBlank()
					&& !uuid(upload.objectId(), "objectId").equals(document.objectId())) {
				mismatches.add("objectId");
			}
			if (upload.kind() != null && !upload.kind().isBlank()
					&& DocumentKind.parse(upload.kind(), "kind") != document.kind()) {
				mismatches.add("kind");
			}
			if (!mismatches.isEmpty()) {
				throw new BusinessRuleViolation(mismatches.get(0),
						"A new version belongs to the document's own object and kind; leave " + mismatches
								+ " out or send the document's values");
			}
			added = true;
		}
		else {
			ObjectType type = ObjectType.parse(upload.objectType(), "objectType");
			if (!type.uploadable()) {
				throw new BusinessRuleViolation("objectType",
						"Files of a " + type.code() + " are generated by the ERP and cannot be uploaded");
			}
			if (upload.objectId() == null || upload.objectId().isBlank()) {
				throw new InvalidInputException("objectId", "is required");
			}
			UUID objectId = uuid(upload.objectId(), "objectId");
			DocumentKind kind = DocumentKind.parse(upload.kind(), "kind");
			requireObject(type, workspaceId, objectId);
			document = new Document(workspaceId, type, objectId, kind, callerId, null, this.clock.instant());
			added = false;
		}
		requireAcceptable(file);
		String originalName = file.originalName();
		SniffedType type;
		try {
			type = ContentSniffer.sniff(file.content(), originalName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
		String name = FileNames.sanitize(originalName, type);
		int number = document.nextVersion();
		if (!added) {
			this.documents.save(document);
		}
		Stored stored = store(file.content()::getInputStream);
		DocumentVersion version = this.versions.save(new DocumentVersion(document, number, name, type.contentType(),
				stored.size(), stored.sha256(), stored.key(), callerId, this.clock.instant()));
		audit(document, added ? "VERSION_ADDED" : "UPLOADED", number, callerId,
				name + " (" + type.contentType() + ", " + stored.size() + " bytes)");
		log.info("Document {} version {} stored: {} bytes, {}", document.id(), version.version(), stored.size(),
				type.contentType());
		return view(document, false);
	}

	/**
	 * The document with its versions and history; 404 when deleted or not the
	 * workspace's.
	 */
	@Transactional(readOnly = true)
	public DocumentView document(UUID workspaceId, UUID callerId, UUID documentId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return view(live(workspaceId, documentId), true);
	}

	/**
	 * The workspace's documents, newest first unless sorted otherwise ({@code createdAt},
	 * {@code kind}); optionally those of one object type, or of one object
	 * ({@code objectId} needs {@code objectType}).
	 */
	@Transactional(readOnly = true)
	public PageResult<DocumentView> documents(UUID workspaceId, UUID callerId, String objectType, String objectId,
			PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		ObjectType type = (objectType != null && !objectType.isBlank()) ? ObjectType.parse(objectType, "objectType")
				: null;
		UUID object = (objectId != null && !objectId.isBlank()) ? uuid(objectId, "objectId") : null;
		if (object != null && type == null) {
			throw new InvalidInputException("objectType", "is required with objectId");
		}
		PageQuery sorted = (query.sortProperty() == null)
				? new PageQuery(query.page(), query.size(), "createdAt", Sort.Direction.DESC) : query;
		Pageable pageable = sorted.toPageable(SORT);
		Page<Document> page;
		if (type == null) {
			page = this.documents.findByWorkspaceIdAndDeletedAtIsNull(workspaceId, pageable);
		}
		else if (object == null) {
			page = this.documents.findByWorkspaceIdAndObjectTypeAndDeletedAtIsNull(workspaceId, type.code(), pageable);
		}
		else {
			page = this.documents.findByWorkspaceIdAndObjectTypeAndObjectIdAndDeletedAtIsNull(workspaceId, type.code(),
					object, pageable);
		}
		Map<UUID, List<DocumentVersion>> byDocument = new LinkedHashMap<>();
		if (!page.isEmpty()) {
			this.versions.findByDocumentIdInOrderByDocumentIdAscVersionAsc(page.map(Document::id).toList())
				.forEach(v -> byDocument.computeIfAbsent(v.documentId(), id -> new ArrayList<>()).add(v));
		}
		return PageResult.of(page, d -> view(d, byDocument.getOrDefault(d.id(), List.of()), List.of()));
	}

	/**
	 * Version {@code version} of the document ("1", "2", …; anything else 404), to be
	 * streamed with its sniffed content type and sanitized name.
	 */
	@Transactional(readOnly = true)
	public DocumentContent content(UUID workspaceId, UUID callerId, UUID documentId, String version) {
		this.workspaces.requireMember(workspaceId, callerId);
		Document document = live(workspaceId, documentId);
		int number;
		try {
			number = Integer.parseInt(version);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("Document", documentId);
		}
		DocumentVersion found = this.versions.findByDocumentIdAndVersion(document.id(), number)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		try {
			return new DocumentContent(found.fileName(), found.contentType(), found.sizeBytes(), found.sha256(),
					this.store.get(found.storageKey()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"The content of document " + documentId + " version " + number + " cannot be read from the store",
					ex);
		}
	}

	/**
	 * Deletes the document softly: it answers 404 from now on, its versions stay in the
	 * store, and the deletion is audited (who, when). The uploader, admins and the owner
	 * may (403 for other members); documents the ERP keeps (issued invoices) may not be
	 * deleted (409). A pending approval is withdrawn (its process instance ends).
	 */
	@Transactional
	public void delete(UUID workspaceId, UUID callerId, UUID documentId) {
		WorkspaceRole role = this.workspaces.requireMember(workspaceId, callerId);
		Document document = this.documents.lockLive(documentId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		if (!callerId.equals(document.createdBy()) && !role.includes(WorkspaceRole.ADMIN)) {
			throw new ForbiddenException("Only the uploader, an admin or the owner deletes a document");
		}
		if (document.keptByTheErp()) {
			throw new ConflictException("This document is kept by the ERP as it was issued and cannot be deleted");
		}
		document.delete(callerId, this.clock.instant());
		if (document.approvalState() == ApprovalState.PENDING && document.approvalProcessId() != null) {
			this.runtime.deleteProcessInstanceIfExists(document.approvalProcessId(), "document deleted", true, true,
					true, false);
		}
		audit(document, "DELETED", document.latestVersion(), callerId, null);
	}

	/**
	 * Asks for the document's approval: the {@code document-approval} table decides from
	 * the document's kind and {@code amount} (optional, in tenge) which role approves;
	 * when it names none (the kind needs no approval) 422 naming {@code kind}. Records
	 * PENDING, who asked and the approver role, and starts the process (business key =
	 * the document id, tenant = the workspace) in this transaction. 409 when an approval
	 * is already pending. Any member may ask.
	 */
	@Transactional
	public DocumentView requestApproval(UUID workspaceId, UUID callerId, UUID documentId, BigDecimal amount) {
		this.workspaces.requireMember(workspaceId, callerId);
		Document document = this.documents.lockLive(documentId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		if (document.approvalState() == ApprovalState.PENDING) {
			throw new ConflictException("The document already waits for approval");
		}
		VariableMap inputs = Variables.createVariables()
			.putValue(DocumentApproval.VAR_KIND, document.kind().code())
			.putValue(DocumentApproval.VAR_AMOUNT, (amount != null) ? amount.doubleValue() : null);
		var result = this.definitions.evaluateDecision(DocumentApproval.DECISION, workspaceId)
			.variables(inputs)
			.evaluate();
		Object entry = result.isEmpty() ? null : result.getFirstResult().getSingleEntry();
		if (entry == null) {
			throw new BusinessRuleViolation("kind",
					"Documents of kind '" + document.kind().code() + "' need no approval");
		}
		WorkspaceRole approver = WorkspaceRole.valueOf(entry.toString().toUpperCase(Locale.ROOT));
		Instant now = this.clock.instant();
		document.approvalRequested(approver, amount, callerId, now);
		audit(document, "APPROVAL_REQUESTED", document.latestVersion(), callerId, "approver role " + approver);
		this.documents.flush();
		ProcessInstance instance = this.definitions.startProcess(DocumentApproval.KEY, workspaceId)
			.businessKey(document.id().toString())
			.setVariable(DocumentApproval.VAR_WORKSPACE_ID, workspaceId.toString())
			.setVariable(DocumentApproval.VAR_APPROVER_GROUP,
					workspaceId + ":" + approver.name().toLowerCase(Locale.ROOT))
			.execute();
		document.approvalBoundTo(instance.getId());
		return view(document, true);
	}

	/**
	 * For the approval task's completion: the document bound to the instance (business
	 * key and tenant, and the instance must be the one the document names) takes the
	 * decision ({@code approve} or {@code reject}, else 422 naming {@code decision}) of
	 * {@code approverEmail}, the engine user completing the task, who must hold the
	 * approver role the table chose, or a higher one, in the workspace now (else 403 and
	 * nothing changes). Answers whether the document is approved.
	 */
	@Transactional
	public boolean decide(ApprovalInstance instance, String approverEmail, String decision, String comment) {
		Document document = bound(instance);
		boolean approve;
		if (DocumentApproval.DECISION_APPROVE.equals(decision)) {
			approve = true;
		}
		else if (DocumentApproval.DECISION_REJECT.equals(decision)) {
			approve = false;
		}
		else {
			throw new BusinessRuleViolation(DocumentApproval.VAR_DECISION, "Choose approve or reject");
		}
		if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
			throw new BusinessRuleViolation(DocumentApproval.VAR_COMMENT,
					"must be at most " + MAX_COMMENT_LENGTH + " characters");
		}
		UUID approverId = (approverEmail == null) ? null
				: this.identity.findByEmail(approverEmail).map(UserAccount::id).orElse(null);
		if (approverId == null) {
			throw new ForbiddenException("A document is approved by a named member of the workspace");
		}
		WorkspaceRole role;
		try {
			role = this.workspaces.requireMember(instance.workspaceId(), approverId);
		}
		catch (NotFoundException ex) {
			throw new ForbiddenException("Only members of the workspace approve its documents");
		}
		if (!role.includes(document.approverRole())) {
			throw new ForbiddenException(
					"This document is approved by the " + document.approverRole() + " role or higher; you are " + role);
		}
		document.decided(approve, approverId, (comment == null || comment.isBlank()) ? null : comment.strip(),
				this.clock.instant());
		audit(document, approve ? "APPROVED" : "REJECTED", document.latestVersion(), approverId, comment);
		return approve;
	}

	/** What the approval task's form shows, from the document bound to the instance. */
	@Transactional(readOnly = true)
	public Map<String, Object> approvalForm(UUID workspaceId, UUID documentId) {
		Map<String, Object> values = new LinkedHashMap<>();
		this.documents.findLive(documentId, workspaceId).ifPresent(document -> {
			List<DocumentVersion> all = this.versions.findByDocumentIdOrderByVersion(document.id());
			DocumentVersion latest = all.isEmpty() ? null : all.get(all.size() - 1);
			values.put(DocumentApproval.VAR_FILE_NAME, (latest != null) ? latest.fileName() : null);
			values.put(DocumentApproval.VAR_KIND, document.kind().code());
			values.put(DocumentApproval.VAR_VERSION, String.valueOf(document.latestVersion()));
			values.put(DocumentApproval.VAR_AMOUNT_SHOWN,
					(document.approvalAmount() != null) ? document.approvalAmount().toPlainString() : null);
			values.put(DocumentApproval.VAR_APPROVER_ROLE,
					(document.approverRole() != null) ? document.approverRole().name() : null);
			values.put(DocumentApproval.VAR_REQUESTED_BY, (document.approvalRequestedBy() != null)
					? this.identity.findById(document.approvalRequestedBy()).map(UserAccount::displayName).orElse(null)
					: null);
			values.put(DocumentApproval.VAR_OBJECT, document.objectType().code() + " " + document.objectId());
		});
		return values;
	}

	/** The title of the approval's task list entry, when the document exists. */
	@Transactional(readOnly = true)
	public Map<String, String> approvalTitles(UUID workspaceId, Collection<UUID> documentIds) {
		Map<String, String> titles = new LinkedHashMap<>();
		for (UUID id : documentIds) {
			this.documents.findLive(id, workspaceId).ifPresent(document -> {
				List<DocumentVersion> all = this.versions.findByDocumentIdOrderByVersion(id);
				String name = all.isEmpty() ? document.kind().code() : all.get(all.size() - 1).fileName();
				titles.put(id.toString(), "Approve " + document.kind().code() + " · " + name);
			});
		}
		return titles;
	}

	/** The instance of the approval process a step runs for: tenant, business key, id. */
	public record ApprovalInstance(UUID workspaceId, String businessKey, String processInstanceId) {
	}

	/**
	 * A document the ERP keeps itself (an issued invoice's PDF, by the module that issued
	 * it), stored once per {@code sourceKey} in the workspace whatever retries or
	 * parallel callers do: the first call renders it ({@code render}) and stores it as
	 * version 1; every call answers the stored bytes, so what is sent is what is kept.
	 * Runs in the caller's transaction; concurrent callers for the same source wait for
	 * each other (a transaction-scoped advisory lock on the source). No access check: for
	 * the modules' own code.
	 */
	@Transactional
	public KeptFile keep(UUID workspaceId, ObjectType objectType, UUID objectId, DocumentKind kind, String sourceKey,
			Supplier<KeptFile> render) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))::text",
				workspaceId + "/" + sourceKey);
		Document existing = this.documents.findByWorkspaceIdAndSourceKey(workspaceId, sourceKey).orElse(null);
		if (existing != null) {
			DocumentVersion first = this.versions.findByDocumentIdAndVersion(existing.id(), 1)
				.orElseThrow(() -> new IllegalStateException("Kept document " + existing.id() + " has no version 1"));
			try (InputStream in = this.store.get(first.storageKey())) {
				return new KeptFile(existing.id(), first.fileName(), first.contentType(), in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Kept document " + existing.id() + " cannot be read from the store", ex);
			}
		}
		KeptFile file = render.get();
		SniffedType type;
		try {
			type = ContentSniffer.sniff(new ByteArrayResource(file.content()), file.fileName());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = FileNames.sanitize(file.fileName(), type);
		Document document = new Document(workspaceId, objectType, objectId, kind, null, sourceKey,
				this.clock.instant());
		int number = document.nextVersion();
		this.documents.save(document);
		Stored stored = store(() -> new ByteArrayInputStream(file.content()));
		this.versions.save(new DocumentVersion(document, number, name, type.contentType(), stored.size(),
				stored.sha256(), stored.key(), null, this.clock.instant()));
		audit(document, "KEPT", number, null, sourceKey);
		return new KeptFile(document.id(), name, type.contentType(), file.content());
	}

	/**
	 * A file the ERP generated at a member's request (a report export), stored as version
	 * 1 of a new document of kind {@code other} attached to the object, created by the
	 * member (who, like admins and the owner, may delete it). Its content type is told
	 * from the bytes like an upload's ({@code .csv} names give {@code text/csv}), and its
	 * name sanitized; the upload size limit does not apply (the ERP wrote the file). The
	 * content is streamed into the store, never held in memory. Runs in the caller's
	 * transaction: when it rolls back, the stored content is removed again. Audited as
	 * {@code GENERATED}. No access check: for the modules' own code.
	 */
	@Transactional
	public DocumentView generated(UUID workspaceId, UUID requestedBy, ObjectType objectType, UUID objectId,
			String fileName, InputStreamSource content) {
		requireObject(objectType, workspaceId, objectId);
		SniffedType type;
		try {
			type = ContentSniffer.sniff(content, fileName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the generated file", ex);
		}
		String name = FileNames.sanitize(fileName, type);
		Document document = new Document(workspaceId, objectType, objectId, DocumentKind.OTHER, requestedBy, null,
				this.clock.instant());
		int number = document.nextVersion();
		this.documents.save(document);
		Stored stored = store(content::getInputStream);
		this.versions.save(new DocumentVersion(document, number, name, type.contentType(), stored.size(),
				stored.sha256(), stored.key(), requestedBy, this.clock.instant()));
		audit(document, "GENERATED", number, requestedBy,
				name + " (" + type.contentType() + ", " + stored.size() + " bytes)");
		return view(document, false);
	}

	/** A file the ERP keeps: its document, name, content type and bytes. */
	public record KeptFile(UUID documentId, String fileName, String contentType, byte[] content) {
	}

	private Document bound(ApprovalInstance instance) {
		UUID documentId;
		try {
			documentId = UUID.fromString(instance.businessKey());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"Approval instance " + instance.processInstanceId() + " has no document id as business key");
		}
		Document document = this.documents.lockLive(documentId, instance.workspaceId())
			.orElseThrow(() -> new IllegalStateException(
					"Approval instance " + instance.processInstanceId() + " names no document of its workspace"));
		if (!instance.processInstanceId().equals(document.approvalProcessId())) {
			throw new IllegalStateException(
					"Document " + documentId + " is not bound to approval instance " + instance.processInstanceId());
		}
		return document;
	}

	private void requireObject(ObjectType type, UUID workspaceId, UUID objectId) {
		if (!this.targets.get(type).exists(type, workspaceId, objectId)) {
			throw new NotFoundException(type.code(), objectId);
		}
	}

	private void requireAcceptable(UploadedFile file) {
		if (file == null) {
			throw new BusinessRuleViolation("file", "Send the file as the multipart part 'file'");
		}
		if (file.size() <= 0) {
			throw new BusinessRuleViolation("file", "The file is empty");
		}
		if (file.size() > this.maxSize) {
			throw new BusinessRuleViolation("file",
					"The file is larger than the limit of " + DataSize.ofBytes(this.maxSize).toMegabytes() + " MB");
		}
	}

	private Document live(UUID workspaceId, UUID documentId) {
		return this.documents.findLive(documentId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
	}

	private interface Content {

		InputStream open() throws IOException;

	}

	private record Stored(String key, long size, String sha256) {
	}

	/**
	 * Writes the content under a new random key: counts and hashes it first (a pass over
	 * the content), then streams it into the store with its size and checksums, which the
	 * store verifies (an S3 server checks the MD5 of what it receives). Removes the
	 * content again when the transaction rolls back.
	 */
	private Stored store(Content content) {
		String key = UUID.randomUUID().toString();
		MessageDigest sha;
		MessageDigest md5;
		try {
			sha = MessageDigest.getInstance("SHA-256");
			md5 = MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		long size;
		try (InputStream in = new DigestInputStream(new DigestInputStream(content.open(), sha), md5)) {
			size = in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the document", ex);
		}
		String sha256 = HexFormat.of().formatHex(sha.digest());
		try (InputStream in = content.open()) {
			this.store.put(key, in, size, sha256, HexFormat.of().formatHex(md5.digest()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the document", ex);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						try {
							DocumentManagement.this.store.delete(key);
						}
						catch (IOException | RuntimeException ex) {
							log.warn("Could not remove the content {} of a rolled back upload", key, ex);
						}
					}
				}
			});
		}
		return new Stored(key, size, sha256);
	}

	private void audit(Document document, String action, Integer version, UUID actor, String detail) {
		this.audits.save(new DocumentAudit(document, action, version, actor, detail, this.clock.instant()));
	}

	private DocumentView view(Document document, boolean withHistory) {
		List<DocumentVersion> all = this.versions.findByDocumentIdOrderByVersion(document.id());
		List<DocumentAudit> history = withHistory ? this.audits.findByDocumentIdOrderByOccurredAtAscIdAsc(document.id())
				: List.of();
		return view(document, all, history);
	}

	private static DocumentView view(Document document, List<DocumentVersion> all, List<DocumentAudit> history) {
		DocumentVersion latest = all.isEmpty() ? null : all.get(all.size() - 1);
		return new DocumentView(document.id(), document.workspaceId(), document.objectType().code(),
				document.objectId(), document.kind().code(), (latest != null) ? latest.fileName() : null,
				(latest != null) ? latest.contentType() : null, document.latestVersion(), document.keptByTheErp(),
				document.createdBy(), document.createdAt(), document.approval(),
				all.stream().map(DocumentVersion::view).toList(), history.stream().map(DocumentAudit::view).toList());
	}

	private static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "must be a UUID");
		}
	}

}
