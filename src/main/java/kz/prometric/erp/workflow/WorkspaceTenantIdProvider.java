package kz.prometric.erp.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Every process instance of a shared definition (deployed without a tenant) belongs to
 * the workspace given by its {@code workspaceId} start variable, or inherits its
 * parent's. An instance without one is refused: a tenant-less instance would be visible
 * to every workspace. An instance of a workspace's own definition (a tenant deployment,
 * chosen by {@link WorkspaceDefinitions}) takes the definition's tenant from the engine
 * itself, which then does not ask this provider.
 */
class WorkspaceTenantIdProvider implements TenantIdProvider {

	static final String VAR_WORKSPACE_ID = "workspaceId";

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
		if (context.getSuperExecution() != null) {
			return context.getSuperExecution().getTenantId();
		}
		Object workspaceId = (context.getVariables() != null) ? context.getVariables().get(VAR_WORKSPACE_ID) : null;
		if (workspaceId == null) {
			throw new ProcessEngineException("Every process instance belongs to a workspace: start "
					+ context.getProcessDefinition().getKey() + " with the variable '" + VAR_WORKSPACE_ID + "'");
		}
		try {
			return UUID.fromString(workspaceId.toString()).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new ProcessEngineException("'" + VAR_WORKSPACE_ID + "' must be a workspace id (UUID)");
		}
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
		if (context.getExecution() != null) {
			return context.getExecution().getTenantId();
		}
		return null;
	}

}
