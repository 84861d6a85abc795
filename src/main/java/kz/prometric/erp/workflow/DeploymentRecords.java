package kz.prometric.erp.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.ProcessVersions.ChangeSummary;
import kz.prometric.erp.workflow.ProcessVersions.DefinitionChange;
import kz.prometric.erp.workflow.ProcessVersions.DeploymentRecord;
import kz.prometric.erp.workflow.ProcessVersions.DeploymentRecordDetails;
import kz.prometric.erp.workflow.ProcessVersions.Reset;
import kz.prometric.erp.workflow.ProcessVersions.Side;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ERP's record of every deployment into a workspace ({@code wf_deployment_record}):
 * who deployed, when, through which door, and what changed against what the workspace
 * used before, per definition key. {@link #record} runs inside the engine's deployment
 * command ({@link DeploymentGuard}), so the record commits or rolls back with the
 * deployment; a deployment the duplicate filter answered with an existing one (nothing
 * new) is not recorded.
 * <p>
 * Who: the engine's authenticated user (engine REST API, Camunda Modeler: the ERP
 * e-mail), else the ERP user the ERP's own code deploys for ({@link #actingAs}: the ERP
 * endpoint and the way back to the default), else nobody (the engine's Java API).
 */
@Component
class DeploymentRecords {

	private static final Logger log = LoggerFactory.getLogger(DeploymentRecords.class);

	/** Through which door a deployment came. */
	enum Channel {

		/** {@code POST /api/workspaces/{ws}/process-deployments}. */
		ERP_API,
		/** {@code /engine-rest} (Camunda Modeler), with the engine's authentication. */
		ENGINE_REST,
		/** {@code POST .../process-versions/{kind}/{key}/reset-to-default}. */
		RESET,
		/** The engine's Java API without a user (administration code). */
		ENGINE

	}

	private static final ThreadLocal<Actor> ACTOR = new ThreadLocal<>();

	/**
	 * Newest definition of each kind and key of one tenant (or of none: the shared
	 * defaults), leaving out the deployment being recorded, with its file.
	 */
	private static final String NEWEST = """
			select x.kind, x.key_, x.version_, x.deployment_id_, x.resource_name_, b.bytes_ from (
			  select f.*, row_number() over (partition by f.kind, f.key_ order by f.version_ desc) as n
			    from (select 'process' as kind, key_, version_, deployment_id_, resource_name_, tenant_id_ from act_re_procdef
			          union all select 'decision', key_, version_, deployment_id_, resource_name_, tenant_id_ from act_re_decision_def
			          union all select 'form', key_, version_, deployment_id_, resource_name_, tenant_id_ from act_re_camformdef) f
			   where %s and f.deployment_id_ <> ?) x
			  join act_ge_bytearray b on b.deployment_id_ = x.deployment_id_ and b.name_ = x.resource_name_
			 where x.n = 1
			""";

	private static final String COLUMNS = "deployment_id, workspace_id, deployment_name, channel, deployment_source, "
			+ "by_user_id, by_email, deployed_at, changes";

	private final JdbcTemplate jdbc;

	private final ObjectMapper mapper;

	private final IdentityManagement identity;

	DeploymentRecords(JdbcTemplate jdbc, ObjectMapper mapper, IdentityManagement identity) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.identity = identity;
	}

	/** Who the ERP's own code deploys for, while {@code work} runs on this thread. */
	record Actor(UUID userId, Channel channel, Reset reset) {
	}

	static <T> T actingAs(Actor actor, Supplier<T> work) {
		Actor previous = ACTOR.get();
		ACTOR.set(actor);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				ACTOR.set(previous);
			}
			else {
				ACTOR.remove();
			}
		}
	}

	/**
	 * Records a workspace deployment the engine has just made (inside its command, before
	 * it flushes): nothing for the shared defaults, for a tenant that is not a workspace
	 * id, or when the duplicate filter answered an existing deployment.
	 */
	void record(DeploymentBuilderImpl builder, Object result) {
		DeploymentEntity deployment = builder.getDeployment();
		String tenant = deployment.getTenantId();
		if (tenant == null || !(result instanceof DeploymentWithDefinitions deployed) || deployment.getId() == null
				|| !deployment.getId().equals(deployed.getId())) {
			return;
		}
		UUID workspaceId;
		try {
			workspaceId = UUID.fromString(tenant);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		Actor actor = ACTOR.get();
		Optional<String> person = person();
		UUID userId = null;
		String email = null;
		Channel channel = Channel.ENGINE;
		if (person.isPresent()) {
			email = person.get();
			userId = this.identity.findByEmail(email).map(UserAccount::id).orElse(null);
			channel = Channel.ENGINE_REST;
		}
		else if (actor != null) {
			userId = actor.userId();
			email = this.identity.findById(actor.userId()).map(UserAccount::email).orElse(null);
			channel = actor.channel();
		}
		Reset reset = (person.isEmpty() && actor != null) ? actor.reset() : null;
		List<DefinitionChange> changes = changes(deployment, tenant);
		Instant at = (deployment.getDeploymentTime() != null) ? deployment.getDeploymentTime().toInstant()
				: Instant.now();
		this.jdbc.update(
				"insert into wf_deployment_record (id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
						+ "cast(? as jsonb))",
				UUID.randomUUID(), deployment.getId(), workspaceId, truncate(deployment.getName(), 255), channel.name(),
				truncate(deployment.getSource(), 255), userId, email, Timestamp.from(at),
				json(new Stored(reset, changes)));
	}

	/**
	 * The workspace's records, newest first unless {@code sort=deployedAt[,asc|desc]}
	 * says otherwise.
	 */
	PageResult<DeploymentRecord> page(UUID workspaceId, PageQuery query) {
		String direction = "desc";
		if (query.sortProperty() != null) {
			if (!"deployedAt".equals(query.sortProperty())) {
				throw new InvalidInputException("sort",
						"cannot sort by '" + query.sortProperty() + "'; allowed: [deployedAt]");
			}
			direction = query.direction().isAscending() ? "asc" : "desc";
		}
		long total = this.jdbc.queryForObject("select count(*) from wf_deployment_record where workspace_id = ?",
				Long.class, workspaceId);
		List<DeploymentRecord> items = this.jdbc.query(
				"select " + COLUMNS + " from wf_deployment_record where workspace_id = ? order by deployed_at "
						+ direction + ", id " + direction + " limit ? offset ?",
				(row, n) -> summary(details(row)), workspaceId, query.size(), (long) (query.page() - 1) * query.size());
		return new PageResult<>(items, query.page(), query.size(), total);
	}

	Optional<DeploymentRecordDetails> find(UUID workspaceId, String deploymentId) {
		return this.jdbc
			.query("select " + COLUMNS + " from wf_deployment_record where workspace_id = ? and deployment_id = ?",
					(row, n) -> details(row), workspaceId, deploymentId)
			.stream()
			.findFirst();
	}

	/**
	 * Per definition key of the new deployment: what the workspace used before (its own
	 * newest version, or the shared default), and what changed.
	 */
	private List<DefinitionChange> changes(DeploymentEntity deployment, String tenant) {
		Map<String, Stored.File> ownBefore = newest("f.tenant_id_ = ?", tenant, deployment.getId());
		Map<String, Stored.File> shared = newest("f.tenant_id_ is null", null, deployment.getId());
		Map<String, ResourceEntity> resources = deployment.getResources();
		List<DefinitionChange> changes = new ArrayList<>();
		for (ResourceDefinitionEntity<?> artifact : artifacts(deployment)) {
			String kind = kindOf(artifact);
			if (kind == null) {
				continue;
			}
			String key = artifact.getKey();
			ResourceEntity resource = (resources != null) ? resources.get(artifact.getResourceName()) : null;
			byte[] now = (resource != null) ? resource.getBytes() : null;
			Stored.File tenantFile = ownBefore.get(kind + ":" + key);
			Stored.File sharedFile = shared.get(kind + ":" + key);
			// the lookup's rule: a process or table is the workspace's own when its
			// newest
			// definition there is not a carried copy; a form its deployment carries is
			// what
			// its own processes use
			Stored.File before = (tenantFile != null && (!tenantFile.copy() || "form".equals(kind))) ? tenantFile
					: (sharedFile != null) ? sharedFile : tenantFile;
			boolean ownAfter = !artifact.getResourceName().startsWith(WorkspaceDeployments.DEFAULTS);
			Side beforeSide = (before == null) ? null : new Side(before.tenant() && !before.copy(), before.name(),
					before.version(), before.deploymentId());
			Side afterSide = new Side(ownAfter, artifact.getResourceName(), artifact.getVersion(), deployment.getId());
			String status;
			if (before == null) {
				status = ProcessVersions.ADDED;
			}
			else if (beforeSide.own() && !ownAfter) {
				status = ProcessVersions.BACK_TO_DEFAULT;
			}
			else if (Arrays.equals(before.bytes(), now) && beforeSide.own() == ownAfter) {
				status = ProcessVersions.UNCHANGED;
			}
			else {
				status = ProcessVersions.CHANGED;
			}
			byte[] old = (before != null) ? before.bytes() : null;
			boolean detail = !ProcessVersions.UNCHANGED.equals(status);
			changes.add(new DefinitionChange(kind, key, status, beforeSide, afterSide,
					(detail && "decision".equals(kind)) ? DefinitionDiffs.rules(old, now, key) : null,
					(detail && "process".equals(kind)) ? DefinitionDiffs.activities(old, now, key) : null,
					(detail && "form".equals(kind)) ? DefinitionDiffs.fields(this.mapper, old, now) : null));
		}
		changes.sort(java.util.Comparator.comparing((DefinitionChange c) -> order(c.kind()))
			.thenComparing(DefinitionChange::key));
		return changes;
	}

	private static int order(String kind) {
		return switch (kind) {
			case "process" -> 0;
			case "decision" -> 1;
			default -> 2;
		};
	}

	@SuppressWarnings("unchecked")
	private static List<ResourceDefinitionEntity<?>> artifacts(DeploymentEntity deployment) {
		List<ResourceDefinitionEntity<?>> all = new ArrayList<>();
		Map<Class<?>, List> deployed = deployment.getDeployedArtifacts();
		if (deployed != null) {
			deployed.values().forEach(list -> all.addAll((List<ResourceDefinitionEntity<?>>) list));
		}
		return all;
	}

	private static String kindOf(ResourceDefinitionEntity<?> artifact) {
		if (artifact instanceof ProcessDefinitionEntity) {
			return "process";
		}
		if (artifact instanceof DecisionDefinitionEntity) {
			return "decision";
		}
		if (artifact instanceof CamundaFormDefinitionEntity) {
			return "form";
		}
		return null;
	}

	private Map<String, Stored.File> newest(String where, String tenant, String excludedDeployment) {
		Map<String, Stored.File> files = new LinkedHashMap<>();
		Object[] arguments = (tenant != null) ? new Object[] { tenant, excludedDeployment }
				: new Object[] { excludedDeployment };
		this.jdbc.query(NEWEST.formatted(where), (ResultSet row) -> {
			String name = row.getString(5);
			files.put(row.getString(1) + ":" + row.getString(2), new Stored.File(name, row.getInt(3), row.getString(4),
					tenant != null, name.startsWith(WorkspaceDeployments.DEFAULTS), row.getBytes(6)));
		}, arguments);
		return files;
	}

	private DeploymentRecordDetails details(ResultSet row) throws SQLException {
		Stored stored = read(row.getString(9));
		String by = row.getString(6);
		return new DeploymentRecordDetails(row.getString(1), row.getObject(2, UUID.class), row.getString(3),
				row.getString(4), row.getString(5), (by != null) ? UUID.fromString(by) : null, row.getString(7),
				row.getTimestamp(8).toInstant(), stored.reset(), stored.definitions());
	}

	private static DeploymentRecord summary(DeploymentRecordDetails details) {
		List<ChangeSummary> changed = details.definitions()
			.stream()
			.filter(c -> !ProcessVersions.UNCHANGED.equals(c.status()))
			.map(c -> new ChangeSummary(c.kind(), c.key(), c.status(), DefinitionDiffs.summary(c)))
			.toList();
		return new DeploymentRecord(details.deploymentId(), details.workspaceId(), details.name(), details.channel(),
				details.source(), details.byUserId(), details.byEmail(), details.deployedAt(), details.reset(), changed,
				details.definitions().size() - changed.size());
	}

	private String json(Stored stored) {
		try {
			return this.mapper.writeValueAsString(stored);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The deployment record cannot be written as JSON", ex);
		}
	}

	private Stored read(String json) {
		try {
			return this.mapper.readValue(json, Stored.class);
		}
		catch (JsonProcessingException ex) {
			log.warn("A deployment record's changes cannot be read: {}", ex.getOriginalMessage());
			return new Stored(null, List.of());
		}
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static Optional<String> person() {
		CommandContext context = Context.getCommandContext();
		Authentication authentication = (context != null) ? context.getAuthentication() : null;
		return Optional.ofNullable(authentication).map(Authentication::getUserId);
	}

	/** What the {@code changes} column holds. */
	record Stored(Reset reset, List<DefinitionChange> definitions) {

		Stored {
			definitions = (definitions != null) ? definitions : List.of();
		}

		/** A definition's file as the workspace had it before. */
		record File(String name, int version, String deploymentId, boolean tenant, boolean copy, byte[] bytes) {
		}

	}

}
