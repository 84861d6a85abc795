package kz.prometric.erp.workflow;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's read-only identity provider backed by the ERP: Tasklist, Cockpit and the
 * engine REST API check passwords against the ERP's BCrypt hashes and see workspaces as
 * tenants. Users, groups and tenants are managed in the ERP, never through the engine's
 * identity service.
 */
class ErpIdentityProvider implements ReadOnlyIdentityProvider {

	private final EngineDirectory directory;

	ErpIdentityProvider(EngineDirectory directory) {
		this.directory = directory;
	}

	@Override
	public User findUserById(String userId) {
		return createUserQuery().userId(userId).singleResult();
	}

	@Override
	public UserQuery createUserQuery() {
		return new ErpUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public UserQuery createUserQuery(CommandContext commandContext) {
		return new ErpUserQuery(null);
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new BadUserRequestException("Native user queries are not supported: users live in the ERP");
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		return this.directory.checkPassword(userId, password);
	}

	@Override
	public Group findGroupById(String groupId) {
		return this.directory.findGroup(groupId).orElse(null);
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new ErpGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext commandContext) {
		return new ErpGroupQuery(null);
	}

	@Override
	public Tenant findTenantById(String tenantId) {
		return this.directory.findTenant(tenantId).orElse(null);
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new ErpTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new ErpTenantQuery(null);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	private static ErpIdentityProvider current() {
		return (ErpIdentityProvider) Context.getCommandContext().getReadOnlyIdentityProvider();
	}

	/**
	 * What the current engine user may see of the directory: everything for platform
	 * administrators (who list users, groups and tenants in Camunda Admin) and internal
	 * calls, otherwise only the tenants they belong to and the users and groups of those
	 * tenants (as the engine's own database identity provider restricts by READ
	 * authorizations).
	 */
	private static EngineDirectory.Visibility visibility() {
		CommandContext context = Context.getCommandContext();
		Authentication authentication = context.getAuthentication();
		if (authentication == null || !context.isAuthorizationCheckEnabled()
				|| context.getAuthorizationManager().isCamundaAdmin(authentication)
				|| (authentication.getGroupIds() != null
						&& authentication.getGroupIds().contains(EngineIdentity.PLATFORM_ADMINS_GROUP))) {
			return EngineDirectory.Visibility.ALL;
		}
		return EngineDirectory.Visibility.of(authentication.getUserId(), authentication.getGroupIds(),
				authentication.getTenantIds());
	}

	private static <T> List<T> page(List<T> all, Page page) {
		if (page == null) {
			return all;
		}
		int from = Math.min(page.getFirstResult(), all.size());
		int to = (int) Math.min((long) from + page.getMaxResults(), all.size());
		return all.subList(from, to);
	}

	static final class Factory implements SessionFactory {

		private final EngineDirectory directory;

		Factory(EngineDirectory directory) {
			this.directory = directory;
		}

		@Override
		public Class<?> getSessionType() {
			return ReadOnlyIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new ErpIdentityProvider(this.directory);
		}

	}

	static final class ErpUserQuery extends UserQueryImpl {

		ErpUserQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return current().directory.users(this, visibility()).size();
		}

		@Override
		public List<User> executeList(CommandContext commandContext, Page page) {
			return page(current().directory.users(this, visibility()), page);
		}

	}

	static final class ErpGroupQuery extends GroupQueryImpl {

		ErpGroupQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return current().directory.groups(this, visibility()).size();
		}

		@Override
		public List<Group> executeList(CommandContext commandContext, Page page) {
			return page(current().directory.groups(this, visibility()), page);
		}

	}

	static final class ErpTenantQuery extends TenantQueryImpl {

		ErpTenantQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return current().directory.tenants(this, visibility()).size();
		}

		@Override
		public List<Tenant> executeList(CommandContext commandContext, Page page) {
			return page(current().directory.tenants(this, visibility()), page);
		}

	}

}
