package kz.prometric.erp.workflow;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.shared.FieldViolation;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A person who may work a task may complete it with its form's fields and nothing more.
 * <p>
 * The engine knows who calls it: the engine REST API ({@link EngineAuthenticationFilter})
 * and the webapps set the caller as the engine's current authentication; the ERP's own
 * services and the job executor run without one. This guard looks at every
 * <em>outermost</em> command issued while a person is the current authentication, before
 * the command runs, inside its transaction:
 * <ul>
 * <li>completing a task, submitting its form, setting, patching or removing its
 * variables: only the variables its form offers as editable fields; a read-only field
 * only with its current value (Tasklist submits read-only fields unchanged; such values
 * are dropped, not written). A task without a form accepts no variables. Anything else is
 * a {@link ProcessVariablesRefused} (403);</li>
 * <li>the values of those fields as the form declares them ({@link TaskFormValues}):
 * type, select/radio/checklist/taglist values only among the field's options, numeric and
 * length bounds, pattern, and on completion every required field that the form shows
 * filled in. A value the form does not accept is a {@link TaskFormInvalid} (422) naming
 * the field;</li>
 * <li>completing, failing or throwing a BPMN error from an external task: only the
 * variables the BPMN declares in the activity's {@code outputVariables} extension
 * property (comma-separated); a BPMN error only with a code the activity declares in its
 * {@code errorCodes} extension property (none by default: a machine reports success or a
 * technical failure, and the process decides what follows); another workspace's external
 * task is not found (before the engine would tell which worker holds its lock);</li>
 * <li>everything else that moves tokens or writes variables outside a form: variables of
 * executions and process instances (also in batches), BPMN errors and escalations from
 * user tasks, process-instance modification, restart and migration, message correlation,
 * signals, starting process instances (instances are started by the ERP for a business
 * object), suspending or activating process instances and jobs, moving a job's due date
 * and deleting a job: refused.</li>
 * </ul>
 * Commands nested inside another command (a delegate correlating a message while a task
 * completes), and commands the ERP's code issues after the outer command committed, are
 * the ERP's own and pass. A refusal is an {@link EngineCommandRefused} (403) and nothing
 * has changed.
 */
final class PersonCommandGuard {

	/** Name of the extension property listing the variables an external task may set. */
	static final String OUTPUT_VARIABLES_PROPERTY = "outputVariables";

	/**
	 * Name of the extension property listing the BPMN error codes an external task's
	 * worker may throw.
	 */
	static final String ERROR_CODES_PROPERTY = "errorCodes";

	private static final ThreadLocal<Command<?>> OUTERMOST = new ThreadLocal<>();

	private static final List<Class<?>> REFUSED = List.of(SetExecutionVariablesCmd.class,
			PatchExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class,
			SetVariablesToProcessInstancesBatchCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
			ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
			AbstractProcessInstanceModificationCommand.class, AbstractRestartProcessInstanceCmd.class,
			RestartProcessInstancesBatchCmd.class, AbstractMigrationCmd.class, MigrateProcessInstanceBatchCmd.class,
			SetProcessDefinitionVersionCmd.class, CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
			CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class,
			SignalCmd.class, StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class,
			SubmitStartFormCmd.class, EvaluateStartConditionCmd.class, AbstractSetProcessInstanceStateCmd.class,
			AbstractUpdateProcessInstancesSuspendStateCmd.class, AbstractSetJobStateCmd.class, SetJobDuedateCmd.class,
			DeleteJobCmd.class);

	private final ProcessEngineConfigurationImpl configuration;

	private final TaskForms forms;

	private final ObjectMapper mapper;

	PersonCommandGuard(ProcessEngineConfigurationImpl configuration, ObjectMapper mapper) {
		this.configuration = configuration;
		this.mapper = mapper;
		this.forms = new TaskForms(mapper);
	}

