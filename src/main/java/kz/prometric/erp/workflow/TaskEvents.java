package kz.prometric.erp.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Facts about user tasks of business processes, published in the engine's transaction
 * that created or assigned the task ({@link TaskNotices}); the notification module tells
 * the people concerned once it commits. They carry the engine's names of people and
 * groups as they are (read from the task, no query in the engine's transaction);
 * {@link TaskCandidates} turns them into the workspace's members. Tasks of processes
 * outside a workspace (no tenant) publish nothing.
 */
public final class TaskEvents {

	private TaskEvents() {
	}

	/**
	 * A task was assigned to {@code assignee} (the engine's user id: his e-mail) by
	 * someone else (the engine, a process rule, another person): not when he claimed it
	 * himself.
	 */
	public record TaskAssigned(UUID workspaceId, String taskId, String taskName, String processKey, String taskKey,
			String businessKey, String assignee, Instant occurredAt) {
	}

	/**
	 * A task was created without an assignee and offered to its candidate groups (a
	 * workspace role such as {@code <ws>:manager}, a team) and candidate users (e-mails).
	 */
	public record TaskOffered(UUID workspaceId, String taskId, String taskName, String processKey, String taskKey,
			String businessKey, List<String> candidateGroups, List<String> candidateUsers, Instant occurredAt) {
	}

}
