package kz.prometric.erp.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.filter.Filter;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine authorizations and Tasklist filter every ERP user relies on, created once
 * (idempotent, serialised across nodes by an advisory lock):
 * <ul>
 * <li>every user may open Tasklist and read process definitions; the tasks they see are
 * those they are assignee or candidate of (the engine grants those per task), and only in
 * their workspaces (tenant check);</li>
 * <li>{@code process-owners} may open Cockpit and read instances, history and decisions,
 * again only of their workspaces;</li>
 * <li>{@code platform-admins} may open Camunda Admin and read users, groups, tenants,
 * authorizations and the system information, and change nothing there: the ERP owns
 * users, memberships and the authorizations above; tenants' data stays with their
 * members;</li>
 * <li>a shared "All my tasks" filter without expressions (expressions in stored queries
 * are switched off); each person's own "My tasks" and "My team's tasks" are written at
 * his login ({@link TasklistFilters});</li>
 * <li>every user may work the external tasks of the processes named in
 * {@code prometric.engine.external-task-processes} (by default {@code production-run}):
 * read and update their instances (what fetch-and-lock, complete, failure and extend-lock
 * require), again only in their own workspaces (tenant check). This is how a machine or
 * MES takes part: through an ERP account that is a member of one workspace (see
 * {@code docs/production.md}). What an update right would allow beyond that (variables,
 * modification, messages, BPMN errors, suspension) {@link PersonCommandGuard} refuses to
 * every person.</li>
 * </ul>
 */
@Component
class EngineAccessBootstrap implements SmartInitializingSingleton {

	/**
	 * The shared filter: every task the person may see. Called "My tasks" before each
	 * person got his own "My tasks" ({@link TasklistFilters}); renamed at start.
	 */
	static final String ALL_MY_TASKS_FILTER = "All my tasks";

	private static final String OLD_SHARED_FILTER = "My tasks";

	private static final long LOCK_KEY = 0x50524f4d4554L;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final List<String> externalTaskProcesses;

	EngineAccessBootstrap(AuthorizationService authorizations, FilterService filters, TaskService tasks,
			JdbcTemplate jdbc, TransactionTemplate transaction,
			@Value("${prometric.engine.external-task-processes:production-run}") List<String> externalTaskProcesses) {
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.externalTaskProcesses = externalTaskProcesses.stream()
			.map(String::strip)
			.filter(k -> !k.isEmpty())
			.toList();
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
			grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grantEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
			grantGroup(EngineIdentity.PROCESS_OWNERS_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grantGroup(EngineIdentity.PROCESS_OWNERS_GROUP, Resources.PROCESS_DEFINITION, Authorization.ANY,
					Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
			grantGroup(EngineIdentity.PROCESS_OWNERS_GROUP, Resources.PROCESS_INSTANCE, Authorization.ANY,
					Permissions.READ);
			grantGroup(EngineIdentity.PROCESS_OWNERS_GROUP, Resources.DECISION_DEFINITION, Authorization.ANY,
					Permissions.READ, Permissions.READ_HISTORY);
			grantGroup(EngineIdentity.PROCESS_OWNERS_GROUP, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
			// who may deploy into which workspace (or without tenant) is
			// DeploymentGuard's
			grantEveryone(Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ,
					Permissions.DELETE);
			grantGroup(EngineIdentity.PLATFORM_ADMINS_GROUP, Resources.APPLICATION, "admin", Permissions.ACCESS);
			for (Resource directory : new Resource[] { Resources.USER, Resources.GROUP, Resources.TENANT,
					Resources.AUTHORIZATION }) {
				grantGroup(EngineIdentity.PLATFORM_ADMINS_GROUP, directory, Authorization.ANY, Permissions.READ);
			}
			grantGroup(EngineIdentity.PLATFORM_ADMINS_GROUP, Resources.SYSTEM, Authorization.ANY,
					SystemPermissions.READ);
			Filter myTasks = shared(ALL_MY_TASKS_FILTER);
			Filter old = shared(OLD_SHARED_FILTER);
			if (myTasks == null && old != null) {
				old.setName(ALL_MY_TASKS_FILTER);
				this.filters.saveFilter(old);
				myTasks = old;
			}
			if (myTasks == null) {
				myTasks = this.filters.newTaskFilter(ALL_MY_TASKS_FILTER)
					.setQuery(this.tasks.createTaskQuery())
					.setProperties(Map.of("description", "Tasks assigned to you or offered to your roles", "priority",
							-10, "refresh", true));
				this.filters.saveFilter(myTasks);
			}
			grantEveryone(Resources.FILTER, myTasks.getId(), Permissions.READ);
			for (String processKey : this.externalTaskProcesses) {
				// fetch-and-lock needs READ_INSTANCE and UPDATE_INSTANCE on the
				// definition;
				// complete, failure and extend-lock UPDATE_INSTANCE
				grantEveryone(Resources.PROCESS_DEFINITION, processKey, Permissions.READ_INSTANCE,
						Permissions.UPDATE_INSTANCE);
			}
		});
	}

	/** The filter of that name that belongs to nobody (shared), if any. */
	private Filter shared(String name) {
		return this.filters.createFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter(f -> f.getOwner() == null)
			.findFirst()
			.orElse(null);
	}

	private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
		if (this.authorizations.createAuthorizationQuery()
			.userIdIn(Authorization.ANY)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() == 0) {
			Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			authorization.setUserId(Authorization.ANY);
			save(authorization, resource, resourceId, permissions);
		}
	}

	private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		if (this.authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() == 0) {
			Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			save(authorization, resource, resourceId, permissions);
		}
	}

	private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
	}

}
