package kz.prometric.erp.analytics;

/**
 * How a text cell is written in an export, whatever the format.
 * <p>
 * <b>Formula injection.</b> A spreadsheet evaluates a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} as a formula (and tab or carriage return may precede
 * one), so a deal titled {@code =HYPERLINK("http://evil","Click")} would become a live
 * link, or worse, in the hands of whoever opens the export. Every <em>text</em> cell
 * starting with one of those characters gets a leading apostrophe
 * ({@code '=HYPERLINK(…)}), the OWASP recommendation: the spreadsheet shows it as text.
 * Numbers and dates are never escaped ({@code -5.00} stays a number), since they are
 * written from numeric values, not from text.
 * <p>
 * Control characters other than tab, line feed and carriage return cannot be stored in
 * XLSX (XML 1.0) and are replaced by a space in both formats.
 */
final class Cells {

	private Cells() {
	}

	/** The text as it is written into a cell. */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length() + 1);
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			out.append('\'');
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
			if (c == 0xFFFE || c == 0xFFFF) {
				allowed = false;
			}
			out.append(allowed ? c : ' ');
		}
		return out.toString();
	}

}
