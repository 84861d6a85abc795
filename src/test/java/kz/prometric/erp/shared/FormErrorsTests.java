package kz.prometric.erp.shared;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's refusal beside a form's fields: in a BindingResult with the form's field
 * names (crm, catalog), in a map of field to text with known messages in the page's
 * language (inventory's style), and the question whether it names a field (identity).
 */
class FormErrorsTests {

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyRefusalBecomesViolationsAndNothingElseDoes() {
		assertThat(FormErrors.violations(new InvalidInputException("taxId", "bad BIN")))
			.contains(List.of(new FieldViolation("taxId", "bad BIN")));
		assertThat(FormErrors.violations(new BusinessRuleViolation("Refused",
				List.of(new FieldViolation("a", "one"), new FieldViolation("b", "two")))))
			.contains(List.of(new FieldViolation("a", "one"), new FieldViolation("b", "two")));
		assertThat(FormErrors.violations(new ConflictException("code", "taken")))
			.contains(List.of(new FieldViolation("code", "taken")));
		assertThat(FormErrors.violations(new ConflictException("changed meanwhile")))
			.contains(List.of(new FieldViolation(null, "changed meanwhile")));
		assertThat(FormErrors.violations(new BusinessRuleViolation("No reason given", List.of())))
			.contains(List.of(new FieldViolation(null, "No reason given")));
		assertThat(FormErrors.violations(new NotFoundException("Deal", null))).isEmpty();
		assertThat(FormErrors.violations(new IllegalStateException("bug"))).isEmpty();
	}

	@Test
	void aBindingResultGetsTheFormsFieldsAndTheRestAsErrorsOfTheForm() {
		BindingResult result = new MapBindingResult(new HashMap<>(), "form");
		UnaryOperator<String> fieldOf = f -> f.startsWith("products[") ? "lines" + f.substring(8) : null;

		boolean refused = FormErrors.add(new BusinessRuleViolation("Refused",
				List.of(new FieldViolation("products[0].quantity", "must be greater than 0"),
						new FieldViolation("secret", "not on the form"), new FieldViolation(null, "whole form"))),
				result, fieldOf);

		assertThat(refused).isTrue();
		assertThat(result.getFieldError("lines[0].quantity").getDefaultMessage()).isEqualTo("must be greater than 0");
		assertThat(result.getFieldError("lines[0].quantity").getCode()).isEqualTo("refused");
		assertThat(result.getGlobalErrors()).extracting(ObjectError::getDefaultMessage)
			.containsExactly("not on the form", "whole form");
	}

	@Test
	void anExceptionThatIsNoRefusalLeavesTheBindingResultAlone() {
		BindingResult result = new MapBindingResult(new HashMap<>(), "form");

		assertThat(FormErrors.add(new IllegalStateException("bug"), result, UnaryOperator.identity())).isFalse();
		assertThat(result.hasErrors()).isFalse();
		assertThat(FormErrors.put(new IllegalStateException("bug"), new HashMap<>(), UnaryOperator.identity()))
			.isFalse();
	}

	@Test
	void aMapKeepsTheFirstTextOfAFieldInThePagesLanguage() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("inventory.error.positive", Locale.forLanguageTag("ru"), "Больше 0");
		messages.addMessage("inventory.error.positive", Locale.ENGLISH, "More than 0");
		UnaryOperator<String> textOf = FormErrors.inPageLanguage(messages,
				Map.of("must be greater than 0", "inventory.error.positive"));
		LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("note", "already wrong");

		boolean refused = FormErrors.put(new BusinessRuleViolation("Refused",
				List.of(new FieldViolation("quantity", "must be greater than 0"),
						new FieldViolation("quantity", "is too large"), new FieldViolation("note", "too long"),
						new FieldViolation("unitCost", "is too large"))),
				errors, textOf);

		assertThat(refused).isTrue();
		assertThat(errors).containsExactly(Map.entry("note", "already wrong"), Map.entry("quantity", "Больше 0"),
				Map.entry("unitCost", "is too large"));
	}

	@Test
	void violationsAtHandGoIntoTheMapAsTheyAre() {
		Map<String, String> errors = new LinkedHashMap<>();

		FormErrors.put(errors, List.of(new FieldViolation("code", "taken"), new FieldViolation(null, "whole form")),
				UnaryOperator.identity());

		assertThat(errors).containsEntry("code", "taken").containsEntry(null, "whole form");
	}

	@Test
	void tellsWhetherARefusalNamesAField() {
		assertThat(FormErrors.names(new BusinessRuleViolation("currentPassword", "wrong"), "currentPassword")).isTrue();
		assertThat(FormErrors.names(new BusinessRuleViolation("newPassword", "same"), "currentPassword")).isFalse();
		assertThat(FormErrors.names(new ConflictException("changed meanwhile"), "currentPassword")).isFalse();
		assertThat(FormErrors.names(new IllegalStateException("currentPassword"), "currentPassword")).isFalse();
	}

}
