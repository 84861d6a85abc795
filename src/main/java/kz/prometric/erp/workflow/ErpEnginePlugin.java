package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * Plugs the ERP into the engine: its users, groups and tenants come from the ERP, process
 * instances get their workspace as tenant, and what a person may ask of the engine is
 * limited by {@link PersonCommandGuard}.
 */
@Component
class ErpEnginePlugin extends AbstractProcessEnginePlugin {

	private final EngineDirectory directory;

	private final ObjectMapper mapper;

	ErpEnginePlugin(EngineDirectory directory, ObjectMapper mapper) {
		this.directory = directory;
		this.mapper = mapper;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new ErpIdentityProvider.Factory(this.directory));
		configuration.setTenantIdProvider(new WorkspaceTenantIdProvider());
		PersonCommandGuard guard = new PersonCommandGuard(configuration, this.mapper);
		configuration.setCustomPreCommandInterceptorsTxRequired(
				first(guard.outermostMarker(), configuration.getCustomPreCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequired(
				last(guard.checker(), configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				first(guard.outermostMarker(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				last(guard.checker(), configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
	}

	private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> others) {
		List<CommandInterceptor> all = new ArrayList<>();
		all.add(interceptor);
		if (others != null) {
			all.addAll(others);
		}
		return all;
	}

	private static List<CommandInterceptor> last(CommandInterceptor interceptor, List<CommandInterceptor> others) {
		List<CommandInterceptor> all = (others != null) ? new ArrayList<>(others) : new ArrayList<>();
		all.add(interceptor);
		return all;
	}

}
