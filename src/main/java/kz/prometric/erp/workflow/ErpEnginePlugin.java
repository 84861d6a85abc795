package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringExpressionManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Plugs the ERP into the engine: its users, groups and tenants come from the ERP, process
 * instances get their workspace as tenant, and what a person may ask of the engine is
 * limited by {@link PersonCommandGuard}, and every user task of a business process is
 * named after its object, due and prioritised as the business says
 * ({@link BusinessTasks}); who may deploy what into which workspace, and what a
 * deployment may contain, is checked by {@link DeploymentGuard}; expressions in processes
 * reach only the beans {@link ProcessBeans} allows.
 */
@Component
class ErpEnginePlugin extends AbstractProcessEnginePlugin {

	private final EngineDirectory directory;

	private final ObjectMapper mapper;

	private final ObjectProvider<BusinessTasks> businessTasks;

	private final ObjectProvider<DeploymentGuard> deploymentGuard;

	private final ObjectProvider<TaskNotices> taskNotices;

	private final ApplicationContext context;

	private final ProcessBeans processBeans;

	ErpEnginePlugin(EngineDirectory directory, ObjectMapper mapper, ObjectProvider<BusinessTasks> businessTasks,
			ObjectProvider<DeploymentGuard> deploymentGuard, ObjectProvider<TaskNotices> taskNotices,
			ApplicationContext context, ProcessBeans processBeans) {
		this.directory = directory;
		this.mapper = mapper;
		this.businessTasks = businessTasks;
		this.deploymentGuard = deploymentGuard;
		this.taskNotices = taskNotices;
		this.context = context;
		this.processBeans = processBeans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new ErpIdentityProvider.Factory(this.directory));
		configuration.setTenantIdProvider(new WorkspaceTenantIdProvider());
		// the starter's expression manager sees every bean; this one only the allowed
		configuration
			.setExpressionManager(new SpringExpressionManager(this.context, this.processBeans.expressionBeans()));
		List<BpmnParseListener> parseListeners = (configuration.getCustomPostBPMNParseListeners() != null)
				? new ArrayList<>(configuration.getCustomPostBPMNParseListeners()) : new ArrayList<>();
		parseListeners.add(new BusinessTaskParseListener(this.businessTasks::getObject, this.taskNotices::getObject));
		configuration.setCustomPostBPMNParseListeners(parseListeners);
		PersonCommandGuard guard = new PersonCommandGuard(configuration, this.mapper);
		configuration.setCustomPreCommandInterceptorsTxRequired(
				first(guard.outermostMarker(), configuration.getCustomPreCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequired(
				last(guard.checker(), configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequired(
				last(DeploymentGuard.interceptor(this.deploymentGuard::getObject),
						configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				first(guard.outermostMarker(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				last(guard.checker(), configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDmnEngine(new DecisionResultCache(configuration.getDmnEngine()));
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
