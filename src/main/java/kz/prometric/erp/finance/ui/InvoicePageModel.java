package kz.prometric.erp.finance.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.finance.AmountInWords;
import kz.prometric.erp.finance.InvoiceKind;
import kz.prometric.erp.finance.InvoiceLine;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceStatus;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.UiFormat;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What an invoice's page shows, for the page itself and for its forms when they re-render
 * it with errors: the invoice, its payments and credit notes, the total in words, and the
 * payment and credit-note forms (a form already in the model, as typed, is kept).
 */
@Component
class InvoicePageModel {

	private final InvoiceManagement invoices;

	InvoicePageModel(InvoiceManagement invoices) {
		this.invoices = invoices;
	}

	void fill(UUID workspaceId, InvoiceView invoice, Locale locale, Model model) {
		UUID caller = CurrentUser.id();
		boolean isInvoice = invoice.kind() == InvoiceKind.INVOICE;
		boolean open = isInvoice
				&& (invoice.status() == InvoiceStatus.ISSUED || invoice.status() == InvoiceStatus.PARTIALLY_PAID
						|| invoice.status() == InvoiceStatus.PARTIALLY_CREDITED);
		List<InvoiceView> notes = isInvoice ? this.invoices.creditNotesOf(workspaceId, caller, invoice.id())
				: List.of();
		model.addAttribute("invoice", invoice);
		model.addAttribute("credit", !isInvoice);
		model.addAttribute("inWords", AmountInWords.of(invoice.grossTotal().abs(), locale));
		model.addAttribute("payments",
				isInvoice ? this.invoices.payments(workspaceId, caller, invoice.id()) : List.of());
		model.addAttribute("creditNotes", notes);
		model.addAttribute("payable", open);
		if (!model.containsAttribute("payment")) {
			model.addAttribute("payment",
					new PaymentForm((invoice.balance().signum() > 0) ? invoice.balance().toPlainString() : "",
							LocalDate.now(UiFormat.ZONE).toString(), ""));
		}
		if (!model.containsAttribute("paymentErrors")) {
			model.addAttribute("paymentErrors", Map.of());
			model.addAttribute("paymentRefusals", Map.of());
		}
		// a paid or fully credited invoice is not credited (the service refuses it: 409)
		boolean mayCredit = open && this.invoices.mayCredit(workspaceId, caller);
		model.addAttribute("mayCredit", mayCredit);
		if (mayCredit) {
			CreditForm form = model.containsAttribute("creditForm") ? (CreditForm) model.getAttribute("creditForm")
					: CreditForm.empty();
			List<BigDecimal> remaining = notYetCredited(invoice, notes);
			List<CreditRow> rows = new ArrayList<>();
			for (int i = 0; i < invoice.lines().size(); i++) {
				InvoiceLine line = invoice.lines().get(i);
				rows.add(new CreditRow(i + 1, line.name(), line.unit(), line.quantity(), remaining.get(i),
						form.quantity(i + 1)));
			}
			model.addAttribute("creditForm", form);
			model.addAttribute("creditRows", rows);
			if (!model.containsAttribute("creditErrors")) {
				model.addAttribute("creditErrors", Map.of());
			}
		}
	}

	/**
	 * What the credit notes have not yet taken off each line of the invoice (for display:
	 * the service decides).
	 */
	static List<BigDecimal> notYetCredited(InvoiceView invoice, List<InvoiceView> notes) {
		List<BigDecimal> remaining = new ArrayList<>();
		for (InvoiceLine line : invoice.lines()) {
			remaining.add(line.quantity());
		}
		for (InvoiceView note : notes) {
			for (InvoiceLine line : note.lines()) {
				Integer no = line.originalLineNo();
				if (no != null && no >= 1 && no <= remaining.size()) {
					// a credit note's quantities are negative
					remaining.set(no - 1, remaining.get(no - 1).add(line.quantity()));
				}
			}
		}
		return remaining;
	}

	/** What the payment form holds, as typed. */
	record PaymentForm(String amount, String paidOn, String reference) {

		PaymentForm {
			amount = (amount == null) ? "" : amount;
		}

	}

	/**
	 * What the credit-note form holds, as typed: the reason and the quantity per invoice
	 * line ({@code quantities.get(0)} for line 1).
	 */
	record CreditForm(String reason, List<String> quantities) {

		CreditForm {
			reason = (reason == null) ? "" : reason;
			quantities = List.copyOf(quantities);
		}

		static CreditForm empty() {
			return new CreditForm("", List.of());
		}

		String quantity(int lineNo) {
			return (lineNo <= this.quantities.size()) ? this.quantities.get(lineNo - 1) : "";
		}

	}

	/** A line of the credit-note form: the invoice line and what is left to credit. */
	record CreditRow(int no, String name, String unit, BigDecimal invoiced, BigDecimal remaining, String quantity) {

		public boolean creditable() {
			return this.remaining.signum() > 0;
		}

	}

}
