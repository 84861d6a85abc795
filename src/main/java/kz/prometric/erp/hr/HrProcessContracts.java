package kz.prometric.erp.hr;

import java.util.Set;

import kz.prometric.erp.hr.process.EmployeeOnboarding;

import kz.prometric.erp.hr.process.EmployeeOffboarding;

import kz.prometric.erp.workflow.ProcessContract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module's code relies on in its processes ({@link ProcessContract}): a
 * workspace's own version of them must keep it.
 */
@Configuration(proxyBeanMethods = false)
class HrProcessContracts {

	@Bean
	ProcessContract employeeOnboardingContract() {
		return new ProcessContract(EmployeeOnboarding.PROCESS_KEY, Set.of(EmployeeOnboarding.MESSAGE_EMPLOYMENT_ENDING),
				Set.of(EmployeeOnboarding.TASK_COMPLETE_ITEM, EmployeeOnboarding.TASK_REVIEW_PROBATION),
				Set.of(EmployeeOnboarding.VAR_ITEM_CODE, EmployeeOnboarding.VAR_ITEM_OUTCOME,
						EmployeeOnboarding.VAR_ITEM_NOTE, EmployeeOnboarding.VAR_PROBATION_DECISION,
						EmployeeOnboarding.VAR_EXTEND_MONTHS, EmployeeOnboarding.VAR_LAST_DAY,
						EmployeeOnboarding.VAR_PROBATION_NOTE));
	}

	@Bean
	ProcessContract employeeOffboardingContract() {
		return new ProcessContract(EmployeeOffboarding.PROCESS_KEY, Set.of(),
				Set.of(EmployeeOffboarding.TASK_RETURN_EQUIPMENT, EmployeeOffboarding.TASK_FINAL_SETTLEMENT,
						EmployeeOffboarding.TASK_SIGN_LEAVING_DOCUMENTS),
				Set.of(EmployeeOffboarding.VAR_EQUIPMENT_RETURNED, EmployeeOffboarding.VAR_EQUIPMENT_NOTE,
						EmployeeOffboarding.VAR_SETTLEMENT_PAID, EmployeeOffboarding.VAR_SETTLEMENT_AMOUNT,
						EmployeeOffboarding.VAR_SETTLEMENT_NOTE, EmployeeOffboarding.VAR_DOCUMENTS_SIGNED,
						EmployeeOffboarding.VAR_DOCUMENTS_NOTE));
	}

}
