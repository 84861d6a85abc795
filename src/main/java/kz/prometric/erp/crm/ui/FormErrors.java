package kz.prometric.erp.crm.ui;

import java.util.List;
import java.util.function.UnaryOperator;

import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.InvalidInputException;

import org.springframework.validation.BindingResult;

/**
 * A service's refusal of a form, put next to the fields it names (a field the form does
 * not have becomes an error of the whole form).
 */
final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Adds the refusal's field errors to {@code result}; {@code fieldOf} maps the API's
	 * field name to the form's (null for none of the form's fields). False when the
	 * exception is not a refusal of the input.
	 */
	static boolean add(RuntimeException ex, BindingResult result, UnaryOperator<String> fieldOf) {
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
			return false;
		}
		for (FieldViolation violation : violations) {
			String field = (violation.field() != null) ? fieldOf.apply(violation.field()) : null;
			if (field != null) {
				result.rejectValue(field, "refused", violation.message());
			}
			else {
				result.reject("refused", violation.message());
			}
		}
		if (violations.isEmpty()) {
			result.reject("refused", ex.getMessage());
		}
		return true;
	}

}
