package kz.prometric.erp.workflow;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.workflow.TaskEvents.TaskAssigned;
import kz.prometric.erp.workflow.TaskEvents.TaskOffered;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * its commit). The engine calls {@link #created} after a task's own create listeners
 * (which may set its assignee or candidates) and {@link #assigned} whenever its assignee
 * is set ({@link BusinessTaskParseListener}).
 */
@Component
class TaskNotices {

	private final ApplicationEventPublisher events;

	private final EngineDirectory directory;

	private final IdentityManagement identity;

	private final WorkspaceManagement workspaces;

	private final Clock clock;

	TaskNotices(ApplicationEventPublisher events, EngineDirectory directory, IdentityManagement identity,
			WorkspaceManagement workspaces, Clock clock) {
		this.events = events;
		this.directory = directory;
		this.identity = identity;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	/** The create listener the engine adds after each user task's own listeners. */
	TaskListener createListener() {
		return this::created;
	}

	/** The assignment listener the engine adds to each user task. */
	TaskListener assignmentListener() {
		return this::assigned;
	}

	void created(DelegateTask task) {
		UUID workspaceId = workspaceOf(task);
		if (workspaceId == null || task.getAssignee() != null) {
			return;
		}
		Set<UUID> members = memberIds(workspaceId);
		Set<UUID> candidates = new LinkedHashSet<>();
		Set<String> emails = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getGroupId() != null) {
				candidates.addAll(this.directory.userIdsInGroup(link.getGroupId()));
			}
			if (link.getUserId() != null) {
				emails.add(link.getUserId());
			}
		}
		if (!emails.isEmpty()) {
			this.identity.findAllByEmail(emails).stream().map(UserAccount::id).forEach(candidates::add);
		}
		candidates.retainAll(members);
		if (candidates.isEmpty()) {
			return;
		}
		this.events.publishEvent(new TaskOffered(workspaceId, task.getId(), task.getName(), processKey(task),
				task.getTaskDefinitionKey(), businessKey(task), List.copyOf(candidates), this.clock.instant()));
	}

	void assigned(DelegateTask task) {
		UUID workspaceId = workspaceOf(task);
		String assignee = task.getAssignee();
		if (workspaceId == null || assignee == null || assignee.equalsIgnoreCase(authenticatedUser())) {
			return;
		}
		this.identity.findByEmail(assignee)
			.filter(user -> memberIds(workspaceId).contains(user.id()))
			.ifPresent(user -> this.events
				.publishEvent(new TaskAssigned(workspaceId, task.getId(), task.getName(), processKey(task),
						task.getTaskDefinitionKey(), businessKey(task), user.id(), this.clock.instant())));
	}

	private Set<UUID> memberIds(UUID workspaceId) {
		Set<UUID> ids = new LinkedHashSet<>();
		this.workspaces.membershipsIn(workspaceId).stream().map(WorkspaceMembership::userId).forEach(ids::add);
		return ids;
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
