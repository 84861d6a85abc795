package kz.prometric.erp.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import kz.prometric.erp.shared.InvalidInputException;

/**
 * The kinds of business object a document can be attached to, with the names the API uses
 * ({@code production-order}) and the module that owns them.
 */
public enum ObjectType {

	/** crm */
	CUSTOMER("customer"),
	/** crm */
	DEAL("deal"),
	/** sales */
	ORDER("order"),
	/** finance: invoices and credit notes */
	INVOICE("invoice"),
	/** hr */
	EMPLOYEE("employee"),
	/** production */
	PRODUCTION_ORDER("production-order");

	private final String code;

	ObjectType(String code) {
		this.code = code;
	}

	/** The name in the API and in {@code doc_document.object_type}. */
	public String code() {
		return this.code;
	}

	/** The type named {@code code}; 400 naming {@code field} otherwise. */
	public static ObjectType parse(String code, String field) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(t -> t.code.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "must be one of " + codes()));
	}

	static String codes() {
		return Arrays.stream(values()).map(ObjectType::code).collect(Collectors.joining(", "));
	}

}
