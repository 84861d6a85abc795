package kz.prometric.erp.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ERP's task API: the process tasks of one workspace that the caller may work, with
 * their business context (the object the process works on, from the modules'
 * {@link ProcessSubjects}), their form's fields, claim, unclaim and completion, and the
 * history of an object's tasks.
 * <p>
 * Everything a person asks runs in the engine <em>as that person</em>: their engine user
 * id, groups and tenants are the engine's current authentication for the call, so the
 * engine's authorizations and tenant checks and {@link PersonCommandGuard} (only the
 * form's fields, validated as the form declares them) apply exactly as in Tasklist and on
 * the engine REST API. Reading the context of tasks the person may see (process names,
 * business keys, candidate groups) runs as the ERP.
 * <p>
 * A caller outside the workspace, a task of another workspace and a task the caller is
 * neither assignee nor candidate of (directly or through a role or team group) are all
 * 404.
 */
@Service
public class TaskManagement {

	private static final String TASKLIST_URL = "/camunda/app/tasklist/default/#/?task=";

	private static final String COMPLETED = "completed";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final HistoryService history;

	private final IdentityService identityService;

	private final ProcessEngineConfigurationImpl engine;

	private final EngineDirectory directory;

	private final IdentityManagement identity;

	private final WorkspaceManagement workspaces;

	private final TeamManagement teams;

	private final ObjectMapper mapper;

	private final TaskForms forms;

	private final BusinessTasks businessTasks;

	private final CandidateGroups candidateGroups;

	private final Map<String, ProcessSubjects> subjectsByKind = new HashMap<>();

	private final Map<String, ProcessSubjects> subjectsByProcess = new HashMap<>();

	TaskManagement(TaskService tasks, RuntimeService runtime, RepositoryService repository, HistoryService history,
			IdentityService identityService, ProcessEngineConfigurationImpl engine, EngineDirectory directory,
			IdentityManagement identity, WorkspaceManagement workspaces, TeamManagement teams, ObjectMapper mapper,
			List<ProcessSubjects> subjects, BusinessTasks businessTasks, CandidateGroups candidateGroups) {
		this.businessTasks = businessTasks;
		this.candidateGroups = candidateGroups;
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.history = history;
		this.identityService = identityService;
		this.engine = engine;
		this.directory = directory;
		this.identity = identity;
		this.workspaces = workspaces;
		this.teams = teams;
		this.mapper = mapper;
		this.forms = new TaskForms(mapper);
		for (ProcessSubjects kind : subjects) {
			if (this.subjectsByKind.put(kind.kind(), kind) != null) {
				throw new IllegalStateException("Two ProcessSubjects beans of kind " + kind.kind());
			}
			kind.processKeys().forEach(key -> this.subjectsByProcess.put(key, kind));
		}
	}

	// queries

	/**
	 * The workspace's open tasks the caller may work, filtered and sorted
	 * ({@code dueDate} by default, ascending, tasks without a due date last;
	 * {@code priority}, {@code createdAt}, {@code name}).
	 */
	public PageResult<TaskView> tasks(UUID workspaceId, UUID callerId, TaskFilter filter, PageQuery page) {
		Caller caller = caller(workspaceId, callerId);
		TaskFilter f = (filter != null) ? filter : new TaskFilter(null, null, null, null, null);
		Optional<String> businessKey = Optional.empty();
		ProcessSubjects kind = null;
		if (f.objectKind() != null || f.objectId() != null) {
			if (f.objectKind() == null || f.objectId() == null) {
				throw new InvalidInputException((f.objectKind() == null) ? "objectKind" : "objectId",
						"objectKind and objectId go together");
			}
			kind = kind(f.objectKind());
			businessKey = kind.businessKeyOf(workspaceId, f.objectId());
			if (businessKey.isEmpty()) {
				return new PageResult<>(List.of(), page.page(), page.size(), 0);
			}
		}
		Scope scope = (f.scope() != null) ? f.scope() : Scope.ALL;
		ProcessSubjects objectKind = kind;
		String key = businessKey.orElse(null);
		Found found = asPerson(caller, () -> {
			TaskQuery query = query(caller, scope, f, objectKind, key);
			sort(query, page);
			List<Task> tasks = query.listPage((page.page() - 1) * page.size(), page.size());
			return new Found(tasks, total(page, tasks.size(), query::count));
		});
		return new PageResult<>(views(workspaceId, found.tasks()), page.page(), page.size(), found.total());
	}

