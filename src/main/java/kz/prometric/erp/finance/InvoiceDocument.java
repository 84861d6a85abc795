package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Renders an invoice or credit note as a self-contained HTML page: seller and buyer with
 * BIN/IIN and addresses, issue and turnover dates, lines, VAT per rate (0% and exempt
 * apart), totals and due date. Every value from outside (names, addresses, reasons) is
 * HTML-escaped.
 */
final class InvoiceDocument {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private InvoiceDocument() {
	}

	static String html(InvoiceView invoice) {
		boolean credit = invoice.kind() == InvoiceKind.CREDIT_NOTE;
		String title = (credit ? "Credit note " : "Invoice ") + invoice.number();
		StringBuilder html = new StringBuilder(4096);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
			.append(escape(title))
			.append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
					+ "td,th{border:1px solid #999;padding:4px 8px}td.num,th.num{text-align:right}"
					+ ".parties td{border:none;vertical-align:top;padding-right:4em}</style>\n</head>\n<body>\n");
		html.append("<h1>").append(escape(title)).append("</h1>\n");
		if (credit) {
			html.append("<p>Credits invoice <strong>")
				.append(escape(invoice.originalNumber()))
				.append("</strong>. Reason: ")
				.append(escape(invoice.creditReason()))
				.append("</p>\n");
		}
		if (invoice.sourceDocument() != null) {
			html.append("<p>Order: ").append(escape(invoice.sourceDocument())).append("</p>\n");
		}
		html.append("<p>Issue date: ")
			.append(date(invoice.issueDate()))
			.append("<br>\nTurnover date: ")
			.append(date(invoice.turnoverDate()))
			.append("<br>\nCurrency: ")
			.append(escape(invoice.currency()))
			.append("</p>\n");
		html.append("<table class=\"parties\"><tr><td><h2>Seller</h2>")
			.append(escape(invoice.sellerName()))
			.append("<br>\nBIN: ")
			.append(orDash(invoice.sellerBin()))
			.append("</td>\n<td><h2>Buyer</h2>")
			.append(escape(invoice.buyerName()))
			.append("<br>\nBIN/IIN: ")
			.append(orDash(invoice.buyerTaxId()))
			.append("<br>\nAddress: ")
			.append(orDash(invoice.buyerAddress()))
			.append("</td></tr></table>\n");
		html.append("<h2>Lines</h2>\n<table>\n<tr><th>#</th><th>Description</th><th class=\"num\">Quantity</th>"
				+ "<th>Unit</th><th class=\"num\">Unit price</th><th>Price basis</th><th class=\"num\">Discount %</th>"
				+ "<th>VAT</th><th class=\"num\">Net amount</th></tr>\n");
		int no = 1;
		for (InvoiceLine line : invoice.lines()) {
			html.append("<tr><td>")
				.append(no++)
				.append("</td><td>")
				.append(escape(line.name()))
				.append("</td><td class=\"num\">")
				.append(line.quantity().stripTrailingZeros().toPlainString())
				.append("</td><td>")
				.append(escape(line.unit()))
				.append("</td><td class=\"num\">")
				.append(money(line.unitPrice()))
				.append("</td><td>")
				.append(line.priceIncludesVat() ? "incl. VAT" : "excl. VAT")
				.append("</td><td class=\"num\">")
				.append(line.discountPercent().stripTrailingZeros().toPlainString())
				.append("</td><td>")
				.append(line.vatExempt() ? "exempt" : line.vatRate().stripTrailingZeros().toPlainString() + "%")
				.append("</td><td class=\"num\">")
				.append(money(line.net()))
				.append("</td></tr>\n");
		}
		html.append("</table>\n<h2>VAT</h2>\n<table>\n<tr><th>Rate</th><th class=\"num\">Taxable amount</th>"
				+ "<th class=\"num\">VAT</th><th class=\"num\">Gross</th></tr>\n");
		for (InvoiceVat rate : invoice.vat()) {
			html.append("<tr><td>")
				.append(rate.vatExempt() ? "Exempt from VAT" : "VAT " + rate.label())
				.append("</td><td class=\"num\">")
				.append(money(rate.taxableBase()))
				.append("</td><td class=\"num\">")
				.append(rate.vatExempt() ? "—" : money(rate.vat()))
				.append("</td><td class=\"num\">")
				.append(money(rate.gross()))
				.append("</td></tr>\n");
		}
		html.append("</table>\n<h2>Totals</h2>\n<table>\n<tr><td>Total without VAT</td><td class=\"num\">")
			.append(money(invoice.netTotal()))
			.append("</td></tr>\n<tr><td>VAT</td><td class=\"num\">")
			.append(money(invoice.vatTotal()))
			.append("</td></tr>\n<tr><th>Total to pay</th><th class=\"num\">")
			.append(money(invoice.grossTotal()))
			.append(" ")
			.append(escape(invoice.currency()))
			.append("</th></tr>\n</table>\n");
		if (!credit) {
			html.append("<p>Due date: <strong>").append(date(invoice.dueDate())).append("</strong></p>\n");
		}
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private static String date(LocalDate date) {
		return (date == null) ? "—" : DATE.format(date);
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2).toPlainString();
	}

	private static String orDash(String text) {
		return (text == null || text.isBlank()) ? "—" : escape(text);
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
