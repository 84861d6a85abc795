package kz.prometric.erp.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * A service's refusal of a form ({@link InvalidInputException},
 * {@link BusinessRuleViolation}, {@link ConflictException}) put next to the fields it
 * names, for the pages of every module: into a {@link BindingResult} (a field the form
 * does not have becomes an error of the whole form) or into a map of field to message.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * The fields and messages of a refusal of the input; empty when the exception is not
	 * one. A refusal that names no field is one violation without a field.
	 */
	public static Optional<List<FieldViolation>> violations(RuntimeException ex) {
		List<FieldViolation> violations;
		if (ex instanceof InvalidInputException invalid) {
			violations = invalid.violations();
		}
		else if (ex instanceof BusinessRuleViolation rule) {
			violations = rule.violations();
		}
		else if (ex instanceof ConflictException conflict) {
			violations = List.of(new FieldViolation(conflict.field(), conflict.getMessage()));
		}
		else {
			return Optional.empty();
		}
		return Optional.of(violations.isEmpty() ? List.of(new FieldViolation(null, ex.getMessage())) : violations);
	}

	/** Whether the exception is a refusal that names {@code field}. */
	public static boolean names(RuntimeException ex, String field) {
		return violations(ex).orElse(List.of()).stream().anyMatch(v -> field.equals(v.field()));
	}

	/**
	 * Adds the refusal's field errors to {@code result}; {@code fieldOf} maps the API's
	 * field name to the form's (null for none of the form's fields). False when the
	 * exception is not a refusal of the input.
	 */
	public static boolean add(RuntimeException ex, BindingResult result, UnaryOperator<String> fieldOf) {
		Optional<List<FieldViolation>> violations = violations(ex);
		violations.ifPresent(all -> all.forEach(violation -> {
			String field = (violation.field() != null) ? fieldOf.apply(violation.field()) : null;
			if (field != null) {
				result.rejectValue(field, "refused", violation.message());
			}
			else {
				result.reject("refused", violation.message());
			}
		}));
		return violations.isPresent();
	}

	/**
	 * Puts the refusal's messages, as {@code textOf} words them, under the fields they
	 * name (the first message of a field stays; one naming no field goes under
	 * {@code null}). False when the exception is not a refusal of the input.
	 */
	public static boolean put(RuntimeException ex, Map<String, String> errors, UnaryOperator<String> textOf) {
		Optional<List<FieldViolation>> violations = violations(ex);
		violations.ifPresent(all -> put(errors, all, textOf));
		return violations.isPresent();
	}

	/** {@link #put(RuntimeException, Map, UnaryOperator)} for violations at hand. */
	public static void put(Map<String, String> errors, List<FieldViolation> violations, UnaryOperator<String> textOf) {
		for (FieldViolation violation : violations) {
			errors.putIfAbsent(violation.field(), textOf.apply(violation.message()));
		}
	}

	/**
	 * A {@code textOf} for {@link #put}: the service's messages that {@code keys} knows
	 * as the bundle's text in the page's language, any other as the service wrote it.
	 */
	public static UnaryOperator<String> inPageLanguage(MessageSource messages, Map<String, String> keys) {
		return text -> {
			String key = (text != null) ? keys.get(text) : null;
			Locale locale = LocaleContextHolder.getLocale();
			return (key != null) ? messages.getMessage(key, null, key, locale) : text;
		};
	}

}
