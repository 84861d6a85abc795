package kz.prometric.erp.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.WorkspaceManagement;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;

import org.springframework.stereotype.Component;

/**
 * Who may deploy what, checked inside the engine around every deployment command, so the
 * engine REST API ({@code /deployment/create}, {@code /deployment/{id}/redeploy},
 * {@code DELETE /deployment/{id}}), the webapps and the ERP's own code all meet it:
 * <ul>
 * <li>every deployment: only safe files ({@link WorkspaceDeployments#unsafe}), then the
 * checks of {@link DeploymentChecks} (beans, the process's contract, lint, forms,
 * decision tables' inputs and outputs) on the whole set, every reason listed;</li>
 * <li>a deployment for a workspace's tenant is completed to the workspace's whole set
 * ({@link WorkspaceDeployments#complete}) and the lookup forgets the workspace's cached
 * answer ({@link WorkspaceDefinitions#changed});</li>
 * <li>a person (the engine's current authentication is set: engine REST, webapps) may
 * deploy into, redeploy from and delete deployments of workspaces they hold the process
 * owner right of; deployments without a tenant (the shared defaults) only a platform
 * administrator may create, and nobody deletes through the engine's APIs. Another
 * workspace's deployment is answered like an unknown one.</li>
 * </ul>
 * The ERP's own code (no engine authentication) is trusted with the tenant: its endpoint
 * checks the caller's right itself.
 */
@Component
class DeploymentGuard {

	private final WorkspaceDeployments deployments;

	private final WorkspaceDefinitions definitions;

	private final WorkspaceManagement workspaces;

	private final IdentityManagement identity;

	private final OwnerDeployments ownerDeployments;

	private final DeploymentChecks checks;

	private final DeploymentRecords records;

	DeploymentGuard(WorkspaceDeployments deployments, WorkspaceDefinitions definitions, WorkspaceManagement workspaces,
			IdentityManagement identity, OwnerDeployments ownerDeployments, DeploymentChecks checks,
			DeploymentRecords records) {
		this.checks = checks;
		this.deployments = deployments;
		this.definitions = definitions;
		this.workspaces = workspaces;
		this.identity = identity;
		this.ownerDeployments = ownerDeployments;
		this.records = records;
	}

