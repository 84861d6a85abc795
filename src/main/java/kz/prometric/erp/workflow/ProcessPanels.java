package kz.prometric.erp.workflow;

import java.util.List;
import java.util.UUID;

import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.workflow.ProcessViews.ObjectProcesses;
import kz.prometric.erp.workflow.TaskManagement.TaskHistoryEntry;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * What the process panel of a page ({@code templates/workflow/process.html}) reads beside
 * the {@link ObjectProcesses} its controller gives it: the engine's task history of the
 * object, as the current user (a member of the workspace) may read it.
 */
@Component("processPanels")
public class ProcessPanels {

	/** How many of the latest task history entries a page shows. */
	public static final int HISTORY_SIZE = 100;

	private final TaskManagement tasks;

	ProcessPanels(TaskManagement tasks) {
		this.tasks = tasks;
	}

	/** The object's tasks, newest first (open, completed and cancelled). */
	public List<TaskHistoryEntry> history(UUID workspaceId, ObjectProcesses processes) {
		if (processes == null || processes.isEmpty()) {
			return List.of();
		}
		return this.tasks
			.history(workspaceId, CurrentUser.id(), processes.objectKind(), processes.objectId(),
					new PageQuery(1, HISTORY_SIZE, "createdAt", Sort.Direction.DESC))
			.items();
	}

}
