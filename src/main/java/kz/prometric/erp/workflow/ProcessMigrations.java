package kz.prometric.erp.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.MigrationRecords.Report;
import kz.prometric.erp.workflow.MigrationRecords.Row;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a workspace's running process instances of one key to another version ("Running
 * instances move along", docs/processes.md): after the workspace deployed its own
 * version, its process owners migrate the instances that still run an older one.
 * <p>
 * Only instances of the workspace (instance tenant = the workspace) ever move; they may
 * run the shared definition or one of the workspace's own. The target is the definition
 * {@link WorkspaceDefinitions} chooses for the workspace now, or a named definition that
 * is shared or the workspace's own of the same key (going back). The engine's plan maps
 * equal activities ({@code mapEqualActivities().updateEventTriggers()}), one plan per
 * source definition.
 * <p>
 * The engine allows this across tenants as long as the target is shared or belongs to the
 * instance's own tenant: it refuses a plan only between two different tenants'
 * definitions, and an instance only when the target has a tenant other than the
 * instance's (Camunda 7.24, {@code TenantCommandChecker}). That the instances are the
 * workspace's is this service's check (it selects by the instance's tenant).
 */
@Service
public class ProcessMigrations {

	/**
	 * At most this many instances migrate synchronously, all or nothing; more migrate as
	 * engine batches.
	 */
	static final String LIMIT_PROPERTY = "prometric.processes.migration-synchronous-limit";

	private static final Pattern ACTIVITY_INSTANCE = Pattern.compile("activity instance '([^':]+)[:']");

	private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d+\\s*");

	private final WorkspaceManagement workspaces;

	private final OwnerDeployments ownerDeployments;

	private final WorkspaceDefinitions definitions;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final ManagementService management;

	private final IdentityService identity;

	private final MigrationRecords records;

	private final TransactionTemplate transaction;

	private final TransactionTemplate rehearsal;

	private volatile int synchronousLimit;

	ProcessMigrations(WorkspaceManagement workspaces, OwnerDeployments ownerDeployments,
			WorkspaceDefinitions definitions, RepositoryService repository, RuntimeService runtime,
			HistoryService history, ManagementService management, IdentityService identity, MigrationRecords records,
			PlatformTransactionManager transactions, @Value("${" + LIMIT_PROPERTY + ":200}") int synchronousLimit) {
		this.workspaces = workspaces;
		this.ownerDeployments = ownerDeployments;
		this.definitions = definitions;
		this.repository = repository;
		this.runtime = runtime;
		this.history = history;
		this.management = management;
		this.identity = identity;
		this.records = records;
		this.transaction = new TransactionTemplate(transactions);
		this.rehearsal = new TransactionTemplate(transactions);
		this.rehearsal.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.synchronousLimit = synchronousLimit;
	}

	/**
	 * Sets the limit at run time: the tests of batch migrations run in the test run's one
	 * application context.
	 */
	void synchronousLimit(int limit) {
		this.synchronousLimit = limit;
	}

	int synchronousLimit() {
		return this.synchronousLimit;
	}

	/**
	 * What a migration would do now, instance by instance: each instance is migrated in a
	 * transaction that is rolled back, so the report holds the engine's own reasons.
	 * Changes nothing. 404 for non-members, 403 without the process owner right, 422
	 * naming {@code processKey} for a key the workspace has no definition of, 404 for a
	 * target that is not the workspace's or shared, or of another key.
	 */
	public DryRun dryRun(UUID workspaceId, UUID callerId, String processKey, String targetDefinitionId) {
		requireProcessOwner(workspaceId, callerId, true);
		return asEngine(() -> {
			Prepared prepared = prepare(workspaceId, processKey, targetDefinitionId);
			List<InstanceReport> reports = new ArrayList<>();
			for (Source source : sources(workspaceId, prepared).values()) {
				reports.addAll(rehearse(source));
			}
			int movable = (int) reports.stream().filter(r -> r.outcome() == Outcome.MOVABLE).count();
			return new DryRun(true, workspaceId, processKey, prepared.target(), prepared.definitions(),
					mode(reports.size()), reports.size(), movable, reports.size() - movable, reports);
		});
	}

	/**
	 * Migrates the workspace's running instances of {@code processKey} to the target.
	 * <ul>
	 * <li>At most {@link #LIMIT_PROPERTY} instances (200 unless configured): all or
	 * nothing, in one transaction with the audit record. When any instance cannot move,
	 * nothing moves and the answer is state {@link State#REFUSED} with every such
	 * instance and its reason (recorded as well).</li>
	 * <li>More: instances waiting at an activity the target lacks refuse the whole
	 * migration as above; otherwise engine batches migrate them in the background (state
	 * {@link State#RUNNING}; {@link #get} reports the progress and the failures of single
	 * instances, which the engine may still find while migrating).</li>
	 * </ul>
	 * Idempotent in effect: instances already on the target are not touched, so a
	 * repeated call moves nothing new (it is recorded with total 0). 409 while a batch
	 * migration of the key is still running in the workspace. Same refusals as
	 * {@link #dryRun}.
	 */
	public Migration migrate(UUID workspaceId, UUID callerId, String processKey, String targetDefinitionId) {
		requireProcessOwner(workspaceId, callerId, true);
		return asEngine(() -> {
			Prepared prepared = prepare(workspaceId, processKey, targetDefinitionId);
			try {
				return this.transaction.execute(status -> migrateLocked(workspaceId, callerId, prepared));
			}
			catch (MigratingProcessInstanceValidationException ex) {
				// an instance changed between the rehearsal and the migration: nothing
				// moved
				InstanceReport report = refusedInstance(ex.getValidationReport(), prepared);
				throw new BusinessRuleViolation("processInstances",
						"Nothing moved: an instance changed meanwhile and cannot be migrated now: " + describe(report));
			}
			catch (OptimisticLockingException ex) {
				throw ex;
			}
			catch (ProcessEngineException ex) {
				throw new ConflictException("Nothing moved: the instances changed while they were being migrated ("
						+ clean(ex.getMessage()) + "); try again");
			}
		});
	}

	/** One migration of the workspace, with its progress brought up to date. */
	public Migration get(UUID workspaceId, UUID callerId, UUID migrationId) {
		requireProcessOwner(workspaceId, callerId, false);
		return asEngine(() -> this.transaction.execute(status -> {
			Row row = this.records.find(workspaceId, migrationId)
				.orElseThrow(() -> new NotFoundException("Process migration", migrationId));
			return view(refresh(row));
		}));
	}

	/** The workspace's migrations, newest first, without the per-instance reports. */
	public PageResult<MigrationSummary> list(UUID workspaceId, UUID callerId, int page, int size) {
		requireProcessOwner(workspaceId, callerId, false);
		return asEngine(() -> this.transaction.execute(status -> {
			List<MigrationSummary> items = this.records.page(workspaceId, (page - 1) * size, size)
				.stream()
				.map(this::refresh)
				.map(row -> MigrationSummary.of(view(row)))
				.toList();
			return new PageResult<>(items, page, size, this.records.count(workspaceId));
		}));
	}

	// the steps

	private Migration migrateLocked(UUID workspaceId, UUID callerId, Prepared prepared) {
		this.records.lock(workspaceId, prepared.processKey());
		for (Row open : this.records.open(workspaceId, prepared.processKey())) {
			Row current = refresh(open);
			if (current.state() == State.RUNNING) {
				throw new ConflictException("processKey", "A migration of '" + prepared.processKey()
						+ "' is still running in this workspace (" + current.id() + "); wait until it ends");
			}
			if (current.finishedAt() == null) {
				// failed batch jobs left over: the new migration takes their instances
				current.batchIds().forEach(this::deleteBatch);
				this.records.update(current.with(current.state(), Instant.now(), current.migrated(), current.failed(),
						current.report()));
			}
		}
		Map<String, Source> sources = sources(workspaceId, prepared);
		int total = sources.values().stream().mapToInt(s -> s.instances().size()).sum();
		Mode mode = mode(total);
		List<InstanceReport> reports = new ArrayList<>();
		if (mode == Mode.SYNCHRONOUS) {
			sources.values().forEach(source -> reports.addAll(rehearse(source)));
		}
		else {
			sources.values().forEach(source -> reports.addAll(precheck(source)));
		}
		Row row = new Row(UUID.randomUUID(), workspaceId, prepared.processKey(), List.copyOf(sources.keySet()),
				prepared.target().id(), callerId, mode, State.COMPLETED, Instant.now(), Instant.now(), total, 0, 0,
				List.of(), new Report(prepared.target(), used(prepared, sources.keySet()), reports));
		if (reports.stream().anyMatch(r -> r.outcome() == Outcome.NOT_MOVABLE)) {
			int refused = (int) reports.stream().filter(r -> r.outcome() == Outcome.NOT_MOVABLE).count();
			row = row.with(State.REFUSED, Instant.now(), 0, refused, row.report());
			this.records.insert(row);
			return view(row);
		}
		if (mode == Mode.SYNCHRONOUS) {
			for (Source source : sources.values()) {
				this.runtime.newMigration(source.plan()).processInstanceIds(ids(source)).execute();
			}
			List<InstanceReport> migrated = reports.stream().map(r -> r.with(Outcome.MIGRATED, List.of())).toList();
			row = row.with(State.COMPLETED, Instant.now(), total, 0,
					new Report(prepared.target(), row.report().sources(), migrated));
			this.records.insert(row);
			return view(row);
		}
		List<String> batches = new ArrayList<>();
		for (Source source : sources.values()) {
			Batch batch = this.runtime.newMigration(source.plan()).processInstanceIds(ids(source)).executeAsync();
			batches.add(batch.getId());
		}
		List<InstanceReport> pending = reports.stream().map(r -> r.with(Outcome.PENDING, List.of())).toList();
		row = new Row(row.id(), workspaceId, prepared.processKey(), row.sourceDefinitionIds(), row.targetDefinitionId(),
				callerId, mode, State.RUNNING, row.startedAt(), null, total, 0, 0, batches,
				new Report(prepared.target(), row.report().sources(), pending));
		this.records.insert(row);
		return view(row);
	}

	/**
	 * The target and a plan per definition the workspace's instances of the key run now
	 * (other than the target).
	 */
	private Prepared prepare(UUID workspaceId, String processKey, String targetDefinitionId) {
		String tenant = workspaceId.toString();
		long visible = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.tenantIdIn(tenant)
			.includeProcessDefinitionsWithoutTenantId()
			.count();
		if (visible == 0) {
			throw new BusinessRuleViolation("processKey",
					"No process with key '" + processKey + "' is deployed for this workspace");
		}
		ProcessDefinition target;
		if (targetDefinitionId == null) {
			String targetTenant = this.definitions.processTenant(workspaceId, processKey);
			var query = this.repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion();
			target = ((targetTenant != null) ? query.tenantIdIn(targetTenant) : query.withoutTenantId()).singleResult();
			if (target == null) {
				throw new BusinessRuleViolation("processKey",
						"No version of '" + processKey + "' is deployed for this workspace to migrate to");
			}
		}
		else {
			target = this.repository.createProcessDefinitionQuery()
				.processDefinitionId(targetDefinitionId)
				.singleResult();
			if (target == null || !processKey.equals(target.getKey())
					|| (target.getTenantId() != null && !target.getTenantId().equals(tenant))) {
				throw new NotFoundException("Process definition", targetDefinitionId);
			}
		}
		Map<String, ProcessDefinition> sourceDefinitions = new LinkedHashMap<>();
		Map<String, MigrationPlan> plans = new HashMap<>();
		Map<String, List<String>> planFailures = new HashMap<>();
		for (ProcessInstance instance : instances(workspaceId, processKey)) {
			String id = instance.getProcessDefinitionId();
			if (id.equals(target.getId()) || sourceDefinitions.containsKey(id)) {
				continue;
			}
			sourceDefinitions.put(id, this.repository.getProcessDefinition(id));
			try {
				plans.put(id,
						this.runtime.createMigrationPlan(id, target.getId())
							.mapEqualActivities()
							.updateEventTriggers()
							.build());
			}
			catch (MigrationPlanValidationException ex) {
				planFailures.put(id, planReasons(ex));
			}
			catch (ProcessEngineException ex) {
				planFailures.put(id, List.of(clean(ex.getMessage())));
			}
		}
		List<Definition> sources = sourceDefinitions.values()
			.stream()
			.sorted(Comparator.comparing((ProcessDefinition d) -> String.valueOf(d.getTenantId()))
				.thenComparing(ProcessDefinition::getVersion))
			.map(this::definition)
			.toList();
		return new Prepared(processKey, definition(target), target, sources, plans, planFailures);
	}

	/**
	 * The workspace's instances of the key now, by source definition (never the
	 * target's).
	 */
	private Map<String, Source> sources(UUID workspaceId, Prepared prepared) {
		Map<String, List<ProcessInstance>> byDefinition = new LinkedHashMap<>();
		for (ProcessInstance instance : instances(workspaceId, prepared.processKey())) {
			String definition = instance.getProcessDefinitionId();
			if (!definition.equals(prepared.target().id())) {
				byDefinition.computeIfAbsent(definition, d -> new ArrayList<>()).add(instance);
			}
		}
		Map<String, Source> sources = new LinkedHashMap<>();
		byDefinition.forEach((definition, instances) -> {
			List<String> planFailure = prepared.planFailures().get(definition);
			MigrationPlan plan = prepared.plans().get(definition);
			if (plan == null && planFailure == null) {
				// a definition that appeared after the plans were made (a deployment
				// racing
				// this one): its instances stay where they are until the next migration
				return;
			}
			sources.put(definition, new Source(definition, plan, planFailure, instances,
					waitingAt(workspaceId, definition), prepared.targetDefinition()));
		});
		return sources;
	}

	/**
	 * Each instance migrated in a transaction that is rolled back: movable, or why not
	 * (the engine's report).
	 */
	private List<InstanceReport> rehearse(Source source) {
		List<InstanceReport> checked = precheck(source);
		List<InstanceReport> reports = new ArrayList<>();
		for (int i = 0; i < checked.size(); i++) {
			InstanceReport report = checked.get(i);
			if (report.outcome() != Outcome.MOVABLE) {
				// what the engine would refuse anyway, without its error log
				reports.add(report);
				continue;
			}
			ProcessInstance instance = source.instances().get(i);
			List<String> reasons = this.rehearsal.execute(status -> {
				try {
					this.runtime.newMigration(source.plan()).processInstanceIds(instance.getId()).execute();
					return List.<String>of();
				}
				catch (MigratingProcessInstanceValidationException ex) {
					return instanceReasons(ex.getValidationReport(), source);
				}
				catch (ProcessEngineException ex) {
					return List.of(clean(ex.getMessage()));
				}
				finally {
					status.setRollbackOnly();
				}
			});
			reports.add((reasons == null || reasons.isEmpty()) ? report : report.with(Outcome.NOT_MOVABLE, reasons));
		}
		return reports;
	}

	/**
	 * Before a batch: the cheap check that every activity an instance waits at has an
	 * instruction in the plan (the engine's full validation runs in the batch's jobs).
	 */
	private List<InstanceReport> precheck(Source source) {
		List<InstanceReport> reports = new ArrayList<>();
		for (ProcessInstance instance : source.instances()) {
			List<String> waiting = source.waitingAt().getOrDefault(instance.getId(), List.of());
			if (source.plan() == null) {
				reports.add(report(instance, waiting, Outcome.NOT_MOVABLE, source.planFailure()));
				continue;
			}
			List<String> reasons = unmappedActivities(source, waiting);
			reports.add(report(instance, waiting, reasons.isEmpty() ? Outcome.MOVABLE : Outcome.NOT_MOVABLE, reasons));
		}
		return reports;
	}

	/**
	 * The engine's first rule, checked ahead: every activity an instance waits at needs
	 * an instruction in the plan.
	 */
	private List<String> unmappedActivities(Source source, List<String> waiting) {
		Set<String> mapped = new HashSet<>();
		source.plan().getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
		return waiting.stream()
			.filter(activity -> !mapped.contains(activity))
			.map(activity -> unmapped(activity, source))
			.toList();
	}

	/**
	 * A running or failed batch migration read again: which instances moved, which failed
	 * (the failed batch jobs' reasons), whether the batches are still at work. Saved when
	 * anything changed.
	 */
	private Row refresh(Row row) {
		if (row.finishedAt() != null || row.state() == State.REFUSED || row.state() == State.COMPLETED) {
			return row;
		}
		boolean running = false;
		boolean leftovers = false;
		Map<String, String> failures = new HashMap<>();
		for (String batchId : row.batchIds()) {
			BatchStatistics statistics = this.management.createBatchStatisticsQuery().batchId(batchId).singleResult();
			if (statistics == null) {
				continue;
			}
			if (statistics.getRemainingJobs() > statistics.getFailedJobs()) {
				running = true;
			}
			else if (statistics.getRemainingJobs() > 0) {
				leftovers = true;
			}
			for (Job job : this.management.createJobQuery()
				.jobDefinitionId(statistics.getBatchJobDefinitionId())
				.noRetriesLeft()
				.list()) {
				String message = String.valueOf(job.getExceptionMessage());
				row.report()
					.instances()
					.stream()
					.map(InstanceReport::processInstanceId)
					.filter(message::contains)
					.forEach(id -> failures.put(id, message));
			}
		}
		List<String> ids = row.report().instances().stream().map(InstanceReport::processInstanceId).toList();
		Map<String, String> current = new HashMap<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			Set<String> chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + 1000)));
			this.runtime.createProcessInstanceQuery()
				.processInstanceIds(chunk)
				.list()
				.forEach(pi -> current.put(pi.getId(), pi.getProcessDefinitionId()));
		}
		boolean batchesDone = !running && !leftovers;
		List<InstanceReport> instances = new ArrayList<>();
		for (InstanceReport instance : row.report().instances()) {
			String definition = current.get(instance.processInstanceId());
			if (row.targetDefinitionId().equals(definition)) {
				instances.add(instance.with(Outcome.MIGRATED, List.of()));
			}
			else if (definition == null) {
				instances.add(instance.with(Outcome.ENDED, List.of()));
			}
			else if (failures.containsKey(instance.processInstanceId())) {
				instances
					.add(instance.with(Outcome.FAILED, List.of(jobReason(failures.get(instance.processInstanceId()),
							row.report().sources(), instance.sourceDefinitionId()))));
			}
			else if (instance.outcome() == Outcome.FAILED) {
				// its batch job's reason, read while the batch still existed
				instances.add(instance);
			}
			else if (batchesDone) {
				instances.add(instance.with(Outcome.FAILED,
						List.of("not moved: the batch ended without migrating it (its job was deleted)")));
			}
			else {
				instances.add(instance.with(Outcome.PENDING, List.of()));
			}
		}
		int migrated = (int) instances.stream().filter(i -> i.outcome() == Outcome.MIGRATED).count();
		int failed = (int) instances.stream().filter(i -> i.outcome() == Outcome.FAILED).count();
		State state = running ? State.RUNNING : (failed > 0 ? State.INCOMPLETE : State.COMPLETED);
		Instant finished = (batchesDone) ? Instant.now() : null;
		Row refreshed = row.with(state, finished, migrated, failed,
				new Report(row.report().target(), row.report().sources(), instances));
		if (!refreshed.equals(row)) {
			this.records.update(refreshed);
		}
		return refreshed;
	}

	// engine reads

	private List<ProcessInstance> instances(UUID workspaceId, String processKey) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.tenantIdIn(workspaceId.toString())
			.orderByProcessInstanceId()
			.asc()
			.list();
	}

	/**
	 * The activities the workspace's instances of a definition wait at, by instance: the
	 * leaves of their activity instance trees (the engine's history of running
	 * activities).
	 */
	private Map<String, List<String>> waitingAt(UUID workspaceId, String definitionId) {
		List<HistoricActivityInstance> running = this.history.createHistoricActivityInstanceQuery()
			.processDefinitionId(definitionId)
			.tenantIdIn(workspaceId.toString())
			.unfinished()
			.list();
		Set<String> parents = new HashSet<>();
		running.forEach(activity -> parents.add(activity.getParentActivityInstanceId()));
		Map<String, List<String>> waiting = new HashMap<>();
		for (HistoricActivityInstance activity : running) {
			if (parents.contains(activity.getId())) {
				continue;
			}
			List<String> activities = waiting.computeIfAbsent(activity.getProcessInstanceId(), i -> new ArrayList<>());
			if (!activities.contains(activity.getActivityId())) {
				activities.add(activity.getActivityId());
			}
		}
		return waiting;
	}

	private void deleteBatch(String batchId) {
		if (this.management.createBatchQuery().batchId(batchId).count() > 0) {
			this.management.deleteBatch(batchId, false);
		}
	}

	// reasons

	private List<String> instanceReasons(MigratingProcessInstanceValidationReport report, Source source) {
		List<String> reasons = new ArrayList<>();
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			reasons.addAll(activityReasons(activity.getSourceScopeId(), activity.getFailures(), source));
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			reasons.addAll(activityReasons(transition.getSourceScopeId(), transition.getFailures(), source));
		}
		report.getFailures().forEach(f -> reasons.add(clean(f)));
		if (reasons.isEmpty()) {
			reasons.add("the engine refused to migrate it");
		}
		return reasons;
	}

	private List<String> activityReasons(String activityId, List<String> failures, Source source) {
		List<String> reasons = new ArrayList<>();
		for (String failure : failures) {
			if (failure.contains("no migration instruction")) {
				reasons.add(unmapped(activityId, source));
			}
			else {
				reasons.add("at '" + activityId + "'" + label(source.definition(), activityId) + ": " + failure);
			}
		}
		return reasons;
	}

	private String unmapped(String activityId, Source source) {
		return "waits at '" + activityId + "'" + label(source.definition(), activityId)
				+ ", which has no matching activity in the target version " + source.target().getVersion()
				+ " (no activity with this id and type there)";
	}

	private List<String> planReasons(MigrationPlanValidationException ex) {
		List<String> reasons = new ArrayList<>();
		for (MigrationInstructionValidationReport instruction : ex.getValidationReport().getInstructionReports()) {
			MigrationInstruction i = instruction.getMigrationInstruction();
			instruction.getFailures()
				.forEach(f -> reasons.add("the engine cannot map '" + i.getSourceActivityId() + "' to '"
						+ i.getTargetActivityId() + "': " + f));
		}
		ex.getValidationReport()
			.getVariableReports()
			.forEach((name, report) -> report.getFailures().forEach(f -> reasons.add("variable " + name + ": " + f)));
		if (reasons.isEmpty()) {
			reasons.add(clean(ex.getMessage()));
		}
		return reasons;
	}

	/** A failed batch job's message, in the words of the dry run where possible. */
	private String jobReason(String message, List<Definition> sources, String sourceDefinitionId) {
		Matcher activity = ACTIVITY_INSTANCE.matcher(message);
		if (message.contains("no migration instruction") && activity.find()) {
			String id = activity.group(1);
			return "waits at '" + id + "'" + label(sourceDefinitionId, id)
					+ ", which has no matching activity in the target version";
		}
		return clean(message);
	}

	private InstanceReport refusedInstance(MigratingProcessInstanceValidationReport report, Prepared prepared) {
		String instanceId = report.getProcessInstanceId();
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(instanceId)
			.singleResult();
		String definition = (instance != null) ? instance.getProcessDefinitionId() : null;
		Source source = new Source(definition, null, null, List.of(), Map.of(), prepared.targetDefinition());
		return new InstanceReport(instanceId, (instance != null) ? instance.getBusinessKey() : null, definition,
				List.of(), Outcome.NOT_MOVABLE, instanceReasons(report, source));
	}

	private String label(String definitionId, String activityId) {
		if (definitionId == null) {
			return "";
		}
		try {
			BpmnModelInstance model = this.repository.getBpmnModelInstance(definitionId);
			ModelElementInstance element = model.getModelElementById(activityId);
			if (element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()) {
				return " (" + flow.getName().strip() + ")";
			}
		}
		catch (ProcessEngineException ex) {
			// a deleted deployment: the id alone
		}
		return "";
	}

	static String describe(InstanceReport report) {
		return "instance " + report.processInstanceId()
				+ ((report.businessKey() != null) ? " (business key " + report.businessKey() + ")" : "") + ": "
				+ String.join("; ", report.reasons());
	}

	private static String clean(String message) {
		return ENGINE_CODE.matcher(String.valueOf(message)).replaceAll("").replaceAll("\\s+", " ").strip();
	}

	// access and helpers

	private void requireProcessOwner(UUID workspaceId, UUID callerId, boolean changes) {
		this.workspaces.requireMember(workspaceId, callerId);
		if (!this.workspaces.isProcessOwner(workspaceId, callerId)) {
			throw new ForbiddenException("Only the workspace's process owners migrate its running processes; "
					+ "ask the workspace's owner for the right");
		}
		if (changes && !this.ownerDeployments.enabled()) {
			throw new ForbiddenException(OwnerDeployments.SWITCHED_OFF);
		}
	}

	/**
	 * Runs engine calls as the application, not as a person: the ERP checked the caller,
	 * and the instances are selected by the workspace's tenant.
	 */
	private <T> T asEngine(Supplier<T> work) {
		Authentication previous = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				this.identity.setAuthentication(previous);
			}
		}
	}

	private Mode mode(int total) {
		return (total > this.synchronousLimit) ? Mode.BATCH : Mode.SYNCHRONOUS;
	}

	private List<Definition> used(Prepared prepared, Set<String> ids) {
		return prepared.definitions().stream().filter(d -> ids.contains(d.id())).toList();
	}

	private Definition definition(ProcessDefinition d) {
		Deployment deployment = this.repository.createDeploymentQuery()
			.deploymentId(d.getDeploymentId())
			.singleResult();
		return new Definition(d.getId(), d.getKey(), d.getVersion(), d.getTenantId(),
				(deployment != null) ? deployment.getName() : null);
	}

	private static List<String> ids(Source source) {
		return source.instances().stream().map(ProcessInstance::getId).toList();
	}

	private static InstanceReport report(ProcessInstance instance, List<String> waiting, Outcome outcome,
			List<String> reasons) {
		return new InstanceReport(instance.getId(), instance.getBusinessKey(), instance.getProcessDefinitionId(),
				waiting, outcome, reasons);
	}

	private Migration view(Row row) {
		int pending = (int) row.report().instances().stream().filter(i -> i.outcome() == Outcome.PENDING).count();
		return new Migration(row.id(), row.workspaceId(), row.processKey(), row.report().target(),
				row.report().sources(), row.actorUserId(), row.mode(), row.state(), row.startedAt(), row.finishedAt(),
				row.total(), row.migrated(), row.failed(), pending, row.batchIds(), row.report().instances());
	}

	// types

	/** How the instances move: in the request, or as engine batches in the background. */
	public enum Mode {

		SYNCHRONOUS, BATCH

	}

	/**
	 * A recorded migration: {@code COMPLETED} (everything moved), {@code REFUSED}
	 * (nothing moved, the report says why), {@code RUNNING} (batches at work),
	 * {@code INCOMPLETE} (batches ended with instances that failed).
	 */
	public enum State {

		COMPLETED, REFUSED, RUNNING, INCOMPLETE

	}

	/**
	 * One instance's outcome: {@code MOVABLE}/{@code NOT_MOVABLE} (dry run, or why a
	 * migration was refused), {@code MIGRATED}, {@code PENDING} (its batch job has not
	 * run), {@code FAILED} (its batch job failed), {@code ENDED} (it ended before it was
	 * moved).
	 */
	public enum Outcome {

		MOVABLE, NOT_MOVABLE, MIGRATED, PENDING, FAILED, ENDED

	}

	/**
	 * A process definition: {@code tenantId} is the workspace's id for its own version,
	 * {@code null} for the shared default.
	 */
	public record Definition(String id, String key, int version, String tenantId, String deploymentName) {
	}

	/**
	 * An instance in a report: where it waits (activity ids), its outcome and the reasons
	 * it cannot move (or failed).
	 */
	public record InstanceReport(String processInstanceId, String businessKey, String sourceDefinitionId,
			List<String> waitingAt, Outcome outcome, List<String> reasons) {

		InstanceReport with(Outcome outcome, List<String> reasons) {
			return new InstanceReport(this.processInstanceId, this.businessKey, this.sourceDefinitionId, this.waitingAt,
					outcome, reasons);
		}

	}

	/** What a migration would do now; nothing was changed. */
	public record DryRun(boolean dryRun, UUID workspaceId, String processKey, Definition target,
			List<Definition> sources, Mode mode, int total, int movable, int notMovable,
			List<InstanceReport> instances) {
	}

	/** A migration as recorded, with its progress and per-instance report. */
	public record Migration(UUID id, UUID workspaceId, String processKey, Definition target, List<Definition> sources,
			UUID actorUserId, Mode mode, State state, Instant startedAt, Instant finishedAt, int total, int migrated,
			int failed, int pending, List<String> batchIds, List<InstanceReport> instances) {
	}

	/** A migration in the list. */
	public record MigrationSummary(UUID id, UUID workspaceId, String processKey, Definition target, UUID actorUserId,
			Mode mode, State state, Instant startedAt, Instant finishedAt, int total, int migrated, int failed,
			int pending) {

		static MigrationSummary of(Migration m) {
			return new MigrationSummary(m.id(), m.workspaceId(), m.processKey(), m.target(), m.actorUserId(), m.mode(),
					m.state(), m.startedAt(), m.finishedAt(), m.total(), m.migrated(), m.failed(), m.pending());
		}

	}

	private record Prepared(String processKey, Definition target, ProcessDefinition targetDefinition,
			List<Definition> definitions, Map<String, MigrationPlan> plans, Map<String, List<String>> planFailures) {
	}

	private record Source(String definition, MigrationPlan plan, List<String> planFailure,
			List<ProcessInstance> instances, Map<String, List<String>> waitingAt, ProcessDefinition target) {
	}

}
