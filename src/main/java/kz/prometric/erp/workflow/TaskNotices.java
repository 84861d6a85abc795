package kz.prometric.erp.workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.prometric.erp.workflow.TaskEvents.TaskAssigned;
import kz.prometric.erp.workflow.TaskEvents.TaskOffered;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link TaskAssigned} and {@link TaskOffered} for the user tasks of workspace
 * processes, in the engine's transaction (so they are stored with it and handled after
 * its commit). It reads the task only, and queries nothing: who the names are is found
 * out after the commit ({@link TaskCandidates}). The engine calls {@link #created} after
 * a task's own create listeners (which may set its assignee or candidates) and
 * {@link #assigned} whenever its assignee is set ({@link BusinessTaskParseListener}).
 */
@Component
class TaskNotices {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskNotices(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	void created(DelegateTask task) {
		UUID workspaceId = workspaceOf(task);
		if (workspaceId == null || task.getAssignee() != null) {
			return;
		}
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getGroupId() != null && !groups.contains(link.getGroupId())) {
				groups.add(link.getGroupId());
			}
			if (link.getUserId() != null && !users.contains(link.getUserId())) {
				users.add(link.getUserId());
			}
		}
		if (groups.isEmpty() && users.isEmpty()) {
			return;
		}
		this.events.publishEvent(new TaskOffered(workspaceId, task.getId(), task.getName(), processKey(task),
				task.getTaskDefinitionKey(), businessKey(task), List.copyOf(groups), List.copyOf(users),
				this.clock.instant()));
	}

	void assigned(DelegateTask task) {
		UUID workspaceId = workspaceOf(task);
		String assignee = task.getAssignee();
		if (workspaceId == null || assignee == null || assignee.equalsIgnoreCase(authenticatedUser())) {
			return;
		}
		this.events.publishEvent(new TaskAssigned(workspaceId, task.getId(), task.getName(), processKey(task),
				task.getTaskDefinitionKey(), businessKey(task), assignee, this.clock.instant()));
	}

	/** Who asked the engine for the change (a claim in Tasklist), or null. */
	private static String authenticatedUser() {
		CommandContext context = Context.getCommandContext();
		return (context != null) ? context.getAuthenticatedUserId() : null;
	}

	private static UUID workspaceOf(DelegateTask task) {
		if (task.getTenantId() == null || !(task.getExecution() instanceof ExecutionEntity)) {
			return null;
		}
		try {
			return UUID.fromString(task.getTenantId());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String processKey(DelegateTask task) {
		ExecutionEntity execution = (ExecutionEntity) task.getExecution();
		return (execution.getProcessDefinition() != null) ? execution.getProcessDefinition().getKey() : null;
	}

	private static String businessKey(DelegateTask task) {
		return ((ExecutionEntity) task.getExecution()).getProcessBusinessKey();
	}

}
