package kz.prometric.erp.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import kz.prometric.erp.shared.InvalidInputException;

/**
 * What a document is. Which kinds need an approval, and by whom, is decided by
 * {@code dmn/document-approval.dmn}, not here.
 */
public enum DocumentKind {

	/** A contract with a customer, supplier or employee. */
	CONTRACT("contract"),
	/** An acceptance act (акт выполненных работ). */
	ACT("act"),
	/** An invoice; the ERP keeps each invoice it issues as one. */
	INVOICE("invoice"),
	/** A credit note; the ERP keeps each credit note it issues as one. */
	CREDIT_NOTE("credit-note"),
	/** Anything else (the default). */
	OTHER("other");

	private final String code;

	DocumentKind(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The kind named {@code code} ({@link #OTHER} when blank); 400 naming {@code field}.
	 */
	public static DocumentKind parse(String code, String field) {
		if (code == null || code.isBlank()) {
			return OTHER;
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(k -> k.code.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "must be one of "
					+ Arrays.stream(values()).map(DocumentKind::code).collect(Collectors.joining(", "))));
	}

}
