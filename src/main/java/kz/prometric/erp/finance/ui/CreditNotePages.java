package kz.prometric.erp.finance.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.finance.CreditLine;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.finance.ui.InvoicePageModel.CreditForm;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.UiFormat;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invoice page's "Issue credit note" form: quantities of the invoice's lines
 * ({@code quantity1}, {@code quantity2}, … for lines 1, 2, …) or, with {@code scope=ALL},
 * everything not yet credited, and a reason. The page only reads what was typed;
 * {@link InvoiceManagement#creditNote} decides (role, limits, VAT), exactly as for
 * {@code POST /api/…/invoices/{id}/credit-notes}. A refusal re-renders the invoice's page
 * with the reason beside the field in the page's language (422); a credit note issued
 * leads back to the invoice, which lists it with the new balance.
 */
@ErpPages
class CreditNotePages {

	private static final Pattern FIELD = Pattern.compile("lines\\[(\\d+)]\\.(quantity|line)");

	private final InvoiceManagement invoices;

	private final InvoicePageModel page;

	private final MessageSource messages;

	private final UiFormat fmt;

	CreditNotePages(InvoiceManagement invoices, InvoicePageModel page, MessageSource messages, UiFormat fmt) {
		this.invoices = invoices;
		this.page = page;
		this.messages = messages;
		this.fmt = fmt;
	}

	@PostMapping("/app/{workspaceId}/invoices/{invoiceId}/credit-notes")
	String issue(@PathVariable UUID workspaceId, @PathVariable UUID invoiceId,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "LINES") String scope,
			HttpServletRequest request, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID caller = CurrentUser.id();
		if (!this.invoices.mayCredit(workspaceId, caller)) {
			throw new ForbiddenException("Credit notes need the " + InvoiceManagement.CREDITING_ROLE + " role");
		}
		if (!"LINES".equals(scope) && !"ALL".equals(scope)) {
			throw new InvalidInputException("scope", "LINES or ALL");
		}
		InvoiceView invoice = this.invoices.invoice(workspaceId, caller, invoiceId);
		List<String> typed = new ArrayList<>();
		for (int no = 1; no <= invoice.lines().size(); no++) {
			String quantity = request.getParameter("quantity" + no);
			typed.add((quantity == null) ? "" : quantity.strip());
		}
		CreditForm form = new CreditForm(reason, typed);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.reason().isBlank()) {
			errors.put("reason", text(locale, "finance.credit.error.reason"));
		}
		else if (form.reason().strip().length() > InvoiceManagement.MAX_REASON_LENGTH) {
			errors.put("reason",
					text(locale, "finance.credit.error.reasonLength", InvoiceManagement.MAX_REASON_LENGTH));
		}
		// the request's lines in order, and the invoice line (1-based) each one names
		List<CreditLine> lines = new ArrayList<>();
		if ("LINES".equals(scope)) {
			for (int no = 1; no <= typed.size(); no++) {
				String quantity = typed.get(no - 1);
				if (quantity.isEmpty()) {
					continue;
				}
				BigDecimal parsed = quantity(quantity);
				if (parsed == null) {
					errors.put("quantity" + no, text(locale, "finance.credit.error.quantity"));
				}
				else if (parsed.signum() > 0) {
					lines.add(new CreditLine(no, parsed));
				}
			}
			if (lines.isEmpty() && errors.keySet().stream().noneMatch(f -> f.startsWith("quantity"))) {
				errors.put("lines", text(locale, "finance.credit.error.nothing"));
			}
		}
		if (errors.isEmpty()) {
			try {
				InvoiceView note = this.invoices.creditNote(workspaceId, caller, invoiceId, form.reason(), lines);
				redirect.addFlashAttribute("creditNoteNumber", note.number());
				redirect.addFlashAttribute("creditNoteId", note.id());
				return "redirect:/app/" + workspaceId + "/invoices/" + invoiceId;
			}
			catch (BusinessRuleViolation ex) {
				List<InvoiceView> notes = this.invoices.creditNotesOf(workspaceId, caller, invoiceId);
				List<BigDecimal> remaining = InvoicePageModel.notYetCredited(invoice, notes);
				for (FieldViolation violation : ex.violations()) {
					refused(violation, lines, remaining, invoice, locale, errors);
				}
			}
		}
		model.addAttribute("creditForm", form);
		model.addAttribute("creditErrors", errors);
		this.page.fill(workspaceId, invoice, locale, model);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return "finance/invoice";
	}

	/**
	 * The service's refusal beside the field it concerns, in the page's language: a
	 * request line's field ({@code lines[i].quantity}) beside the quantity of the invoice
	 * line it named.
	 */
	private void refused(FieldViolation violation, List<CreditLine> lines, List<BigDecimal> remaining,
			InvoiceView invoice, Locale locale, Map<String, String> errors) {
		String field = violation.field();
		Matcher line = FIELD.matcher((field == null) ? "" : field);
		if ("reason".equals(field)) {
			errors.putIfAbsent("reason", text(locale, "finance.credit.error.reason"));
		}
		else if (line.matches() && Integer.parseInt(line.group(1)) < lines.size()) {
			int no = lines.get(Integer.parseInt(line.group(1))).line();
			errors.putIfAbsent("quantity" + no,
					"quantity".equals(line.group(2))
							? text(locale, "finance.credit.error.tooMuch", this.fmt.number(remaining.get(no - 1)))
							: text(locale, "finance.credit.error.line"));
		}
		else if ("lines".equals(field)) {
			errors.putIfAbsent("lines",
					text(locale, "finance.credit.error.balance", this.fmt.money(invoice.balance())));
		}
		else {
			errors.putIfAbsent("lines", violation.message());
		}
	}

	/**
	 * A quantity as typed ({@code 2}, {@code 1,5}, {@code 1 000}); null when it is none.
	 */
	private static BigDecimal quantity(String typed) {
		try {
			BigDecimal quantity = new BigDecimal(typed.replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
			if (quantity.signum() < 0 || quantity.stripTrailingZeros().scale() > 3 || quantity.precision() > 19) {
				return null;
			}
			return quantity;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