	/** One task the caller may work, with its form's fields and their current values. */
	public TaskDetail task(UUID workspaceId, UUID callerId, String taskId) {
		Caller caller = caller(workspaceId, callerId);
		Task task = visibleTask(caller, taskId);
		TaskView view = views(workspaceId, List.of(task)).get(0);
		return new TaskDetail(view, formFields(task.getId()));
	}

	/** The caller takes the task; 409 when someone else has it. */
	@Transactional
	public void claim(UUID workspaceId, UUID callerId, String taskId) {
		Caller caller = caller(workspaceId, callerId);
		Task task = visibleTask(caller, taskId);
		if (caller.userId().equals(task.getAssignee())) {
			return;
		}
		requireUnassigned(task);
		asPerson(caller, () -> {
			try {
				this.tasks.claim(task.getId(), caller.userId());
			}
			catch (TaskAlreadyClaimedException | OptimisticLockingException ex) {
				throw new ConflictException("The task was just taken by someone else");
			}
			return null;
		});
	}

	/** The caller gives the task back to its candidates; 409 when someone else has it. */
	@Transactional
	public void unclaim(UUID workspaceId, UUID callerId, String taskId) {
		Caller caller = caller(workspaceId, callerId);
		Task task = visibleTask(caller, taskId);
		if (task.getAssignee() == null) {
			return;
		}
		if (!caller.userId().equals(task.getAssignee())) {
			throw new ConflictException("The task is assigned to someone else");
		}
		asPerson(caller, () -> {
			this.tasks.claim(task.getId(), null);
			return null;
		});
	}

	/**
	 * Completes the task with its form's fields, as the caller (an unassigned task is
	 * claimed first, in the same transaction, so the history shows who did it). A value
	 * the form does not accept is 422 naming the field, and nothing changes; 409 when
	 * someone else has the task.
	 */
	@Transactional
	public void complete(UUID workspaceId, UUID callerId, String taskId, Map<String, Object> variables) {
		Caller caller = caller(workspaceId, callerId);
		Task task = visibleTask(caller, taskId);
		if (!caller.userId().equals(task.getAssignee())) {
			requireUnassigned(task);
		}
		Map<String, Object> values = engineValues(variables);
		asPerson(caller, () -> {
			try {
				if (task.getAssignee() == null) {
					this.tasks.claim(task.getId(), caller.userId());
				}
				this.tasks.complete(task.getId(), values);
			}
			catch (TaskAlreadyClaimedException ex) {
				throw new ConflictException("The task was just taken by someone else");
			}
			catch (TaskFormInvalid ex) {
				throw new BusinessRuleViolation(ex.getMessage(), ex.violations());
			}
			catch (ProcessVariablesRefused ex) {
				throw new BusinessRuleViolation(ex.getMessage(),
						ex.refusedVariables()
							.stream()
							.map(name -> new FieldViolation(name, "is not an editable field of the task's form"))
							.toList());
			}
			return null;
		});
	}

