package kz.prometric.erp.finance.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.finance.CreditLine;
import kz.prometric.erp.finance.InvoiceDocuments;
import kz.prometric.erp.finance.InvoiceKind;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceManagement.InvoiceFilter;
import kz.prometric.erp.finance.InvoiceStatus;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.finance.PaymentView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and credit notes, payments and the printable document. Invoices are issued by
 * the order-fulfilment process, not through this API.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/invoices")
@Tag(name = "Invoices")
class InvoiceController {

	private final InvoiceManagement invoices;

	private final IdempotentRequests idempotency;

	private final WorkspaceManagement workspaces;

	private final InvoiceDocuments documents;

	InvoiceController(InvoiceManagement invoices, IdempotentRequests idempotency, WorkspaceManagement workspaces,
			InvoiceDocuments documents) {
		this.invoices = invoices;
		this.documents = documents;
		this.idempotency = idempotency;
		this.workspaces = workspaces;
	}

	@GetMapping
	@Operation(summary = "Invoices and credit notes, filtered by kind, status, order or customer, "
			+ "q (number or buyer's name) and overdue=true (open and past the due date); "
			+ "sort by issueDate, number, gross, dueDate or status")
	PageResult<InvoiceView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) InvoiceKind kind,
			@RequestParam(required = false) InvoiceStatus status, @RequestParam(required = false) UUID orderId,
			@RequestParam(required = false) UUID customerId, @RequestParam(required = false) @Size(max = 50) String q,
			@RequestParam(defaultValue = "false") boolean overdue, PageQuery page) {
		return this.invoices.invoices(workspaceId, CurrentUser.id(),
				new InvoiceFilter(kind, status, orderId, customerId, q, overdue), page);
	}

	@GetMapping("/{invoiceId}")
	InvoiceView get(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId) {
		return this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
	}

	@GetMapping("/{invoiceId}/document")
	@Operation(summary = "The invoice or credit note as an HTML page for the customer (the same document as the "
			+ "page's and the PDF), in the language of Accept-Language (ru, kk, en; otherwise the document language, ru unless configured)")
	ResponseEntity<String> document(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		InvoiceView invoice = this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
		Locale language = this.documents.languageFor(acceptLanguage);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
			.body(this.documents.html(invoice, language));
	}

	@GetMapping("/{invoiceId}/pdf")
	@Operation(summary = "The invoice or credit note as a PDF (fonts embedded: Cyrillic, Kazakh letters, ₸), "
			+ "in the language of Accept-Language (ru, kk, en; otherwise the document language, ru unless configured)")
	ResponseEntity<byte[]> pdf(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		InvoiceView invoice = this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
		Locale language = this.documents.languageFor(acceptLanguage);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
			.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
			.body(this.documents.pdf(invoice, language));
	}

	@PostMapping("/{invoiceId}/payments")
	@Operation(summary = "Record a payment (partial or full, never more than the balance; paidOn not after "
			+ "today in Asia/Almaty nor before the invoice date); safe to retry with an Idempotency-Key")
	ResponseEntity<Object> pay(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody PaymentRequest request) {
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, CurrentUser.id(), idempotencyKey,
				"POST invoices/" + invoiceId + "/payments " + request,
				() -> this.workspaces.requireMember(workspaceId, CurrentUser.id()),
				() -> this.invoices.recordPayment(workspaceId, CurrentUser.id(), invoiceId, request.amount(),
						request.paidOn(), request.reference()));
		return result.answer(HttpStatus.CREATED, URI.create("/api/workspaces/" + workspaceId + "/invoices/" + invoiceId
				+ "/payments/" + result.json().path("id").asText()));
	}

	@GetMapping("/{invoiceId}/payments")
	List<PaymentView> payments(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId) {
		return this.invoices.payments(workspaceId, CurrentUser.id(), invoiceId);
	}

	@PostMapping("/{invoiceId}/credit-notes")
	@Operation(summary = "Credit an invoice that is not paid (managers and above): the given quantities of its lines, "
			+ "or without lines all that is not credited yet")
	ResponseEntity<InvoiceView> creditNote(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId,
			@Valid @RequestBody CreditNoteRequest request) {
		List<CreditLine> lines = (request.lines() == null) ? List.of()
				: request.lines().stream().map(l -> new CreditLine(l.line(), l.quantity())).toList();
		InvoiceView note = this.invoices.creditNote(workspaceId, CurrentUser.id(), invoiceId, request.reason(), lines);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/workspaces/" + workspaceId + "/invoices/" + note.id()))
			.body(note);
	}

	record PaymentRequest(@NotNull BigDecimal amount, LocalDate paidOn, @Size(max = 255) String reference) {
	}

	record CreditNoteRequest(@NotBlank @Size(max = 2000) String reason,
			@Size(max = 500) List<@Valid @NotNull CreditLineRequest> lines) {
	}

	/** A quantity of invoice line {@code line} (1-based) to credit. */
	record CreditLineRequest(@NotNull @Min(1) Integer line,
			@NotNull @DecimalMin(value = "0.001") @Digits(integer = 16, fraction = 3) BigDecimal quantity) {
	}

}
