package kz.prometric.erp.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import kz.prometric.erp.shared.FieldViolation;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks submitted task variables against what their form fields declare, as form-js does
 * in the browser, so that a client skipping the browser (the engine REST API, the ERP's
 * task API) is held to the same rules:
 * <ul>
 * <li>type: {@code number} a number (text only if the field serializes numbers as text),
 * {@code checkbox} true or false, {@code textfield}/{@code textarea} text,
 * {@code select}/{@code radio} one value, {@code checklist}/{@code taglist} a list,
 * {@code datetime} a date ({@code YYYY-MM-DD}), a time ({@code HH:mm}, optionally with an
 * offset) or a date-time by its subtype;</li>
 * <li>numeric {@code min}/{@code max}, text {@code minLength}/{@code maxLength} and
 * {@code pattern};</li>
 * <li>on completion, {@code required}: the value after completion (submitted, otherwise
 * the task's current one) is not empty — not null, not empty text, not an empty list, and
 * for a checkbox checked — unless the field's {@code conditional.hide} FEEL expression is
 * true for the task's variables with the submitted ones, as form-js hides (and does not
 * validate) such a field. An expression that cannot be evaluated hides nothing it cannot
 * tell: the field is then not required.</li>
 * </ul>
 * Options of {@code select}/{@code radio}/{@code checklist}/{@code taglist} are checked
 * by {@link PersonCommandGuard} (they may come from a process variable).
 */
final class TaskFormValues {

	private static final Logger log = LoggerFactory.getLogger(TaskFormValues.class);

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private TaskFormValues() {
	}

	/**
	 * The violations of {@code submitted} (plain values by variable name) against
	 * {@code form}; {@code current} reads a variable's current plain value, and
	 * {@code context} the task's variables for conditions.
	 */
	static List<FieldViolation> check(TaskForms.Declaration form, Map<String, Object> submitted, boolean completing,
			Function<String, Object> current, Supplier<Map<String, Object>> context) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, Object> conditionContext = null;
		for (TaskForms.Field field : form.fields().values()) {
			TaskForms.Rules rules = field.rules();
			if (rules == null || !field.editable()) {
				continue;
			}
			boolean given = submitted.containsKey(field.name());
			Object value = given ? submitted.get(field.name()) : null;
			if (given && !isEmpty(value, rules)) {
				String problem = typeProblem(value, rules);
				if (problem == null) {
					problem = limitProblem(value, rules);
				}
				if (problem != null) {
					violations.add(new FieldViolation(field.name(), problem));
					continue;
				}
			}
			if (completing && rules.required()) {
				Object after = given ? value : current.apply(field.name());
				if (isEmpty(after, rules)) {
					if (rules.hideExpression() != null) {
						if (conditionContext == null) {
							conditionContext = new HashMap<>(context.get());
							conditionContext.putAll(submitted);
						}
						if (!isShown(rules.hideExpression(), conditionContext)) {
							continue;
						}
					}
					violations.add(new FieldViolation(field.name(), "is required"
							+ ((rules.label() != null && !rules.label().isBlank()) ? " (" + rules.label() + ")" : "")));
				}
			}
		}
		return violations;
	}

	/** Whether form-js would show a field its {@code hide} expression hides when true. */
	private static boolean isShown(String hideExpression, Map<String, Object> variables) {
		String expression = hideExpression.startsWith("=") ? hideExpression.substring(1) : hideExpression;
		try {
			EvaluationResult result = FEEL.evaluateExpression(expression, variables);
			if (result.isSuccess()) {
				return !Boolean.TRUE.equals(result.result());
			}
			log.debug("Form condition '{}' failed: {}", hideExpression, result.failure());
		}
		catch (RuntimeException ex) {
			log.debug("Form condition '{}' failed", hideExpression, ex);
		}
		return false;
	}

	static boolean isEmpty(Object value, TaskForms.Rules rules) {
		if (value == null) {
			return true;
		}
		if (value instanceof String text) {
			return text.isEmpty() || ("checklist".equals(rules.type()) || "taglist".equals(rules.type()))
					&& text.strip().equals("[]");
		}
		if (value instanceof Collection<?> values) {
			return values.isEmpty();
		}
		return "checkbox".equals(rules.type()) && Boolean.FALSE.equals(value);
	}

	private static String typeProblem(Object value, TaskForms.Rules rules) {
		switch (rules.type()) {
			case "number":
				return (number(value, rules) == null) ? "must be a number" : null;
			case "checkbox":
				return (value instanceof Boolean) ? null : "must be true or false";
			case "textfield":
			case "textarea":
				return (value instanceof String) ? null : "must be text";
			case "select":
			case "radio":
				return (value instanceof String || value instanceof Number || value instanceof Boolean) ? null
						: "must be one value";
			case "checklist":
			case "taglist":
				return (value instanceof Collection<?>
						|| (value instanceof String text && text.strip().startsWith("["))) ? null
								: "must be a list of values";
			case "datetime":
				return dateProblem(value, rules.subtype());
			default:
				return null;
		}
	}

	private static String dateProblem(Object value, String subtype) {
		if (value instanceof Date || "generated-date".equals(subtype)) {
			return null;
		}
		if (!(value instanceof String text)) {
			return "must be a date or time as text";
		}
		try {
			switch ((subtype != null) ? subtype : "datetime") {
				case "date" -> LocalDate.parse(text);
				case "time" -> {
					if (!parses(() -> LocalTime.parse(text))) {
						OffsetTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) + "+00:00" : text);
					}
				}
				default -> {
					if (!parses(() -> OffsetDateTime.parse(text))) {
						LocalDateTime.parse(text);
					}
				}
			}
			return null;
		}
		catch (DateTimeParseException ex) {
			return switch ((subtype != null) ? subtype : "datetime") {
				case "date" -> "must be a date (YYYY-MM-DD)";
				case "time" -> "must be a time (HH:mm)";
				default -> "must be a date and time (ISO 8601)";
			};
		}
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static String limitProblem(Object value, TaskForms.Rules rules) {
		if ("number".equals(rules.type())) {
			BigDecimal number = number(value, rules);
			if (rules.min() != null && number.compareTo(rules.min()) < 0) {
				return "must be at least " + rules.min().toPlainString();
			}
			if (rules.max() != null && number.compareTo(rules.max()) > 0) {
				return "must be at most " + rules.max().toPlainString();
			}
		}
		if (value instanceof String text && ("textfield".equals(rules.type()) || "textarea".equals(rules.type()))) {
			int length = text.codePointCount(0, text.length());
			if (rules.minLength() != null && length < rules.minLength()) {
				return "must have at least " + rules.minLength() + " characters";
			}
			if (rules.maxLength() != null && length > rules.maxLength()) {
				return "must have at most " + rules.maxLength() + " characters";
			}
			if (rules.pattern() != null && !rules.pattern().isEmpty()) {
				try {
					if (!Pattern.compile(rules.pattern()).matcher(text).find()) {
						return "must match the pattern " + rules.pattern();
					}
				}
				catch (PatternSyntaxException ex) {
					// a pattern Java cannot read is not checked here
				}
			}
		}
		return null;
	}

	/** The number a value stands for, or null when it is none. */
	private static BigDecimal number(Object value, TaskForms.Rules rules) {
		if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
			return null;
		}
		if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
			return null;
		}
		if (value instanceof Number) {
			return new BigDecimal(String.valueOf(value));
		}
		if (value instanceof String text && rules.serializeToString()) {
			try {
				return new BigDecimal(text.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
