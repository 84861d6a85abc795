package kz.prometric.erp.finance.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.finance.InvoiceDocuments;
import kz.prometric.erp.finance.InvoiceKind;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceManagement.InvoiceFilter;
import kz.prometric.erp.finance.InvoiceStatus;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.finance.ui.InvoicePageModel.PaymentForm;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Invoices and credit notes: the list (search by number or buyer, status including
 * overdue, sort, paging), an invoice's page with its payments and credit notes and the
 * form that records a payment (the credit-note form: {@link CreditNotePages}), and the
 * document as a printable page and as a PDF. Every call goes through
 * {@link InvoiceManagement} with the caller, so membership and the API's rules apply.
 */
@ErpPages
class InvoicePages {

	/** The status filter's value for open invoices past their due date. */
	static final String OVERDUE = "OVERDUE";

	private final InvoiceManagement invoices;

	private final InvoiceDocuments documents;

	private final InvoicePageModel pageModel;

	InvoicePages(InvoiceManagement invoices, InvoiceDocuments documents, InvoicePageModel pageModel) {
		this.invoices = invoices;
		this.documents = documents;
		this.pageModel = pageModel;
	}

	@GetMapping("/app/{workspaceId}/invoices")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) InvoiceKind kind,
			PageQuery page, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (q != null && q.length() > 50) {
			throw new InvalidInputException("q", "at most 50 characters");
		}
		boolean overdue = OVERDUE.equals(status);
		InvoiceStatus byStatus = (overdue || status == null || status.isBlank()) ? null : parseStatus(status);
		PageResult<InvoiceView> result = this.invoices.invoices(workspaceId, CurrentUser.id(),
				new InvoiceFilter(kind, byStatus, null, null, q, overdue), page);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("q", q);
		filters.put("status", status);
		filters.put("kind", kind);
		ListAddress address = ListAddress.of("/app/" + workspaceId + "/invoices", filters, page);
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("statuses", InvoiceStatus.values());
		model.addAttribute("kinds", InvoiceKind.values());
		model.addAttribute("address", address);
		return (htmx != null) ? "finance/invoices :: results" : "finance/invoices";
	}

	@GetMapping("/app/{workspaceId}/invoices/{invoiceId}")
	String invoice(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId, Locale locale, Model model) {
		InvoiceView invoice = this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
		this.pageModel.fill(workspaceId, invoice, locale, model);
		return "finance/invoice";
	}

	/**
	 * Records a payment with the API's rules (members; not more than the balance, dated
	 * neither in the future nor before the invoice). A refused payment re-renders the
	 * page with the reason beside the field (422).
	 */
	@PostMapping("/app/{workspaceId}/invoices/{invoiceId}/payments")
	String recordPayment(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String paidOn,
			@RequestParam(required = false) String reference, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		PaymentForm form = new PaymentForm(amount, paidOn, reference);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal money = null;
		LocalDate date = null;
		try {
			money = new BigDecimal(form.amount().strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
		}
		catch (RuntimeException ex) {
			errors.put("amount", "finance.payment.error.amount");
		}
		if (form.paidOn() != null && !form.paidOn().isBlank()) {
			try {
				date = LocalDate.parse(form.paidOn().strip());
			}
			catch (RuntimeException ex) {
				errors.put("paidOn", "finance.payment.error.paidOn");
			}
		}
		if (form.reference() != null && form.reference().length() > 255) {
			errors.put("reference", "finance.payment.error.reference");
		}
		Map<String, String> refusals = new LinkedHashMap<>();
		if (errors.isEmpty()) {
			try {
				this.invoices.recordPayment(workspaceId, CurrentUser.id(), invoiceId, money, date,
						(form.reference() == null || form.reference().isBlank()) ? null : form.reference());
				redirect.addFlashAttribute("paid", true);
				return "redirect:/app/" + workspaceId + "/invoices/" + invoiceId;
			}
			catch (BusinessRuleViolation ex) {
				for (FieldViolation violation : ex.violations()) {
					refusals.put(violation.field(), violation.message());
				}
			}
		}
		InvoiceView invoice = this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
		model.addAttribute("payment", form);
		model.addAttribute("paymentErrors", errors);
		model.addAttribute("paymentRefusals", refusals);
		this.pageModel.fill(workspaceId, invoice, locale, model);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return "finance/invoice";
	}

	/** The document as a printable page (the same template as the PDF). */
	@GetMapping(path = "/app/{workspaceId}/invoices/{invoiceId}/document", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> document(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId, Locale locale) {
		InvoiceView invoice = this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(this.documents.html(invoice, locale));
	}

	@GetMapping("/app/{workspaceId}/invoices/{invoiceId}/document.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId, Locale locale) {
		InvoiceView invoice = this.invoices.invoice(workspaceId, CurrentUser.id(), invoiceId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
			.body(this.documents.pdf(invoice, locale));
	}

	private static InvoiceStatus parseStatus(String status) {
		try {
			return InvoiceStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "unknown status '" + status + "'");
		}
	}

}
