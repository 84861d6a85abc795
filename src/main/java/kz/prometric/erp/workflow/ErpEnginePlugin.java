package kz.prometric.erp.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Plugs the ERP into the engine: its users, groups and tenants come from the ERP, and
 * process instances get their workspace as tenant.
 */
@Component
class ErpEnginePlugin extends AbstractProcessEnginePlugin {

	private final EngineDirectory directory;

	ErpEnginePlugin(EngineDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new ErpIdentityProvider.Factory(this.directory));
		configuration.setTenantIdProvider(new WorkspaceTenantIdProvider());
	}

}