	/**
	 * Runs first in a command chain, outside any command context: marks the outermost
	 * command of a person.
	 */
	CommandInterceptor outermostMarker() {
		return new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				if (OUTERMOST.get() != null || Context.getCommandContext() != null
						|| PersonCommandGuard.this.configuration.getIdentityService()
							.getCurrentAuthentication() == null) {
					return this.next.execute(command);
				}
				OUTERMOST.set(command);
				try {
					return this.next.execute(command);
				}
				finally {
					OUTERMOST.remove();
				}
			}
		};
	}

	/**
	 * Runs last before the command, inside its command context and transaction: checks
	 * the marked command.
	 */
	CommandInterceptor checker() {
		return new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				if (command == OUTERMOST.get()) {
					check(command, Context.getCommandContext());
				}
				return this.next.execute(command);
			}
		};
	}

	private void check(Command<?> command, CommandContext context) {
		if (command instanceof CompleteTaskCmd) {
			// also ResolveTaskCmd
			checkTask(context, field(command, "taskId"), variables(command, "variables"), List.of(), true);
		}
		else if (command instanceof SubmitTaskFormCmd) {
			checkTask(context, field(command, "taskId"), variables(command, "properties"), List.of(), true);
		}
		else if (command instanceof SetTaskVariablesCmd) {
			checkTask(context, field(command, "entityId"), variables(command, "variables"), List.of(), false);
		}
		else if (command instanceof PatchTaskVariablesCmd) {
			Collection<String> deletions = field(command, "deletions");
			checkTask(context, field(command, "entityId"), variables(command, "variables"),
					(deletions != null) ? deletions : List.of(), false);
		}
		else if (command instanceof RemoveTaskVariablesCmd) {
			Collection<String> names = field(command, "variableNames");
			checkTask(context, field(command, "entityId"), null, (names != null) ? names : List.of(), false);
		}
		else if (command instanceof HandleExternalTaskCmd) {
			checkExternalTask(context, command);
		}
		else if (REFUSED.stream().anyMatch(type -> type.isInstance(command))) {
			throw new EngineCommandRefused(
					"Refused: " + describe(command) + " is done by the ERP itself, not by a person through the engine");
		}
	}

	private void checkTask(CommandContext context, String taskId, Map<String, Object> variables,
			Collection<String> removals, boolean completing) {
		if (!completing && (variables == null || variables.isEmpty()) && removals.isEmpty()) {
			return;
		}
		TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
		if (task == null || !context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
			// the command refuses unknown and other tenants' tasks itself
			return;
		}
		TaskForms.Declaration form = this.forms.of(task, context);
		Set<String> refused = new LinkedHashSet<>();
		List<String> reasons = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<FieldViolation> invalid = new ArrayList<>();
		Map<String, Object> written = new LinkedHashMap<>();
		if (variables != null) {
			variables.forEach((name, submitted) -> {
				TaskForms.Field field = form.field(name);
				Object value = plain(submitted);
				if (field == null) {
					refused.add(name);
					reasons.add(name + " is not a field of the task's form");
				}
				else if (!field.editable()) {
					if (sameValue(value, plain(task.getVariableTyped(name)))) {
						unchanged.add(name);
					}
					else {
						refused.add(name);
						reasons.add(name + " is read-only");
					}
				}
				else {
					written.put(name, value);
					if (value != null && !optionsAllow(field, value, task)) {
						invalid.add(new FieldViolation(name, "must be one of the field's options"));
					}
				}
			});
		}
		for (String name : removals) {
			TaskForms.Field field = form.field(name);
			if (field == null || (!field.editable() && task.getVariable(name) != null)) {
				refused.add(name);
				reasons.add(name + " may not be removed");
			}
			else {
				written.put(name, null);
			}
		}
		if (!refused.isEmpty()) {
			throw new ProcessVariablesRefused("task " + task.getId() + " (" + task.getTaskDefinitionKey() + ")",
					List.copyOf(refused), String.join("; ", reasons));
		}
		Set<String> optionRefused = new LinkedHashSet<>();
		invalid.forEach(v -> optionRefused.add(v.field()));
		for (FieldViolation violation : TaskFormValues.check(form, written, completing,
				name -> plain(task.getVariableTyped(name, false)), () -> variablesOf(task))) {
			if (!optionRefused.contains(violation.field())) {
				invalid.add(violation);
			}
		}
		if (!invalid.isEmpty()) {
			throw new TaskFormInvalid("task " + task.getId() + " (" + task.getTaskDefinitionKey() + ")", invalid);
		}
		if (variables != null) {
			// read-only fields are never written, not even with the value they have
			try {
				unchanged.forEach(variables::remove);
			}
			catch (UnsupportedOperationException ex) {
				// an immutable map: writing the same value again changes nothing
			}
		}
	}

	/** The task's variables (its own and its executions'), as plain values. */
	private static Map<String, Object> variablesOf(TaskEntity task) {
		Map<String, Object> values = new LinkedHashMap<>();
		org.camunda.bpm.engine.variable.VariableMap typed = task.getVariablesTyped(false);
		for (String name : typed.keySet()) {
			values.put(name, plain(typed.getValueTyped(name)));
		}
		return values;
	}

	private boolean optionsAllow(TaskForms.Field field, Object value, TaskEntity task) {
		Collection<String> options = field.options();
		if (options == null && field.valuesKey() != null) {
			options = TaskForms.optionsHeldIn(task.getVariable(field.valuesKey()), this.mapper);
		}
		if (options == null) {
			return true;
		}
		return options.containsAll(TaskForms.Field.chosen(value, this.mapper));
	}

	private void checkExternalTask(CommandContext context, Command<?> command) {
		String externalTaskId = field(command, "externalTaskId");
		ExternalTaskEntity task = (externalTaskId != null)
				? context.getExternalTaskManager().findExternalTaskById(externalTaskId) : null;
		if (task == null) {
			// the command refuses unknown ids itself
			return;
		}
		if (!context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
			// answered like an unknown id, before the engine names the worker holding
			// the lock
			throw new NotFoundException("Cannot find external task with id " + externalTaskId);
		}
		String what = "external task " + task.getId() + " (" + task.getActivityId() + ")";
		if (command instanceof HandleExternalTaskBpmnErrorCmd) {
			String errorCode = field(command, "errorCode");
			Set<String> codes = declared(context, task, ERROR_CODES_PROPERTY);
			if (!codes.contains(errorCode)) {
				throw new EngineCommandRefused("Refused: a BPMN error '" + errorCode + "' from " + what
						+ ": the activity declares " + (codes.isEmpty() ? "no error codes" : codes) + " in its '"
						+ ERROR_CODES_PROPERTY + "' property; report a failure instead");
			}
		}
		List<String> names = new ArrayList<>();
		for (String field : externalTaskVariableFields(command)) {
			Map<String, Object> variables = variables(command, field);
			if (variables != null) {
				names.addAll(variables.keySet());
			}
		}
		if (names.isEmpty()) {
			return;
		}
		Set<String> declared = declared(context, task, OUTPUT_VARIABLES_PROPERTY);
		List<String> refused = names.stream().filter(n -> !declared.contains(n)).distinct().toList();
		if (!refused.isEmpty()) {
			throw new ProcessVariablesRefused(what, refused,
					"the activity declares only " + declared + " in its '" + OUTPUT_VARIABLES_PROPERTY + "' property");
		}
	}

	private static List<String> externalTaskVariableFields(Command<?> command) {
		if (command instanceof CompleteExternalTaskCmd || command instanceof HandleExternalTaskFailureCmd) {
			return List.of("variables", "localVariables");
		}
		if (command instanceof HandleExternalTaskBpmnErrorCmd) {
			return List.of("variables");
		}
		return List.of();
	}

	/**
	 * The comma-separated names in the activity's extension property {@code property}.
	 */
	private static Set<String> declared(CommandContext context, ExternalTaskEntity task, String property) {
		BpmnModelInstance model = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
		Set<String> declared = new LinkedHashSet<>();
		if (model == null || !(model.getModelElementById(task.getActivityId()) instanceof BaseElement element)) {
			return declared;
		}
		ExtensionElements extensions = element.getExtensionElements();
		if (extensions == null) {
			return declared;
		}
		for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
			for (CamundaProperty camundaProperty : properties.getCamundaProperties()) {
				if (property.equals(camundaProperty.getCamundaName()) && camundaProperty.getCamundaValue() != null) {
					for (String name : camundaProperty.getCamundaValue().split(",")) {
						if (!name.isBlank()) {
							declared.add(name.strip());
						}
					}
				}
			}
		}
		return declared;
	}

	// values

	private static Object plain(Object value) {
		if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
			return serializable.getValueSerialized();
		}
		if (value instanceof TypedValue typed) {
			return typed.getValue();
		}
		return value;
	}

	/**
	 * Whether a submitted value is the value a variable has, as a browser form sends it
	 * back: numbers by value (1500000 equals 1500000.0), dates by instant, the rest by
	 * text; an empty text is how a form sends back a field without a value (Tasklist
	 * submits an empty read-only text area so).
	 */
	static boolean sameValue(Object submitted, Object current) {
		if (current == null && submitted instanceof String text && text.isEmpty()) {
			return true;
		}
		if (submitted == null || current == null) {
			return submitted == null && current == null;
		}
		if (current instanceof Number || submitted instanceof Number) {
			BigDecimal a = decimal(submitted);
			BigDecimal b = decimal(current);
			return a != null && b != null && a.compareTo(b) == 0;
		}
		if (current instanceof Date date && !(submitted instanceof Date)) {
			try {
				return OffsetDateTime.parse(String.valueOf(submitted)).toInstant().equals(date.toInstant());
			}
			catch (RuntimeException ex) {
				return false;
			}
		}
		return Objects.equals(submitted, current) || String.valueOf(submitted).equals(String.valueOf(current));
	}

	private static BigDecimal decimal(Object value) {
		try {
			return new BigDecimal(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String describe(Command<?> command) {
		String name = command.getClass().getSimpleName();
		return name.endsWith("Cmd") ? name.substring(0, name.length() - 3) : name;
	}

	// reading the commands' fields

	@SuppressWarnings("unchecked")
	private static Map<String, Object> variables(Object command, String name) {
		return (Map<String, Object>) field(command, name);
	}

	@SuppressWarnings("unchecked")
	private static <T> T field(Object target, String name) {
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (T) field.get(target);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(target.getClass().getName() + " has no field '" + name
				+ "': the engine changed; adjust PersonCommandGuard");
	}

}
