package kz.prometric.erp.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Facts about user tasks of business processes, published in the engine's transaction
 * that created or assigned the task ({@link TaskNotices}); the notification module tells
 * the people concerned once it commits. Tasks of processes outside a workspace (no
 * tenant) publish nothing.
 */
public final class TaskEvents {

	private TaskEvents() {
	}

	/**
	 * A task was assigned to a member of the task's workspace by someone else (the
	 * engine, a process rule, another person): not when he claimed it himself.
	 */
	public record TaskAssigned(UUID workspaceId, String taskId, String taskName, String processKey, String taskKey,
			String businessKey, UUID assigneeId, Instant occurredAt) {
	}

	/**
	 * A task was created without an assignee and offered to the members of its candidate
	 * groups (a workspace role, a team) and its candidate users: {@code candidateIds},
	 * the members of the task's workspace among them.
	 */
	public record TaskOffered(UUID workspaceId, String taskId, String taskName, String processKey, String taskKey,
			String businessKey, List<UUID> candidateIds, Instant occurredAt) {
	}

}
