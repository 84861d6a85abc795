package kz.prometric.erp.hr.process;

import kz.prometric.erp.hr.OnboardingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Remind the team, notify the manager": the item is overdue and its task still open; the
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
		this.onboarding.remindItem(EmployeeOnboarding.instance(execution),
				String.valueOf(execution.getVariable(EmployeeOnboarding.VAR_ITEM_CODE)));
	}

}
