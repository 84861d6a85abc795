package kz.prometric.erp.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the processes working on one business object stand, for the object's page: each
 * process with its state, the steps it waits in and the tasks open there (with the link
 * that opens them in Tasklist). Any member of the workspace may read it; an object not in
 * the workspace is 404.
 */
@Service
public class ProcessViews {

	static final String TASKLIST_TASK_URL = "/camunda/app/tasklist/default/#/?task=";

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final TaskService tasks;

	private final WorkspaceManagement workspaces;

	private final Map<String, ProcessSubjects> subjectsByKind = new HashMap<>();

	ProcessViews(RuntimeService runtime, HistoryService history, RepositoryService repository, TaskService tasks,
			WorkspaceManagement workspaces, List<ProcessSubjects> subjects) {
		this.runtime = runtime;
		this.history = history;
		this.repository = repository;
		this.tasks = tasks;
		this.workspaces = workspaces;
		subjects.forEach(kind -> this.subjectsByKind.put(kind.kind(), kind));
	}

	/** The processes of an object of the kind ({@code DEAL}, {@code ORDER}, ...). */
	@Transactional(readOnly = true)
	public ObjectProcesses forObject(UUID workspaceId, UUID callerId, String objectKind, UUID objectId) {
		this.workspaces.requireMember(workspaceId, callerId);
		ProcessSubjects kind = this.subjectsByKind.get(objectKind.toUpperCase(Locale.ROOT));
		if (kind == null) {
			throw new InvalidInputException("objectKind", "unknown kind '" + objectKind + "'");
		}
		String businessKey = kind.businessKeyOf(workspaceId, objectId)
			.orElseThrow(() -> new NotFoundException(objectKind, objectId));
		String tenant = workspaceId.toString();
		List<ProcessView> processes = new ArrayList<>();
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.tenantIdIn(tenant)
			.processInstanceBusinessKey(businessKey)
			.processDefinitionKeyIn(kind.processKeys().toArray(String[]::new))
			.orderByProcessInstanceStartTime()
			.asc()
			.list()) {
			processes.add(view(instance));
		}
		return new ObjectProcesses(objectKind.toUpperCase(Locale.ROOT), objectId, processes);
	}

	private ProcessView view(HistoricProcessInstance instance) {
		ProcessDefinition definition = this.repository.getProcessDefinition(instance.getProcessDefinitionId());
		boolean running = instance.getEndTime() == null;
		List<String> steps = new ArrayList<>();
		List<String> stepIds = new ArrayList<>();
		if (running) {
			ActivityInstance tree = this.runtime.getActivityInstance(instance.getId());
			if (tree != null) {
				collectLeaves(tree, steps, stepIds);
			}
		}
		List<OpenTask> open = running ? this.tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(ProcessViews::openTask)
			.toList() : List.of();
		String name = (definition.getName() != null) ? definition.getName() : definition.getKey();
		return new ProcessView(instance.getId(), definition.getKey(), name, definition.getVersion(), definition.getId(),
				instance.getState(), instance.getStartTime().toInstant(),
				(instance.getEndTime() != null) ? instance.getEndTime().toInstant() : null, steps, stepIds, open);
	}

	private static OpenTask openTask(Task task) {
		return new OpenTask(task.getId(), task.getName(), task.getAssignee(),
				(task.getDueDate() != null) ? task.getDueDate().toInstant() : null, TASKLIST_TASK_URL + task.getId());
	}

	private static void collectLeaves(ActivityInstance node, List<String> names, List<String> ids) {
		if (node.getChildActivityInstances().length == 0 && node.getChildTransitionInstances().length == 0) {
			names.add((node.getActivityName() != null) ? node.getActivityName() : node.getActivityId());
			ids.add(node.getActivityId());
			return;
		}
		for (var transition : node.getChildTransitionInstances()) {
			names.add(
					(transition.getActivityName() != null) ? transition.getActivityName() : transition.getActivityId());
			ids.add(transition.getActivityId());
		}
		java.util.Arrays.stream(node.getChildActivityInstances())
			.sorted(Comparator.comparing(ActivityInstance::getActivityId))
			.forEach(child -> collectLeaves(child, names, ids));
	}

	/** The processes of one object, oldest first. */
	public record ObjectProcesses(String objectKind, UUID objectId, List<ProcessView> processes) {

		public boolean isEmpty() {
			return this.processes.isEmpty();
		}

	}

	/**
	 * One process instance: {@code state} is the engine's ({@code ACTIVE},
	 * {@code COMPLETED}, {@code INTERNALLY_TERMINATED}, ...); {@code currentSteps} are
	 * the names of the steps it waits in, {@code currentStepIds} their BPMN ids.
	 */
	public record ProcessView(String instanceId, String processKey, String processName, int version,
			String definitionId, String state, Instant startedAt, Instant endedAt, List<String> currentSteps,
			List<String> currentStepIds, List<OpenTask> openTasks) {

		public boolean running() {
			return this.endedAt == null;
		}

	}

	/** A task waiting in the process, with the address that opens it in Tasklist. */
	public record OpenTask(String id, String name, String assignee, Instant due, String tasklistUrl) {
	}

}
