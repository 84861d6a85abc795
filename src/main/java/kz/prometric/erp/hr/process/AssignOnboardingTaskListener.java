package kz.prometric.erp.hr.process;

import java.time.OffsetDateTime;
import java.util.Date;

import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.hr.OnboardingManagement.Assignment;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * On creating an onboarding task: an item's task is named after the item, due when the
 * item is due, and goes to whoever the ERP decides now (team, manager or employee, with
 * their fallbacks); the probation review goes to the manager, due when the probation
 * ends.
 */
@Component
class AssignOnboardingTaskListener implements TaskListener {

	private final OnboardingManagement onboarding;

	AssignOnboardingTaskListener(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void notify(DelegateTask task) {
		Assignment assignment;
		if (EmployeeOnboarding.TASK_COMPLETE_ITEM.equals(task.getTaskDefinitionKey())) {
			String code = String.valueOf(task.getVariable(EmployeeOnboarding.VAR_ITEM_CODE));
			assignment = this.onboarding.assignItem(EmployeeOnboarding.instance(task.getExecution()), code);
			task.setName(String.valueOf(task.getVariable(EmployeeOnboarding.VAR_ITEM_TITLE)));
			task.setDueDate(date(task.getVariable(EmployeeOnboarding.VAR_ITEM_DUE_AT)));
		}
		else {
			assignment = this.onboarding.assignProbationReview(EmployeeOnboarding.instance(task.getExecution()));
			task.setDueDate(date(task.getVariable(EmployeeOnboarding.VAR_PROBATION_REVIEW_AT)));
		}
		if (assignment.assignee() != null) {
			task.setAssignee(assignment.assignee());
		}
		else {
			task.addCandidateGroup(assignment.candidateGroup());
		}
	}

	private static Date date(Object isoDateTime) {
		return (isoDateTime == null) ? null : Date.from(OffsetDateTime.parse(isoDateTime.toString()).toInstant());
	}

}
