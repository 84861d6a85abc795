package kz.prometric.erp.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * What a user task's form lets a person submit, read from the form deployed with the
 * task's process definition: a Camunda Form ({@code camunda:formRef}, or a
 * {@code camunda-forms:deployment:} form key) or generated form fields
 * ({@code camunda:formData}). A task without a form declares nothing. Deployed forms
 * never change, so each is parsed once.
 */
final class TaskForms {

	private static final String CAMUNDA_FORMS_DEPLOYMENT = "camunda-forms:deployment:";

	private static final String EMBEDDED_DEPLOYMENT = "embedded:deployment:";

	private static final Set<String> OPTION_FIELDS = Set.of("select", "radio", "checklist", "taglist");

	private final ObjectMapper mapper;

	private final Map<String, Declaration> parsed = new ConcurrentHashMap<>();

	TaskForms(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** The fields of the task's form; {@link Declaration#NONE} when it has none. */
	Declaration of(TaskEntity task, CommandContext context) {
		if (task.getProcessDefinitionId() == null) {
			return Declaration.NONE;
		}
		TaskFormData form = context.runWithoutAuthorization(new GetTaskFormCmd(task.getId()));
		CamundaFormRef ref = form.getCamundaFormRef();
		if (ref != null && ref.getKey() != null) {
			CamundaFormDefinition definition = context
				.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()));
			if (definition == null) {
				return Declaration.NONE;
			}
			return camundaForm(definition.getDeploymentId(), definition.getResourceName(), context);
		}
		String key = form.getFormKey();
		if (key != null && key.startsWith(CAMUNDA_FORMS_DEPLOYMENT)) {
			return camundaForm(form.getDeploymentId(), key.substring(CAMUNDA_FORMS_DEPLOYMENT.length()), context);
		}
		if (key != null && key.startsWith(EMBEDDED_DEPLOYMENT)) {
			// an HTML form declares its fields in markup the engine cannot read: none
			return Declaration.NONE;
		}
		return generated(form.getFormFields());
	}

	private Declaration camundaForm(String deploymentId, String resourceName, CommandContext context) {
		return this.parsed.computeIfAbsent(deploymentId + "/" + resourceName, k -> {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
			if (resource == null) {
				return Declaration.NONE;
			}
			return parse(resource.getBytes());
		});
	}

	/** The keyed components of a Camunda Form (form-js schema), at any depth. */
	Declaration parse(byte[] schema) {
		try {
			Map<String, Field> fields = new LinkedHashMap<>();
			collect(this.mapper.readTree(schema).path("components"), fields);
			return new Declaration(fields);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unreadable form", ex);
		}
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode component : components) {
			String key = component.path("key").asText(null);
			String path = component.path("path").asText(null);
			if (key != null && !key.isBlank()) {
				String variable = topLevel(key);
				boolean nested = !variable.equals(key);
				add(fields, new Field(variable, isEditable(component), nested ? null : options(component),
						nested ? null : component.path("valuesKey").asText(null), nested ? null : rules(component)));
			}
			else if (path != null && !path.isBlank() && component.has("components")) {
				// a group or dynamic list writes one object (or list) under its path
				Map<String, Field> inner = new LinkedHashMap<>();
				collect(component.path("components"), inner);
				boolean editable = isEditable(component) && inner.values().stream().anyMatch(Field::editable);
				add(fields, new Field(topLevel(path), editable, null, null, null));
			}
			else if (component.has("components")) {
				collect(component.path("components"), fields);
			}
		}
	}

	private static String topLevel(String key) {
		int dot = key.indexOf('.');
		return (dot < 0) ? key : key.substring(0, dot);
	}

	/**
	 * Read-only and disabled fields, also when that depends on an expression (which
	 * cannot be evaluated here), and computed ({@code expression}) fields are not
	 * editable.
	 */
	private static boolean isEditable(JsonNode component) {
		return !truthy(component.get("readonly")) && !truthy(component.get("disabled"))
				&& !"expression".equals(component.path("type").asText());
	}

	private static boolean truthy(JsonNode flag) {
		if (flag == null || flag.isNull()) {
			return false;
		}
		if (flag.isBoolean()) {
			return flag.booleanValue();
		}
		return !(flag.isTextual() && flag.asText().isBlank());
	}

	private static Set<String> options(JsonNode component) {
		if (!OPTION_FIELDS.contains(component.path("type").asText()) || !component.path("values").isArray()) {
			return null;
		}
		Set<String> options = new LinkedHashSet<>();
		component.path("values").forEach(v -> options.add(v.path("value").asText()));
		return options;
	}

	/** What a Camunda Form component declares about its value. */
	private static Rules rules(JsonNode component) {
		JsonNode validate = component.path("validate");
		String type = component.path("type").asText("");
		String subtype = component.path("subtype").asText(null);
		JsonNode hide = component.path("conditional").path("hide");
		return new Rules(component.path("label").asText(null), type, subtype, truthy(validate.get("required")),
				decimal(validate.get("min")), decimal(validate.get("max")), integer(validate.get("minLength")),
				integer(validate.get("maxLength")), validate.path("pattern").asText(null),
				(hide.isTextual() && !hide.asText().isBlank()) ? hide.asText() : null,
				truthy(component.get("serializeToString")));
	}

	/** What a generated form field ({@code camunda:formField}) declares. */
	private static Rules generatedRules(FormField formField) {
		boolean required = false;
		BigDecimal min = null;
		BigDecimal max = null;
		Integer minLength = null;
		Integer maxLength = null;
		if (formField.getValidationConstraints() != null) {
			for (FormFieldValidationConstraint constraint : formField.getValidationConstraints()) {
				String config = (constraint.getConfiguration() != null) ? String.valueOf(constraint.getConfiguration())
						: null;
				switch (constraint.getName()) {
					case "required" -> required = true;
					case "min" -> min = decimal(config);
					case "max" -> max = decimal(config);
					case "minlength" -> minLength = (decimal(config) != null) ? decimal(config).intValue() : null;
					case "maxlength" -> maxLength = (decimal(config) != null) ? decimal(config).intValue() : null;
					default -> {
						// readonly and custom validators: not checked here
					}
				}
			}
		}
		String type = switch (String.valueOf(formField.getTypeName())) {
			case "long" -> "number";
			case "boolean" -> "checkbox";
			case "enum" -> "select";
			case "date" -> "datetime";
			default -> "textfield";
		};
		return new Rules(formField.getLabel(), type, "date".equals(formField.getTypeName()) ? "generated-date" : null,
				required, min, max, minLength, maxLength, null, null, false);
	}

	private static BigDecimal decimal(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : decimal(node.asText());
	}

	private static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer integer(JsonNode node) {
		BigDecimal value = decimal(node);
		return (value != null) ? value.intValue() : null;
	}

	private static void add(Map<String, Field> fields, Field field) {
		fields.merge(field.name(), field, Field::merge);
	}

	private static Declaration generated(List<FormField> formFields) {
		if (formFields == null || formFields.isEmpty()) {
			return Declaration.NONE;
		}
		Map<String, Field> fields = new LinkedHashMap<>();
		for (FormField formField : formFields) {
			boolean readonly = formField.getValidationConstraints() != null && formField.getValidationConstraints()
				.stream()
				.map(FormFieldValidationConstraint::getName)
				.anyMatch(n -> "readonly".equals(n) || "disabled".equals(n));
			Set<String> options = null;
			if ("enum".equals(formField.getTypeName())) {
				Object values = formField.getType().getInformation("values");
				if (values instanceof Map<?, ?> map) {
					options = new LinkedHashSet<>();
					for (Object option : map.keySet()) {
						options.add(String.valueOf(option));
					}
				}
			}
			add(fields, new Field(formField.getId(), !readonly, options, null, generatedRules(formField)));
		}
		return new Declaration(fields);
	}

	/**
	 * What a form component declares about the value it writes: its label and type
	 * (form-js types: {@code textfield}, {@code textarea}, {@code number},
	 * {@code checkbox}, {@code select}, {@code radio}, {@code checklist},
	 * {@code taglist}, {@code datetime} with its {@code subtype}), whether it is
	 * required, numeric bounds, text length bounds and pattern, the FEEL expression that
	 * hides it, and whether a number is submitted as text ({@code serializeToString}).
	 */
	record Rules(String label, String type, String subtype, boolean required, BigDecimal min, BigDecimal max,
			Integer minLength, Integer maxLength, String pattern, String hideExpression, boolean serializeToString) {
	}

	/** The variables a form offers, by name. */
	record Declaration(Map<String, Field> fields) {

		static final Declaration NONE = new Declaration(Map.of());

		Field field(String variable) {
			return this.fields.get(variable);
		}

	}

	/**
	 * One variable a form writes: whether a person may change it and, for fields with
	 * fixed options, the option values ({@code null}: any value); {@code valuesKey} names
	 * the variable holding the options of a field whose options come from the process.
	 */
	record Field(String name, boolean editable, Set<String> options, String valuesKey, Rules rules) {

		/**
		 * Two components writing one variable: it is editable if either is, options are
		 * the union, and the value rules are checked only when both agree on them (a
		 * second component of another type would make any check wrong).
		 */
		Field merge(Field other) {
			Set<String> merged = null;
			if (this.options != null && other.options != null) {
				merged = new LinkedHashSet<>(this.options);
				merged.addAll(other.options);
			}
			Rules rules = (this.rules != null && this.rules.equals(other.rules)) ? this.rules : null;
			return new Field(this.name, this.editable || other.editable, merged,
					(this.valuesKey != null) ? this.valuesKey : other.valuesKey, rules);
		}

		/**
		 * The option values a submitted value stands for: the elements of a list (a
		 * checklist or tag list), otherwise the value itself.
		 */
		static List<String> chosen(Object value, ObjectMapper mapper) {
			List<String> chosen = new ArrayList<>();
			if (value instanceof Collection<?> values) {
				values.forEach(v -> chosen.add(String.valueOf(v)));
				return chosen;
			}
			String text = String.valueOf(value);
			if (text.startsWith("[")) {
				try {
					mapper.readTree(text).forEach(v -> chosen.add(v.isValueNode() ? v.asText() : v.toString()));
					return chosen;
				}
				catch (IOException ex) {
					// not a JSON list: a single value
				}
			}
			chosen.add(text);
			return chosen;
		}

	}

	/**
	 * The options a field takes from a variable ({@code valuesKey}): a list of values or
	 * of {@code {label, value}}, held as a list or as its JSON text; empty when it holds
	 * neither.
	 */
	static List<String> optionsHeldIn(Object held, ObjectMapper mapper) {
		List<String> options = new ArrayList<>();
		Object list = held;
		if (held instanceof String text) {
			try {
				list = mapper.readValue(text, List.class);
			}
			catch (IOException ex) {
				return options;
			}
		}
		if (list instanceof Collection<?> values) {
			for (Object option : values) {
				options
					.add((option instanceof Map<?, ?> map) ? String.valueOf(map.get("value")) : String.valueOf(option));
			}
		}
		return options;
	}

}
