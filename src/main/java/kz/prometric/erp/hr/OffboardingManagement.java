package kz.prometric.erp.hr;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Ending employment: the employee becomes LEAVING and {@code employee-offboarding} runs
 * to his last day, when his membership of this workspace ends.
 */
@Service
public class OffboardingManagement {

	/**
	 * Ends an employee's employment after {@code lastDay} (REST, admins): stops a running
	 * onboarding and starts the offboarding.
	 */
	public EmployeeView endEmployment(UUID organizationId, UUID callerId, UUID employeeId, LocalDate lastDay,
			String reason) {
		throw new UnsupportedOperationException("offboarding: in progress");
	}

	/**
	 * Starts the offboarding of an employee whose probation the manager ended (called by
	 * the onboarding process, which ends itself); a second call for the same employee
	 * starts nothing.
	 */
	public void startOffboarding(UUID workspaceId, UUID employeeId, LocalDate lastDay, String reason) {
		throw new UnsupportedOperationException("offboarding: in progress");
	}

}
