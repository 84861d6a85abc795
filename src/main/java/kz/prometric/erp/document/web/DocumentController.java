package kz.prometric.erp.document.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import kz.prometric.erp.document.DocumentContent;
import kz.prometric.erp.document.DocumentManagement;
import kz.prometric.erp.document.DocumentManagement.Upload;
import kz.prometric.erp.document.DocumentView;
import kz.prometric.erp.document.UploadedFile;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/documents")
@Tag(name = "Documents")
class DocumentController {

	private final DocumentManagement documents;

	DocumentController(DocumentManagement documents) {
		this.documents = documents;
	}

	/**
	 * The parts are optional here so that the workspace is checked first (404 for a
	 * stranger whatever he sends); the service names a missing or bad one.
	 */
	@PostMapping
	@Operation(summary = "Upload a file (multipart: file, objectType, objectId, kind?, documentId? for a new version)")
	ResponseEntity<DocumentView> upload(@PathVariable UUID workspaceId,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "objectType", required = false) String objectType,
			@RequestParam(name = "objectId", required = false) String objectId,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "documentId", required = false) String documentId) {
		UploadedFile uploaded = (file != null) ? new UploadedFile(file.getOriginalFilename(), file.getSize(), file)
				: null;
		DocumentView view = this.documents.upload(workspaceId, CurrentUser.id(),
				new Upload(objectType, objectId, kind, documentId, uploaded));
		URI location = URI.create("/api/workspaces/" + workspaceId + "/documents/" + view.id());
		return ResponseEntity.created(location).body(view);
	}

	@GetMapping
	@Operation(summary = "Documents of the workspace, of an object type, or of one object (objectType and objectId)")
	PageResult<DocumentView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) String objectId, PageQuery page) {
		return this.documents.documents(workspaceId, CurrentUser.id(), objectType, objectId, page);
	}

	@GetMapping("/{documentId}")
	@Operation(summary = "A document with its versions, approval and history")
	DocumentView get(@PathVariable UUID workspaceId, @PathVariable UUID documentId) {
		return this.documents.document(workspaceId, CurrentUser.id(), documentId);
	}

	@GetMapping("/{documentId}/versions/{version}/content")
	@Operation(summary = "Download a version, with the content type told from its bytes")
	ResponseEntity<Resource> content(@PathVariable UUID workspaceId, @PathVariable UUID documentId,
			@PathVariable String version) {
		DocumentContent content = this.documents.content(workspaceId, CurrentUser.id(), documentId, version);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.contentLength(content.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(content.fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.ETAG, "\"" + content.sha256() + "\"")
			.body(new InputStreamResource(content.content()));
	}

	@DeleteMapping("/{documentId}")
	@Operation(summary = "Delete a document (softly; the uploader, admins and the owner)")
	ResponseEntity<Void> delete(@PathVariable UUID workspaceId, @PathVariable UUID documentId) {
		this.documents.delete(workspaceId, CurrentUser.id(), documentId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{documentId}/approval")
	@Operation(summary = "Ask for the document's approval (document-approval process; kinds the table names)")
	DocumentView requestApproval(@PathVariable UUID workspaceId, @PathVariable UUID documentId,
			@Valid @RequestBody RequestApprovalRequest request) {
		return this.documents.requestApproval(workspaceId, CurrentUser.id(), documentId, request.amount());
	}

	/**
	 * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>} (RFC 6266,
	 * RFC 8187): the name is already sanitized (no quotes, no control characters).
	 */
	static String attachment(String fileName) {
		StringBuilder ascii = new StringBuilder();
		fileName.codePoints()
			.forEach(c -> ascii.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? (char) c : '_'));
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ UriUtils.encode(fileName, StandardCharsets.UTF_8);
	}

	/** The amount the document commits to, in tenge (optional; the table may use it). */
	record RequestApprovalRequest(@DecimalMin("0.00") @DecimalMax("999999999999999.99") @Digits(integer = 15,
			fraction = 2) BigDecimal amount) {
	}

}
