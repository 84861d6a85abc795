package kz.prometric.erp.workflow;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.shared.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side checks of a Camunda Form's values, field type by field type, as form-js
 * declares them: required (also behind a {@code conditional.hide}), number with min/max,
 * checkbox, text with length and pattern, select/radio values, checklist lists,
 * date/time/date-time by subtype.
 */
class TaskFormValuesTests {

	private static final String FORM = """
			{"components": [
			  {"key": "amount", "type": "number", "label": "Amount", "validate": {"required": true, "min": 0, "max": 1000}},
			  {"key": "serialized", "type": "number", "serializeToString": true},
			  {"key": "confirmed", "type": "checkbox", "validate": {"required": true}},
			  {"key": "note", "type": "textarea", "validate": {"minLength": 2, "maxLength": 5}},
			  {"key": "code", "type": "textfield", "validate": {"pattern": "^[A-Z]{3}$"}},
			  {"key": "choice", "type": "radio", "values": [{"label": "A", "value": "A"}]},
			  {"key": "tags", "type": "checklist", "values": [{"label": "X", "value": "X"}]},
			  {"key": "day", "type": "datetime", "subtype": "date"},
			  {"key": "at", "type": "datetime", "subtype": "time"},
			  {"key": "when", "type": "datetime", "subtype": "datetime"},
			  {"key": "reason", "type": "textarea", "validate": {"required": true},
			   "conditional": {"hide": "=amount < 500"}},
			  {"key": "shown", "type": "textfield", "readonly": true, "validate": {"required": true}}
			]}""";

	private final TaskForms.Declaration form = new TaskForms(new ObjectMapper())
		.parse(FORM.getBytes(StandardCharsets.UTF_8));

	@Test
	void acceptsAValidCompletion() {
		assertThat(check(Map.of("amount", 10, "confirmed", true), true)).isEmpty();
		assertThat(check(Map.of("amount", 10.5, "confirmed", true, "note", "ok", "code", "ABC", "choice", "A", "tags",
				List.of("X"), "day", "2026-12-01", "at", "09:30", "when", "2026-12-01T09:30:00+05:00"), true))
			.isEmpty();
		assertThat(check(Map.of("serialized", "12.50"), false)).isEmpty();
		assertThat(check(Map.of("at", "09:30+05:00", "when", "2026-12-01T09:30:00"), false)).isEmpty();
	}

	@Test
	void requiresRequiredFieldsOnCompletionOnly() {
		// reason's condition cannot tell without an amount: shown, as form-js shows it
		assertThat(fields(check(Map.of(), true))).containsExactly("amount", "confirmed", "reason");
		assertThat(fields(check(Map.of("amount", 1, "confirmed", false), true))).containsExactly("confirmed");
		assertThat(check(Map.of(), false)).isEmpty();
		// a value the task already has satisfies a required field
		assertThat(check(Map.of("confirmed", true), true, Map.of("amount", 3))).isEmpty();
		// read-only fields are the process's, not the person's
		assertThat(fields(check(Map.of("amount", 1, "confirmed", true), true))).doesNotContain("shown");
	}

	@Test
	void requiresAConditionalFieldOnlyWhenTheFormShowsIt() {
		assertThat(check(Map.of("amount", 100, "confirmed", true), true)).isEmpty();
		assertThat(fields(check(Map.of("amount", 700, "confirmed", true), true))).containsExactly("reason");
		assertThat(check(Map.of("amount", 700, "confirmed", true, "reason", "big"), true)).isEmpty();
	}

	@Test
	void refusesWrongTypesNamingTheField() {
		assertThat(fields(check(Map.of("amount", "ten"), false))).containsExactly("amount");
		assertThat(fields(check(Map.of("amount", Double.NaN), false))).containsExactly("amount");
		assertThat(fields(check(Map.of("serialized", "many"), false))).containsExactly("serialized");
		assertThat(fields(check(Map.of("confirmed", "yes"), false))).containsExactly("confirmed");
		assertThat(fields(check(Map.of("note", 12), false))).containsExactly("note");
		assertThat(fields(check(Map.of("choice", List.of("A")), false))).containsExactly("choice");
		assertThat(fields(check(Map.of("tags", "X"), false))).containsExactly("tags");
		assertThat(fields(check(Map.of("day", "01.12.2026"), false))).containsExactly("day");
		assertThat(fields(check(Map.of("at", "half past nine"), false))).containsExactly("at");
		assertThat(fields(check(Map.of("when", "2026-12-01"), false))).containsExactly("when");
	}

	@Test
	void refusesValuesOutsideTheDeclaredBounds() {
		assertThat(check(Map.of("amount", -1), false)).extracting(FieldViolation::message)
			.containsExactly("must be at least 0");
		assertThat(check(Map.of("amount", 1000.01), false)).extracting(FieldViolation::message)
			.containsExactly("must be at most 1000");
		assertThat(fields(check(Map.of("note", "a"), false))).containsExactly("note");
		assertThat(fields(check(Map.of("note", "abcdef"), false))).containsExactly("note");
		assertThat(fields(check(Map.of("code", "abc"), false))).containsExactly("code");
	}

	private List<FieldViolation> check(Map<String, Object> submitted, boolean completing) {
		return check(submitted, completing, Map.of());
	}

	private List<FieldViolation> check(Map<String, Object> submitted, boolean completing, Map<String, Object> current) {
		return TaskFormValues.check(this.form, new HashMap<>(submitted), completing, current::get,
				() -> new HashMap<>(current));
	}

	private static List<String> fields(List<FieldViolation> violations) {
		return violations.stream().map(FieldViolation::field).toList();
	}

}
