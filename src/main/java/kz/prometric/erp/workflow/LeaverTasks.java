package kz.prometric.erp.workflow;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.MemberLeft;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When someone leaves a workspace, the open tasks assigned to him there go back to their
 * candidates (the managers, a team), in the leaving transaction: he can no longer work
 * them, and they would otherwise stay with him where nobody else sees them. A task
 * offered to nobody else stays as it is.
 */
@Component
class LeaverTasks {

	private final TaskService tasks;

	private final IdentityManagement identity;

	LeaverTasks(TaskService tasks, IdentityManagement identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	@EventListener
	void on(MemberLeft left) {
		String userId = this.identity.findById(left.userId()).map(UserAccount::email).orElse(null);
		if (userId == null) {
			return;
		}
		for (Task task : this.tasks.createTaskQuery()
			.tenantIdIn(left.workspaceId().toString())
			.taskAssignee(userId)
			.list()) {
			boolean offeredToOthers = this.tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
						&& (link.getGroupId() != null || !userId.equals(link.getUserId())));
			if (offeredToOthers) {
				this.tasks.setAssignee(task.getId(), null);
			}
		}
	}

}
