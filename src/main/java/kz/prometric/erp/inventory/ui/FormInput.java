package kz.prometric.erp.inventory.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the inventory's forms need: numbers as people type them ({@code 1 250,5} or
 * {@code 1250.5}) and field errors in the page's language.
 */
final class FormInput {

	/** The services' messages the inventory's bundles say in the page's language. */
	private static final Map<String, String> KNOWN_MESSAGES = Map.of("must be greater than 0",
			"inventory.error.positive", "must not be negative", "inventory.error.negative",
			"must have at most 3 decimals", "inventory.error.decimals3", "must have at most 4 decimals",
			"inventory.error.decimals4", "is too large", "inventory.error.tooLarge");

	private FormInput() {
	}

	/** The number typed, or null when the field is empty; a non-number throws. */
	static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
		if (!plain.matches("-?[0-9]{1,20}(\\.[0-9]{1,10})?")) {
			throw new NumberFormatException(text);
		}
		return new BigDecimal(plain);
	}

	static UUID uuid(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String message(MessageSource messages, String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	/**
	 * The service's field errors on the form's fields: a known message in the page's
	 * language, else the service's own text.
	 */
	static void addViolations(Map<String, String> errors, List<FieldViolation> violations, MessageSource messages) {
		FormErrors.put(errors, violations, FormErrors.inPageLanguage(messages, KNOWN_MESSAGES));
	}

	/** The address of a list with its filters, without paging or sort unless given. */
	static String url(String path, Map<String, Object> params) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		params.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				builder.queryParam(name, value);
			}
		});
		return builder.encode().build().toUriString();
	}

}
