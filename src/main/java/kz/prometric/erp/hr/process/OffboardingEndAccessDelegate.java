package kz.prometric.erp.hr.process;

import kz.prometric.erp.hr.OffboardingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The last day is over: the employee's membership of this workspace ends (his other
 * workspaces stay).
 */
@Component
class OffboardingEndAccessDelegate implements JavaDelegate {

	private final OffboardingManagement offboarding;

	OffboardingEndAccessDelegate(OffboardingManagement offboarding) {
		this.offboarding = offboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.offboarding.endAccess(EmployeeOffboarding.instance(execution));
	}

}
