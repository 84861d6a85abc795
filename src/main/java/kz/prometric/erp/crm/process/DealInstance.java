package kz.prometric.erp.crm.process;

import java.util.UUID;

import kz.prometric.erp.crm.DealManagement.DealTaskView;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The deal a deal-lifecycle instance was bound to when it started: its business key (the
 * deal id) in its tenant (the workspace). Nothing a user can write (variables such as
 * {@code dealId} or {@code workspaceId}) is read to find it.
 */
record DealInstance(UUID workspaceId, UUID dealId) {

	static DealInstance of(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		String businessKey = execution.getProcessBusinessKey();
		if (tenant == null || businessKey == null) {
			// a technical fault: every deal-lifecycle instance is started with both
			throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
					+ " is bound to no deal (tenant " + tenant + ", business key " + businessKey + ")");
		}
		return new DealInstance(UUID.fromString(tenant), UUID.fromString(businessKey));
	}

	/**
	 * Refreshes the display copies the forms show, and the routing variables, from the
	 * deal as it is now.
	 */
	static void show(VariableScope scope, DealTaskView deal) {
		scope.setVariable(DealLifecycle.VAR_DEAL_TITLE, deal.title());
		scope.setVariable(DealLifecycle.VAR_CUSTOMER_NAME, deal.customerName());
		scope.setVariable(DealLifecycle.VAR_DEAL_VALUE, deal.value().doubleValue());
		scope.setVariable(DealLifecycle.VAR_MAX_DISCOUNT, deal.maxDiscountPercent().doubleValue());
		scope.setVariable(DealLifecycle.VAR_ASSIGNEE, deal.assigneeEmail());
		scope.setVariable(DealLifecycle.VAR_STAGE, deal.stage().name());
	}

}