	/** The engine's command interceptor (inside the command context and transaction). */
	static CommandInterceptor interceptor(Supplier<DeploymentGuard> guard) {
		return new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				if (command instanceof DeployCmd deploy) {
					DeploymentBuilderImpl builder = field(DeployCmd.class, deploy, "deploymentBuilder");
					guard.get().beforeDeploy(builder);
					T result = this.next.execute(command);
					guard.get().records.record(builder, result);
					guard.get().definitions.changed(builder.getDeployment().getTenantId());
					return result;
				}
				if (command instanceof DeleteDeploymentCmd delete) {
					String id = field(DeleteDeploymentCmd.class, delete, "deploymentId");
					String tenant = guard.get().beforeDelete(id);
					T result = this.next.execute(command);
					guard.get().definitions.changed(tenant);
					return result;
				}
				return this.next.execute(command);
			}
		};
	}

	void beforeDeploy(DeploymentBuilderImpl builder) {
		String tenant = builder.getDeployment().getTenantId();
		Optional<Authentication> person = person();
		Set<String> sources = new LinkedHashSet<>(builder.getDeployments());
		sources.addAll(builder.getDeploymentResourcesById().keySet());
		sources.addAll(builder.getDeploymentResourcesByName().keySet());
		if (builder.getNameFromDeployment() != null) {
			sources.add(builder.getNameFromDeployment());
		}
		if (person.isPresent()) {
			requireRight(person.get(), tenant, "deploy");
			for (String source : sources) {
				DeploymentEntity existing = Context.getCommandContext()
					.getDeploymentManager()
					.findDeploymentById(source);
				if (existing == null || !sameTenant(existing.getTenantId(), tenant)) {
					throw new AuthorizationException("Deployment " + source + " not found");
				}
			}
			if (!sources.isEmpty() && (!builder.getDeploymentResourcesById().isEmpty()
					|| !builder.getDeploymentResourcesByName().isEmpty())) {
				throw new DeploymentRefused(List.of("redeploy a whole deployment, not some of its files: "
						+ "a workspace's deployment holds all its processes, tables and forms"));
			}
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		Map<String, ResourceEntity> resources = builder.getDeployment().getResources();
		if (resources != null) {
			resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
		}
		// a person's deployment (engine REST, webapps) or a process owner's through the
		// ERP's
		// endpoint; the application's own (the shipped folders, code) only needs to be
		// safe
		boolean byPerson = person.isPresent()
				|| WorkspaceDeployments.API_SOURCE.equals(builder.getDeployment().getSource());
		List<String> reasons = new ArrayList<>();
		files.forEach((name, bytes) -> reasons.addAll(WorkspaceDeployments.unsafe(name, bytes)));
		if (!reasons.isEmpty()) {
			throw new DeploymentRefused(reasons);
		}
		if (tenant != null && sources.isEmpty()) {
			this.deployments.complete(builder);
		}
		Map<String, byte[]> whole = new LinkedHashMap<>();
		if (resources != null) {
			builder.getDeployment().getResources().forEach((name, resource) -> whole.put(name, resource.getBytes()));
		}
		if (byPerson) {
			reasons.addAll(this.checks.reasons(files, whole, tenant != null));
		}
		if (!reasons.isEmpty()) {
			throw new DeploymentRefused(reasons);
		}
	}

	String beforeDelete(String deploymentId) {
		DeploymentEntity deployment = Context.getCommandContext()
			.getDeploymentManager()
			.findDeploymentById(deploymentId);
		Optional<Authentication> person = person();
		if (deployment == null || person.isEmpty()) {
			return (deployment != null) ? deployment.getTenantId() : null;
		}
		if (deployment.getTenantId() == null) {
			throw DeploymentRefused.forbidden("The shared default processes are not deleted through the engine's API");
		}
		requireRight(person.get(), deployment.getTenantId(), "delete");
		return deployment.getTenantId();
	}

	private void requireRight(Authentication person, String tenant, String what) {
		List<String> groups = person.getGroupIds();
		boolean platformAdmin = groups != null && groups.contains(EngineIdentity.PLATFORM_ADMINS_GROUP);
		if (tenant == null) {
			if (!platformAdmin) {
				throw DeploymentRefused.forbidden("Deploy into your workspace: set the tenant id to the id of a "
						+ "workspace you are a process owner of; deployments without a tenant (shared by every "
						+ "workspace) are for platform administrators");
			}
			return;
		}
		UUID workspaceId;
		try {
			workspaceId = UUID.fromString(tenant);
		}
		catch (IllegalArgumentException ex) {
			throw DeploymentRefused.forbidden("The tenant id must be the id of a workspace you are a process owner of");
		}
		if (platformAdmin) {
			// platform administrators deploy a workspace's own version on its behalf
			return;
		}
		Optional<UUID> userId = this.identity.findByEmail(person.getUserId()).map(UserAccount::id);
		boolean member = person.getTenantIds() != null && person.getTenantIds().contains(tenant);
		if (userId.isEmpty() || !member) {
			if ("delete".equals(what)) {
				throw new AuthorizationException("Deployment not found");
			}
			throw DeploymentRefused.forbidden("The tenant id must be the id of a workspace you are a process owner of");
		}
		if (!this.workspaces.isProcessOwner(workspaceId, userId.get())) {
			throw DeploymentRefused.forbidden("Only the workspace's process owners " + what
					+ " its processes, decision tables and forms; ask the workspace's owner for the right");
		}
		if (!this.ownerDeployments.enabled()) {
			throw DeploymentRefused.forbidden(OwnerDeployments.SWITCHED_OFF);
		}
	}

	private static boolean sameTenant(String a, String b) {
		return (a == null) ? b == null : a.equals(b);
	}

	private static Optional<Authentication> person() {
		CommandContext context = Context.getCommandContext();
		Authentication authentication = (context != null) ? context.getAuthentication() : null;
		return Optional.ofNullable(authentication).filter(a -> a.getUserId() != null);
	}

	@SuppressWarnings("unchecked")
	private static <V> V field(Class<?> type, Object target, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return (V) field.get(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Camunda's " + type.getSimpleName() + " changed", ex);
		}
	}

}
