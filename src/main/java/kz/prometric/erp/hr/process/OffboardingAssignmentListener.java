package kz.prometric.erp.hr.process;

import kz.prometric.erp.hr.OffboardingManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * When an offboarding task is created, it goes to its team (IT, accounting or HR) if the
 * workspace has that team with members, otherwise to the workspace's admins.
 */
@Component
class OffboardingAssignmentListener implements TaskListener {

	private final OffboardingManagement offboarding;

	OffboardingAssignmentListener(OffboardingManagement offboarding) {
		this.offboarding = offboarding;
	}

	@Override
	public void notify(DelegateTask task) {
		task.addCandidateGroup(this.offboarding.candidateGroup(EmployeeOffboarding.instance(task.getExecution()),
				EmployeeOffboarding.step(task.getTaskDefinitionKey())));
	}

}