	/**
	 * The tasks, open and finished, of the workspace's processes, or with
	 * {@code objectKind} and {@code objectId} of the processes working on one object;
	 * sorted by creation ({@code sort=createdAt[,desc]}, ascending by default). Any
	 * member of the workspace may read it; an object not in the workspace is 404.
	 */
	public PageResult<TaskHistoryEntry> history(UUID workspaceId, UUID callerId, String objectKind, UUID objectId,
			PageQuery page) {
		this.workspaces.requireMember(workspaceId, callerId);
		if (page.sortProperty() != null && !"createdAt".equals(page.sortProperty())) {
			throw new InvalidInputException("sort",
					"cannot sort by '" + page.sortProperty() + "'; allowed: [createdAt]");
		}
		HistoricTaskInstanceQuery query = this.history.createHistoricTaskInstanceQuery()
			.tenantIdIn(workspaceId.toString());
		List<String> keys = null;
		if (objectKind != null || objectId != null) {
			if (objectKind == null || objectId == null) {
				throw new InvalidInputException((objectKind == null) ? "objectKind" : "objectId",
						"objectKind and objectId go together");
			}
			ProcessSubjects kind = kind(objectKind);
			String businessKey = kind.businessKeyOf(workspaceId, objectId)
				.orElseThrow(() -> new NotFoundException(objectKind, objectId));
			keys = kind.processKeys().stream().sorted().toList();
			query.processInstanceBusinessKey(businessKey);
			if (keys.size() == 1) {
				query.processDefinitionKey(keys.get(0));
			}
		}
		query.orderByHistoricActivityInstanceStartTime();
		if (page.direction().isAscending()) {
			query.asc();
		}
		else {
			query.desc();
		}
		query.orderByTaskId().asc();
		List<HistoricTaskInstance> found;
		long total;
		if (keys == null || keys.size() == 1) {
			found = query.listPage((page.page() - 1) * page.size(), page.size());
			total = total(page, found.size(), query::count);
		}
		else {
			List<String> processKeys = keys;
			List<HistoricTaskInstance> all = query.list()
				.stream()
				.filter(t -> processKeys.contains(t.getProcessDefinitionKey()))
				.toList();
			int from = Math.min(all.size(), (page.page() - 1) * page.size());
			total = all.size();
			found = all.subList(from, Math.min(all.size(), from + page.size()));
		}
		Map<String, String> processNames = processNames(
				found.stream().map(HistoricTaskInstance::getProcessDefinitionId).toList());
		List<TaskHistoryEntry> entries = found.stream().map(t -> {
			String outcome = (t.getEndTime() == null) ? "open"
					: (COMPLETED.equals(t.getDeleteReason()) ? COMPLETED : "cancelled");
			return new TaskHistoryEntry(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessDefinitionKey(),
					processNames.get(t.getProcessDefinitionId()), t.getAssignee(),
					COMPLETED.equals(outcome) ? t.getAssignee() : null, instant(t.getStartTime()),
					instant(t.getEndTime()), instant(t.getDueDate()), outcome);
		}).toList();
		return new PageResult<>(entries, page.page(), page.size(), total);
	}

	/**
	 * For the module that owns an object: its open tasks take the object's current due
	 * date and priority ({@link ProcessSubjects#taskSetting}), e.g. after a deal's
	 * expected close date or value changed. An object not in the workspace changes
	 * nothing.
	 */
	@Transactional
	public void rescheduleTasksOf(UUID workspaceId, String objectKind, UUID objectId) {
		ProcessSubjects kind = kind(objectKind);
		kind.businessKeyOf(workspaceId, objectId)
			.ifPresent(businessKey -> this.businessTasks.reschedule(workspaceId, kind, businessKey));
	}

	// the caller

	private Caller caller(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		UserAccount user = this.identity.findById(callerId)
			.orElseThrow(() -> new NotFoundException("Workspace", workspaceId));
		EngineIdentity.Resolved resolved = this.directory.resolve(user)
			.orElseThrow(() -> new NotFoundException("Workspace", workspaceId));
		String prefix = workspaceId + ":";
		List<String> groups = resolved.groupIds().stream().filter(g -> g.startsWith(prefix)).toList();
		return new Caller(workspaceId, resolved, groups);
	}

