package kz.prometric.erp.workflow;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which definition a workspace uses: the one lookup every start, decision evaluation and
 * call activity goes through.
 * <p>
 * The files in {@code processes/}, {@code dmn/} and {@code forms/} are deployed without a
 * tenant: the shared defaults. A workspace's process owner may deploy its own version of
 * any of them as a deployment of the workspace's tenant ({@link WorkspaceDeployments});
 * such a deployment holds the files it changed, the workspace's other own newest files,
 * and copies of the shared forms under {@value WorkspaceDeployments#DEFAULTS} (processes
 * and tables the workspace did not change are not copied: they stay shared). For a key
 * and a workspace the lookup answers the workspace's id when the workspace's newest
 * definition of that key is its own (not a carried copy), else {@code null}: the shared
 * default, which then also follows every later change of the default.
 * <p>
 * The answer is cached per workspace for {@value #TTL_SECONDS} seconds; a deployment on
 * this node clears the workspace's entry when it commits, so another node sees a new
 * workspace version after at most that long.
 */
@Component("workspaceDefinitions")
public class WorkspaceDefinitions {

	static final long TTL_SECONDS = 10;

	private static final String OWN = """
			select 'P:' || d.key_ from act_re_procdef d
			 where d.tenant_id_ = ? and d.resource_name_ not like 'defaults/%'
			   and d.version_ = (select max(o.version_) from act_re_procdef o where o.key_ = d.key_ and o.tenant_id_ = d.tenant_id_)
			union
			select 'D:' || d.key_ from act_re_decision_def d
			 where d.tenant_id_ = ? and d.resource_name_ not like 'defaults/%'
			   and d.version_ = (select max(o.version_) from act_re_decision_def o where o.key_ = d.key_ and o.tenant_id_ = d.tenant_id_)
			""";

	private final RuntimeService runtime;

	private final DecisionService decisions;

	private final JdbcTemplate jdbc;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	WorkspaceDefinitions(RuntimeService runtime, DecisionService decisions, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.decisions = decisions;
		this.jdbc = jdbc;
	}

	/**
	 * The tenant whose process definition {@code key} a new instance of the workspace
	 * starts from: the workspace's id if it deployed its own version, else {@code null}
	 * (the shared default).
	 */
	public String processTenant(UUID workspaceId, String key) {
		return tenantOf(workspaceId, "P:" + key);
	}

	/** Like {@link #processTenant}, for a decision. */
	public String decisionTenant(UUID workspaceId, String key) {
		return tenantOf(workspaceId, "D:" + key);
	}

	/**
	 * For BPMN:
	 * {@code camunda:calledElementTenantId="${workspaceDefinitions.processTenant(execution,
	 * 'purchase-requisition')}"}. {@code null} makes the engine take the shared
	 * definition.
	 */
	public String processTenant(DelegateExecution execution, String key) {
		return processTenant(workspaceOf(execution), key);
	}

	/**
	 * For BPMN:
	 * {@code camunda:decisionRefTenantId="${workspaceDefinitions.decisionTenant(execution,
	 * 'deal-probability')}"}.
	 */
	public String decisionTenant(DelegateExecution execution, String key) {
		return decisionTenant(workspaceOf(execution), key);
	}

	/**
	 * A start of process {@code key} for the workspace, from the definition the lookup
	 * chooses. The instance's tenant is the workspace either way (the definition's, or
	 * the {@code workspaceId} variable's through {@link WorkspaceTenantIdProvider}).
	 */
	public ProcessInstantiationBuilder startProcess(String key, UUID workspaceId) {
		ProcessInstantiationBuilder builder = this.runtime.createProcessInstanceByKey(key);
		String tenant = processTenant(workspaceId, key);
		return (tenant != null) ? builder.processDefinitionTenantId(tenant)
				: builder.processDefinitionWithoutTenantId();
	}

	/**
	 * An evaluation of decision {@code key} for the workspace ({@code null}: the shared
	 * default).
	 */
	public DecisionsEvaluationBuilder evaluateDecision(String key, UUID workspaceId) {
		DecisionsEvaluationBuilder builder = this.decisions.evaluateDecisionByKey(key);
		String tenant = (workspaceId != null) ? decisionTenant(workspaceId, key) : null;
		return (tenant != null) ? builder.decisionDefinitionTenantId(tenant)
				: builder.decisionDefinitionWithoutTenantId();
	}

	/**
	 * Forgets what is cached for the tenant, when the current transaction commits (at
	 * once outside one).
	 */
	void changed(String tenantId) {
		if (tenantId == null) {
			return;
		}
		this.cache.remove(tenantId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					WorkspaceDefinitions.this.cache.remove(tenantId);
				}
			});
		}
	}

	private String tenantOf(UUID workspaceId, String kindAndKey) {
		if (workspaceId == null) {
			return null;
		}
		String tenant = workspaceId.toString();
		long now = System.nanoTime();
		Cached cached = this.cache.get(tenant);
		if (cached == null || now - cached.until() > 0) {
			cached = new Cached(Set.copyOf(this.jdbc.queryForList(OWN, String.class, tenant, tenant)),
					now + TimeUnit.SECONDS.toNanos(TTL_SECONDS));
			this.cache.put(tenant, cached);
		}
		return cached.own().contains(kindAndKey) ? tenant : null;
	}

	private static UUID workspaceOf(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		return (tenant != null) ? UUID.fromString(tenant) : null;
	}

	private record Cached(Set<String> own, long until) {
	}

}
