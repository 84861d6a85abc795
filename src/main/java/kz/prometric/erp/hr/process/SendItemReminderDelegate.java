package kz.prometric.erp.hr.process;

import java.util.ArrayList;
import java.util.List;

import kz.prometric.erp.hr.OnboardingManagement;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * "Remind and notify the manager": the item is overdue and its task still open; the
 * people who may work it (its assignee, or its candidate group's members) get a reminder
 * and the employee's manager a notice, by e-mail after commit. The task keeps running.
 */
@Component
class SendItemReminderDelegate implements JavaDelegate {

	private final OnboardingManagement onboarding;

	SendItemReminderDelegate(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = String.valueOf(execution.getVariable(EmployeeOnboarding.VAR_ITEM_CODE));
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		String assignee = null;
		List<String> groups = new ArrayList<>();
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(EmployeeOnboarding.TASK_COMPLETE_ITEM)
			.list()) {
			if (code.equals(String.valueOf(tasks.getVariable(task.getId(), EmployeeOnboarding.VAR_ITEM_CODE)))) {
				assignee = task.getAssignee();
				for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
					if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
						groups.add(link.getGroupId());
					}
				}
			}
		}
		this.onboarding.remindItem(EmployeeOnboarding.instance(execution), code, assignee, groups);
	}

}