	/**
	 * Runs {@code work} with the caller as the engine's authentication (restoring what
	 * the thread had before).
	 */
	private <T> T asPerson(Caller caller, Supplier<T> work) {
		Authentication previous = this.identityService.getCurrentAuthentication();
		this.identityService.setAuthentication(caller.resolved().userId(), caller.resolved().groupIds(),
				caller.resolved().tenantIds());
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				this.identityService.setAuthentication(previous);
			}
			else {
				this.identityService.clearAuthentication();
			}
		}
	}

	private TaskQuery query(Caller caller, Scope scope, TaskFilter filter, ProcessSubjects kind, String businessKey) {
		TaskQuery query = this.tasks.createTaskQuery().tenantIdIn(caller.workspaceId().toString()).active();
		switch (scope) {
			case MINE -> query.taskAssignee(caller.userId());
			// the engine adds to the group list it is given: a copy
			case TEAM -> query.taskCandidateGroupIn(new ArrayList<>(caller.groups()));
			default -> query.or()
				.taskAssignee(caller.userId())
				.taskCandidateUser(caller.userId())
				.taskCandidateGroupIn(new ArrayList<>(caller.groups()))
				.endOr();
		}
		if (filter.processKey() != null) {
			query.processDefinitionKey(filter.processKey());
		}
		if (filter.dueBefore() != null) {
			query.dueBefore(Date.from(filter.dueBefore()));
		}
		if (kind != null) {
			query.processInstanceBusinessKey(businessKey)
				.processDefinitionKeyIn(kind.processKeys().toArray(String[]::new));
		}
		return query.initializeFormKeys();
	}

	private static void sort(TaskQuery query, PageQuery page) {
		String property = (page.sortProperty() != null) ? page.sortProperty() : "dueDate";
		switch (property) {
			case "dueDate" -> query.orderByDueDate();
			case "priority" -> query.orderByTaskPriority();
			case "createdAt" -> query.orderByTaskCreateTime();
			case "name" -> query.orderByTaskName();
			default -> throw new InvalidInputException("sort",
					"cannot sort by '" + property + "'; allowed: [dueDate, priority, createdAt, name]");
		}
		if (page.direction().isAscending()) {
			query.asc();
		}
		else {
			query.desc();
		}
		query.orderByTaskId().asc();
	}

	/**
	 * The task if the caller may work it: in the workspace, visible to them in the
	 * engine, and assigned to them or offered to them or one of their groups; 404
	 * otherwise.
	 */
	private Task visibleTask(Caller caller, String taskId) {
		Task task = asPerson(caller,
				() -> this.tasks.createTaskQuery()
					.taskId(taskId)
					.tenantIdIn(caller.workspaceId().toString())
					.initializeFormKeys()
					.singleResult());
		if (task == null) {
			throw new NotFoundException("Task", taskId);
		}
		if (caller.userId().equals(task.getAssignee())) {
			return task;
		}
		boolean candidate = this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.anyMatch(link -> caller.userId().equals(link.getUserId())
					|| (link.getGroupId() != null && caller.groups().contains(link.getGroupId())));
		if (!candidate) {
			throw new NotFoundException("Task", taskId);
		}
		return task;
	}

	private static void requireUnassigned(Task task) {
		if (task.getAssignee() != null) {
			throw new ConflictException("The task is assigned to someone else");
		}
	}

	private ProcessSubjects kind(String objectKind) {
		ProcessSubjects kind = this.subjectsByKind.get(objectKind.toUpperCase(Locale.ROOT));
		if (kind == null) {
			throw new InvalidInputException("objectKind", "unknown kind '" + objectKind + "'; known: "
					+ this.subjectsByKind.keySet().stream().sorted().toList());
		}
		return kind;
	}

	// views (read as the ERP: the tasks are the caller's)

	private List<TaskView> views(UUID workspaceId, List<Task> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Map<String, ProcessDefinition> definitions = definitions(
				found.stream().map(Task::getProcessDefinitionId).toList());
		Map<String, String> processNames = new HashMap<>();
		Map<String, String> processKeys = new HashMap<>();
		definitions.forEach((id, d) -> {
			processNames.put(id, (d.getName() != null) ? d.getName() : d.getKey());
			processKeys.put(id, d.getKey());
		});
		Set<String> instanceIds = found.stream()
			.map(Task::getProcessInstanceId)
			.filter(id -> id != null)
			.collect(Collectors.toSet());
		Map<String, String> businessKeys = new HashMap<>();
		if (!instanceIds.isEmpty()) {
			this.runtime.createProcessInstanceQuery()
				.processInstanceIds(instanceIds)
				.list()
				.forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
		}
		// one describe call per kind of object
		Map<ProcessSubjects, Set<String>> keysByKind = new LinkedHashMap<>();
		for (Task task : found) {
			ProcessSubjects kind = this.subjectsByProcess.get(processKeys.get(task.getProcessDefinitionId()));
			String businessKey = businessKeys.get(task.getProcessInstanceId());
			if (kind != null && businessKey != null) {
				keysByKind.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(businessKey);
			}
		}
		Map<ProcessSubjects, Map<String, ProcessSubject>> described = new HashMap<>();
		keysByKind.forEach((kind, keys) -> described.put(kind, kind.describe(workspaceId, keys)));
		Map<String, List<String>> candidateGroups = this.candidateGroups.of(found.stream().map(Task::getId).toList());
		Map<String, String> groupNames = new HashMap<>();
		List<TaskView> views = new ArrayList<>();
		for (Task task : found) {
			String processKey = processKeys.get(task.getProcessDefinitionId());
			ProcessSubjects kind = this.subjectsByProcess.get(processKey);
			ProcessSubject subject = (kind != null)
					? described.getOrDefault(kind, Map.of()).get(businessKeys.get(task.getProcessInstanceId())) : null;
			List<CandidateGroup> groups = candidateGroups.getOrDefault(task.getId(), List.of())
				.stream()
				.map(id -> new CandidateGroup(id, groupNames.computeIfAbsent(id, g -> groupName(workspaceId, g))))
				.toList();
			String formKey = (task.getCamundaFormRef() != null) ? task.getCamundaFormRef().getKey() : task.getFormKey();
			views.add(new TaskView(task.getId(), task.getName(), processKey,
					processNames.get(task.getProcessDefinitionId()), task.getTaskDefinitionKey(), task.getAssignee(),
					groups, instant(task.getCreateTime()), instant(task.getDueDate()), instant(task.getFollowUpDate()),
					task.getPriority(), subject, formKey, TASKLIST_URL + task.getId()));
		}
		return views;
	}

	private Map<String, String> processNames(Collection<String> definitionIds) {
		Map<String, String> names = new HashMap<>();
		definitions(definitionIds).forEach((id, d) -> names.put(id, (d.getName() != null) ? d.getName() : d.getKey()));
		return names;
	}

	/**
	 * The process definitions by id, from the engine's deployment cache (a definition is
	 * read from the database once, not on every page).
	 */
	private Map<String, ProcessDefinition> definitions(Collection<String> definitionIds) {
		Map<String, ProcessDefinition> definitions = new HashMap<>();
		definitionIds.stream()
			.filter(id -> id != null)
			.distinct()
			.forEach(id -> definitions.put(id, this.repository.getProcessDefinition(id)));
		return definitions;
	}

	/**
	 * The total of a query whose page holds {@code found} rows: known without counting
	 * when the page is the first and not full (the common case of a short list).
	 */
	private static long total(PageQuery page, int found, LongSupplier count) {
		if (page.page() == 1 && found < page.size()) {
			return found;
		}
		return count.getAsLong();
	}

	/**
	 * A group as people read it: a role group by its role ("Managers": managers, admins
	 * and the owner), a team by its name.
	 */
	private String groupName(UUID workspaceId, String groupId) {
		String prefix = workspaceId + ":";
		if (!groupId.startsWith(prefix)) {
			return groupId;
		}
		String rest = groupId.substring(prefix.length());
		if (rest.startsWith("team:")) {
			String code = rest.substring("team:".length());
			return this.teams.teamByCode(workspaceId, code).map(TeamView::name).orElse(code);
		}
		try {
			return switch (WorkspaceRole.valueOf(rest.toUpperCase(Locale.ROOT))) {
				case OWNER -> "Owner";
				case ADMIN -> "Admins";
				case MANAGER -> "Managers";
				case MEMBER -> "Members";
			};
		}
		catch (IllegalArgumentException ex) {
			return rest;
		}
	}

	/** The form's fields with their current values (read in one engine command). */
	private List<FormFieldView> formFields(String taskId) {
		return this.engine.getCommandExecutorTxRequired().execute(context -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return List.<FormFieldView>of();
			}
			TaskForms.Declaration form = this.forms.of(task, context);
			List<FormFieldView> fields = new ArrayList<>();
			for (TaskForms.Field field : form.fields().values()) {
				TaskForms.Rules rules = field.rules();
				List<String> values = (field.options() != null) ? List.copyOf(field.options())
						: (field.valuesKey() != null)
								? TaskForms.optionsHeldIn(task.getVariable(field.valuesKey()), this.mapper) : null;
				fields.add(new FormFieldView(field.name(), (rules != null) ? rules.label() : null,
						(rules != null) ? rules.type() : "group", rules != null && rules.required(), !field.editable(),
						values, json(task.getVariableTyped(field.name(), false))));
			}
			return fields;
		});
	}

	/** A variable's value as JSON shows it. */
	private static Object json(TypedValue value) {
		if (value == null) {
			return null;
		}
		if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
			return serializable.getValueSerialized();
		}
		Object plain = value.getValue();
		if (plain instanceof Date date) {
			return date.toInstant();
		}
		return plain;
	}

	/**
	 * Values from JSON as the engine keeps them: decimals as doubles (as Tasklist's
	 * number fields send them), lists and objects as JSON text.
	 */
	private Map<String, Object> engineValues(Map<String, Object> variables) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (variables == null) {
			return values;
		}
		variables.forEach((name, value) -> {
			if (name == null || name.isBlank()) {
				throw new InvalidInputException("variables", "a variable needs a name");
			}
			Object converted = value;
			if (value instanceof java.math.BigDecimal decimal) {
				converted = decimal.doubleValue();
			}
			else if (value instanceof java.math.BigInteger big) {
				converted = big.longValue();
			}
			else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
				try {
					converted = this.mapper.writeValueAsString(value);
				}
				catch (JsonProcessingException ex) {
					throw new InvalidInputException("variables." + name, "is not a JSON value");
				}
			}
			values.put(name, converted);
		});
		return values;
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	// types

	/**
	 * {@code MINE}: assigned to the caller; {@code TEAM}: not yet taken, offered to a
	 * group of the caller (a role or team); {@code ALL}: both, and tasks offered to the
	 * caller by name.
	 */
	public enum Scope {

		MINE, TEAM, ALL

	}

	/** Filters of the task list; each may be null. */
	public record TaskFilter(Scope scope, String processKey, Instant dueBefore, String objectKind, UUID objectId) {
	}

	/** A group a task is offered to: its engine id and its name for people. */
	public record CandidateGroup(String id, String name) {
	}

	/** An open task with its business context. */
	public record TaskView(String id, String name, String processKey, String processName, String taskDefinitionKey,
			String assignee, List<CandidateGroup> candidateGroups, Instant createdAt, Instant dueDate,
			Instant followUpDate, int priority, ProcessSubject subject, String formKey, String tasklistUrl) {
	}

	/** A task with the fields of its form. */
	public record TaskDetail(@JsonUnwrapped TaskView task, List<FormFieldView> formFields) {
	}

	/**
	 * A field of a task's form: its variable ({@code key}), label, form-js type, whether
	 * it is required and read-only, its options (select, radio, checklist, taglist) and
	 * the variable's current value.
	 */
	public record FormFieldView(String key, String label, String type, boolean required, boolean readonly,
			List<String> values, Object value) {
	}

	/**
	 * A task of an object's processes: {@code outcome} {@code open}, {@code completed}
	 * (then {@code completedBy} is the person it was assigned to when completed; the task
	 * API and Tasklist assign a task to whoever completes it) or {@code cancelled} (the
	 * process went on without it: a boundary event, a message, the end of the instance).
	 */
	public record TaskHistoryEntry(String id, String name, String taskDefinitionKey, String processKey,
			String processName, String assignee, String completedBy, Instant createdAt, Instant endedAt,
			Instant dueDate, String outcome) {
	}

	private record Found(List<Task> tasks, long total) {
	}

	private record Caller(UUID workspaceId, EngineIdentity.Resolved resolved, List<String> groups) {

		String userId() {
			return this.resolved.userId();
		}

	}

}
