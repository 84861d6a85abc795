package kz.prometric.erp.hr.process;

import kz.prometric.erp.hr.OffboardingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Every offboarding task is done and the last day is over: the employee has left. */
@Component
class OffboardingRecordLeftDelegate implements JavaDelegate {

	private final OffboardingManagement offboarding;

	OffboardingRecordLeftDelegate(OffboardingManagement offboarding) {
		this.offboarding = offboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.offboarding.employeeLeft(EmployeeOffboarding.instance(execution));
	}

}
