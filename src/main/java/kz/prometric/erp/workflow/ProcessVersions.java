package kz.prometric.erp.workflow;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.DeploymentRecords.Actor;
import kz.prometric.erp.workflow.DeploymentRecords.Channel;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's versions of processes and decision tables, the history of its
 * deployments, and the way back to the shared default.
 * <ul>
 * <li>{@link #versions}: which version of each process and decision the workspace uses
 * now (the rule of {@link WorkspaceDefinitions}: its own newest version, else the shared
 * default);</li>
 * <li>{@link #deployments}, {@link #deployment}: every deployment into the workspace —
 * who, when, through which door, and what changed against what the workspace used before
 * (rows of decision tables, activities of processes, fields of forms), recorded in the
 * deployment's transaction ({@link DeploymentRecords});</li>
 * <li>{@link #resetToDefault}: the workspace uses the shared default of a key again, by a
 * new workspace deployment that carries the default's copy (so history and the older own
 * versions stay).</li>
 * </ul>
 * Members of the workspace read; a non-member gets 404 like an unknown workspace.
 */
@Service
public class ProcessVersions {

	/** A definition key the workspace had neither as its own nor as a shared default. */
	public static final String ADDED = "ADDED";

	/** Another file than before (also: the workspace's own instead of the default). */
	public static final String CHANGED = "CHANGED";

	/** The same file as the workspace used before (a carried copy, an own file kept). */
	public static final String UNCHANGED = "UNCHANGED";

	/** Was the workspace's own; now the shared default again. */
	public static final String BACK_TO_DEFAULT = "BACK_TO_DEFAULT";

	/**
	 * The newest definition of each kind and key, per tenant (the workspace's and none),
	 * with its deployment's time.
	 */
	private static final String NEWEST = """
			select x.kind, x.key_, x.name_, x.version_, x.id_, x.deployment_id_, x.resource_name_, x.tenant_id_,
			       d.deploy_time_
			  from (select f.*, row_number() over (partition by f.kind, f.key_, f.tenant_id_ order by f.version_ desc) as n
			          from (select 'process' as kind, id_, key_, name_, version_, deployment_id_, resource_name_, tenant_id_
			                  from act_re_procdef where tenant_id_ is null or tenant_id_ = ?
			                union all
			                select 'decision', id_, key_, name_, version_, deployment_id_, resource_name_, tenant_id_
			                  from act_re_decision_def where tenant_id_ is null or tenant_id_ = ?) f) x
			  join act_re_deployment d on d.id_ = x.deployment_id_
			 where x.n = 1 %s
			""";

	private final WorkspaceManagement workspaces;

	private final ProcessDeployments deployments;

	private final WorkspaceDeployments workspaceDeployments;

	private final DeploymentRecords records;

	private final JdbcTemplate jdbc;

	ProcessVersions(WorkspaceManagement workspaces, ProcessDeployments deployments,
			WorkspaceDeployments workspaceDeployments, DeploymentRecords records, JdbcTemplate jdbc) {
		this.workspaces = workspaces;
		this.deployments = deployments;
		this.workspaceDeployments = workspaceDeployments;
		this.records = records;
		this.jdbc = jdbc;
	}

	/**
	 * The version of every process and decision the workspace uses now, processes first,
	 * by key. Members of the workspace.
	 */
	@Transactional(readOnly = true)
	public Versions versions(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		List<Version> items = new ArrayList<>(active(workspaceId, null, null).values());
		items.sort(Comparator.comparing((Version v) -> "process".equals(v.kind()) ? 0 : 1).thenComparing(Version::key));
		return new Versions(workspaceId, items);
	}

	/**
	 * The workspace's deployments, newest first ({@code sort=deployedAt[,asc|desc]}),
	 * with who, when, and which definitions changed. Members of the workspace.
	 */
	@Transactional(readOnly = true)
	public PageResult<DeploymentRecord> deployments(UUID workspaceId, UUID callerId, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return this.records.page(workspaceId, query);
	}

	/**
	 * One deployment of the workspace with the full comparison; 404 for another
	 * workspace's or an unknown deployment. Members of the workspace.
	 */
	@Transactional(readOnly = true)
	public DeploymentRecordDetails deployment(UUID workspaceId, UUID callerId, String deploymentId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return this.records.find(workspaceId, deploymentId)
			.orElseThrow(() -> new NotFoundException("Deployment", deploymentId));
	}

	/**
	 * Makes the workspace use the shared default of a process or decision ({@code kind}
	 * {@code process} or {@code decision}) again: deploys a new workspace deployment in
	 * which that key's file is a copy of the shared default (named
	 * {@value WorkspaceDeployments#DEFAULTS}{@code <file>}, which the lookup never counts
	 * as the workspace's own), completed as every workspace deployment is. The
	 * workspace's older own versions and their history stay; running instances keep their
	 * version; the deployment is recorded as a reset. Process owners only (as
	 * {@link ProcessDeployments#requireProcessOwner}); 404 for an unknown kind or key,
	 * 422 naming {@code key} when the workspace already uses the default (or there is no
	 * default to go back to). Not idempotent: a second call is that 422.
	 */
	@Transactional
	public DeploymentRecordDetails resetToDefault(UUID workspaceId, UUID callerId, String kind, String key) {
		this.deployments.requireProcessOwner(workspaceId, callerId);
		if (!"process".equals(kind) && !"decision".equals(kind)) {
			throw new NotFoundException("Definition", kind + "/" + key);
		}
		Version active = active(workspaceId, kind, key).get(kind + ":" + key);
		if (active == null) {
			throw new NotFoundException("Definition", kind + "/" + key);
		}
		if (!active.own()) {
			throw new BusinessRuleViolation("key",
					key + " is not the workspace's own version: the workspace already uses the shared default");
		}
		Optional<SharedFile> shared = sharedFile(kind, key);
		if (shared.isEmpty()) {
			throw new BusinessRuleViolation("key",
					key + " has no shared default to go back to; deploy the version the workspace should use");
		}
		Map<String, byte[]> copy = Map.of(WorkspaceDeployments.DEFAULTS + shared.get().name(), shared.get().bytes());
		DeploymentWithDefinitions deployment = DeploymentRecords
			.actingAs(new Actor(callerId, Channel.RESET, new Reset(kind, key)), () -> this.workspaceDeployments
				.deployDefaults(workspaceId, "back to the shared default: " + key, copy));
		return this.records.find(workspaceId, deployment.getId())
			.orElseThrow(() -> new IllegalStateException("The reset deployment was not recorded"));
	}

	/**
	 * The active version of each key (or of one key) for the workspace: its own newest
	 * version unless that is a carried copy of the default, else the shared newest.
	 */
	private Map<String, Version> active(UUID workspaceId, String kind, String key) {
		String tenant = workspaceId.toString();
		String filter = (kind != null) ? "and x.kind = ? and x.key_ = ?" : "";
		Object[] arguments = (kind != null) ? new Object[] { tenant, tenant, kind, key }
				: new Object[] { tenant, tenant };
		Map<String, Row> own = new LinkedHashMap<>();
		Map<String, Row> shared = new LinkedHashMap<>();
		this.jdbc.query(NEWEST.formatted(filter), (ResultSet r) -> {
			Row row = new Row(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
					r.getString(6), r.getString(7), r.getTimestamp(9).toInstant());
			(r.getString(8) != null ? own : shared).put(row.kind() + ":" + row.key(), row);
		}, arguments);
		Map<String, Version> versions = new LinkedHashMap<>();
		shared.forEach((k, row) -> versions.put(k, row.version(false)));
		own.forEach((k, row) -> {
			boolean copy = row.resource().startsWith(WorkspaceDeployments.DEFAULTS);
			if (!copy || !versions.containsKey(k)) {
				versions.put(k, row.version(!copy));
			}
		});
		return versions;
	}

	private Optional<SharedFile> sharedFile(String kind, String key) {
		String table = "process".equals(kind) ? "act_re_procdef" : "act_re_decision_def";
		return this.jdbc
			.query("select d.resource_name_, b.bytes_ from " + table + " d"
					+ " join act_ge_bytearray b on b.deployment_id_ = d.deployment_id_ and b.name_ = d.resource_name_"
					+ " where d.tenant_id_ is null and d.key_ = ? order by d.version_ desc limit 1",
					(r, n) -> new SharedFile(r.getString(1), r.getBytes(2)), key)
			.stream()
			.findFirst();
	}

	private record Row(String kind, String key, String name, int version, String id, String deploymentId,
			String resource, Instant deployedAt) {

		Version version(boolean own) {
			return new Version(this.kind, this.key, this.name, own, this.version, this.id, this.deploymentId,
					this.deployedAt);
		}

	}

	private record SharedFile(String name, byte[] bytes) {
	}

	/** The versions a workspace uses. */
	public record Versions(UUID workspaceId, List<Version> items) {
	}

	/**
	 * The version of a process or decision ({@code kind}) a workspace uses: its own
	 * ({@code own}) or the shared default's.
	 */
	public record Version(String kind, String key, String name, boolean own, int version, String definitionId,
			String deploymentId, Instant deployedAt) {
	}

	/** A reset to the shared default: which definition. */
	public record Reset(String kind, String key) {
	}

	/**
	 * A deployment into a workspace as the list shows it: who ({@code byUserId},
	 * {@code byEmail}; none for the engine's Java API), when, the door ({@code channel}:
	 * ERP_API, ENGINE_REST, RESET, ENGINE), the deployment's own name and source, and the
	 * definitions that changed ({@code unchanged}: how many did not).
	 */
	public record DeploymentRecord(String deploymentId, UUID workspaceId, String name, String channel, String source,
			UUID byUserId, String byEmail, Instant deployedAt, Reset reset, List<ChangeSummary> changes,
			int unchanged) {
	}

	/** One changed definition in a list: kind, key, status and a one-line summary. */
	public record ChangeSummary(String kind, String key, String status, String summary) {
	}

	/** A deployment into a workspace with every definition it holds and what changed. */
	public record DeploymentRecordDetails(String deploymentId, UUID workspaceId, String name, String channel,
			String source, UUID byUserId, String byEmail, Instant deployedAt, Reset reset,
			List<DefinitionChange> definitions) {
	}

	/**
	 * One definition of a deployment ({@code kind}: process, decision, form): its status
	 * ({@link #ADDED}, {@link #CHANGED}, {@link #UNCHANGED}, {@link #BACK_TO_DEFAULT}),
	 * the file the workspace used before and the new one, and the detail of a change.
	 */
	public record DefinitionChange(String kind, String key, String status, Side before, Side after, RuleChanges rules,
			ActivityChanges activities, FieldChanges fields) {
	}

	/**
	 * A definition's file: the workspace's own or the shared default's ({@code own}), the
	 * file name, the version and the deployment.
	 */
	public record Side(boolean own, String file, Integer version, String deploymentId) {
	}

	/**
	 * The rows of a decision table that changed; {@code inputs} and {@code outputs} are
	 * the new table's column labels, each row's entries in that order.
	 */
	public record RuleChanges(String hitPolicyBefore, String hitPolicyAfter, List<String> inputs, List<String> outputs,
			List<Rule> added, List<Rule> removed, List<ChangedRule> changed, boolean orderChanged) {
	}

	/** A row of a decision table. */
	public record Rule(String id, List<String> inputEntries, List<String> outputEntries, String description) {
	}

	/** A row as it was and as it is. */
	public record ChangedRule(Rule before, Rule after) {
	}

	/** The activities of a process added, removed or renamed. */
	public record ActivityChanges(List<Activity> added, List<Activity> removed, List<RenamedActivity> renamed) {
	}

	/** An activity: id, name and BPMN type (userTask, serviceTask, …). */
	public record Activity(String id, String name, String type) {
	}

	/** An activity whose name changed. */
	public record RenamedActivity(String id, String nameBefore, String nameAfter) {
	}

	/** The keys of a form's fields added or removed. */
	public record FieldChanges(List<String> added, List<String> removed) {
	}

}
