package kz.prometric.erp.workflow;

import java.util.UUID;

import kz.prometric.erp.organization.TeamWork;
import org.camunda.bpm.engine.TaskService;

import org.springframework.stereotype.Component;

/**
 * Counts a team's open tasks in the engine, so a team with work offered to it is not
 * deleted from under that work.
 */
@Component
class EngineTeamWork implements TeamWork {

	private final TaskService tasks;

	EngineTeamWork(TaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public long openTasks(UUID workspaceId, String engineGroupId) {
		return this.tasks.createTaskQuery()
			.tenantIdIn(workspaceId.toString())
			.taskCandidateGroup(engineGroupId)
			.includeAssignedTasks()
			.count();
	}

}
