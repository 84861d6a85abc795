package kz.prometric.erp.hr.process;

import java.math.BigDecimal;

import kz.prometric.erp.hr.OffboardingManagement;
import kz.prometric.erp.hr.OffboardingStep;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * When an offboarding task is completed, the ERP records what its form says (confirmed,
 * the settlement amount, the note) and who completed it: the engine's authenticated user,
 * never a variable anyone submitted. A refused value (a negative amount) refuses the
 * completion.
 */
@Component
class OffboardingTaskDoneListener implements TaskListener {

	private final OffboardingManagement offboarding;

	OffboardingTaskDoneListener(OffboardingManagement offboarding) {
		this.offboarding = offboarding;
	}

	@Override
	public void notify(DelegateTask task) {
		OffboardingStep step = EmployeeOffboarding.step(task.getTaskDefinitionKey());
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String doneBy = (current != null) ? current.getUserId() : null;
		switch (step) {
			case RETURN_EQUIPMENT -> this.offboarding.taskDone(EmployeeOffboarding.instance(task.getExecution()), step,
					flag(task.getVariable(EmployeeOffboarding.VAR_EQUIPMENT_RETURNED)), null,
					text(task.getVariable(EmployeeOffboarding.VAR_EQUIPMENT_NOTE)), doneBy);
			case FINAL_SETTLEMENT -> this.offboarding.taskDone(EmployeeOffboarding.instance(task.getExecution()), step,
					flag(task.getVariable(EmployeeOffboarding.VAR_SETTLEMENT_PAID)),
					decimal(task.getVariable(EmployeeOffboarding.VAR_SETTLEMENT_AMOUNT)),
					text(task.getVariable(EmployeeOffboarding.VAR_SETTLEMENT_NOTE)), doneBy);
			case SIGN_LEAVING_DOCUMENTS -> this.offboarding.taskDone(EmployeeOffboarding.instance(task.getExecution()),
					step, flag(task.getVariable(EmployeeOffboarding.VAR_DOCUMENTS_SIGNED)), null,
					text(task.getVariable(EmployeeOffboarding.VAR_DOCUMENTS_NOTE)), doneBy);
		}
	}

	private static boolean flag(Object value) {
		return Boolean.TRUE.equals(value) || (value instanceof String s && Boolean.parseBoolean(s.strip()));
	}

	private static String text(Object value) {
		return (value == null) ? null : value.toString();
	}

	private static BigDecimal decimal(Object value) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number || value instanceof String) {
			try {
				return new BigDecimal(value.toString().strip());
			}
			catch (NumberFormatException ex) {
				throw new BusinessRuleViolation(EmployeeOffboarding.VAR_SETTLEMENT_AMOUNT, "must be a number");
			}
		}
		throw new BusinessRuleViolation(EmployeeOffboarding.VAR_SETTLEMENT_AMOUNT, "must be a number");
	}

}
