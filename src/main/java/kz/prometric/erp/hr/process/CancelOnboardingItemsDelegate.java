package kz.prometric.erp.hr.process;

import kz.prometric.erp.hr.OnboardingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Cancel open items": employment ends while the onboarding runs (message
 * {@code EmploymentEnding}); the open items are recorded as cancelled.
 */
@Component
class CancelOnboardingItemsDelegate implements JavaDelegate {

	private final OnboardingManagement onboarding;

	CancelOnboardingItemsDelegate(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.onboarding.stopOnboarding(EmployeeOnboarding.instance(execution));
	}

}
