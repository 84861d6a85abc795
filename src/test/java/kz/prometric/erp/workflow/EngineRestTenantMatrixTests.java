package kz.prometric.erp.workflow;

import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The tenant isolation matrix of the engine REST API, generated from the JAX-RS resources
 * the engine REST registers (the root resources of the Jersey configuration and, through
 * their sub-resource locators, every {@code /task/{id}/…},
 * {@code /process-instance/{id}/…} route): each route that addresses an object by id,
 * called by the owner of workspace B with the ids of workspace A's objects (a deal's
 * process instance, its task, variables, executions, an order's job, an incident, a
 * comment, an attachment, their history, A's users, groups and tenant), answers exactly
 * as it answers for ids that do not exist, shows nothing of A, and leaves A as it was.
 * Shared, tenant-less objects (process definitions, deployments, the shared Tasklist
 * filter) may be read by B but not changed.
 */
@ErpIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestTenantMatrixTests {

	/**
	 * The route up to a path variable (or, after {@code *}, the variable's name alone) to
	 * the id of tenant A's object it addresses. A route whose variable is not here fails
	 * {@link #knowsEveryObjectTheRoutesAddress}: add the kind of object to the fixture.
	 */
	static final Map<String, Function<Tenant, String>> IDS = Map.ofEntries(Map.entry("/task/{id}", t -> t.id("task")),
			Map.entry("/process-instance/{id}", t -> t.id("instance")),
			Map.entry("/execution/{id}", t -> t.id("execution")),
			Map.entry("/variable-instance/{id}", t -> t.id("variableInstance")),
			Map.entry("/job/{id}", t -> t.id("job")), Map.entry("/incident/{id}", t -> t.id("incident")),
			Map.entry("/external-task/{id}", t -> t.id("externalTask")), Map.entry("/batch/{id}", t -> null),
			Map.entry("/history/process-instance/{id}", t -> t.id("instance")),
			Map.entry("/history/activity-instance/{id}", t -> t.id("historicActivity")),
			Map.entry("/history/variable-instance/{id}", t -> t.id("historicVariable")),
			Map.entry("/history/detail/{id}", t -> t.id("historicDetail")),
			Map.entry("/history/incident/{id}", t -> t.id("incident")), Map.entry("/history/job-log/{id}", t -> null),
			Map.entry("/history/external-task-log/{id}", t -> null),
			Map.entry("/history/decision-instance/{id}", t -> null), Map.entry("/history/batch/{id}", t -> null),
			Map.entry("/history/case-instance/{id}", t -> null),
			Map.entry("/history/case-activity-instance/{id}", t -> null),
			Map.entry("/history/user-operation/{operationId}", t -> null), Map.entry("/case-instance/{id}", t -> null),
			Map.entry("/case-execution/{id}", t -> null), Map.entry("/user/{id}", t -> t.id("user")),
			Map.entry("/group/{id}", t -> t.id("group")), Map.entry("/tenant/{id}", t -> t.id("tenant")),
			Map.entry("/authorization/{id}", t -> t.id("authorization")),
			Map.entry("/filter/{id}", t -> t.id("filter")),
			Map.entry("/process-definition/{id}", t -> t.id("processDefinition")),
			Map.entry("/process-definition/key/{key}", t -> t.id("processDefinitionKey")),
			Map.entry("/deployment/{id}", t -> t.id("deployment")),
			Map.entry("/job-definition/{id}", t -> t.id("jobDefinition")),
			Map.entry("/decision-definition/{id}", t -> t.id("decisionDefinition")),
			Map.entry("/decision-definition/key/{key}", t -> t.id("decisionDefinitionKey")),
			Map.entry("/decision-requirements-definition/{id}", t -> null),
			Map.entry("/decision-requirements-definition/key/{key}", t -> null),
			Map.entry("/case-definition/{id}", t -> null), Map.entry("/case-definition/key/{key}", t -> null),
			Map.entry("/history/process-definition/{id}", t -> t.id("processDefinition")),
			Map.entry("/history/case-definition/{id}", t -> null),
			Map.entry("/history/decision-requirements-definition/{id}", t -> null),
			Map.entry("/metrics/{name}", t -> "activity-instance-start"), Map.entry("*tenantId", t -> t.id("tenant")),
			Map.entry("*tenant-id", t -> t.id("tenant")), Map.entry("*groupId", t -> t.id("group")),
			Map.entry("*userId", t -> t.id("user")), Map.entry("*varId", t -> "workspaceId"),
			Map.entry("*commentId", t -> t.id("comment")), Map.entry("*attachmentId", t -> t.id("attachment")),
			Map.entry("*messageName", t -> null), Map.entry("*resourceId", t -> t.id("deploymentResource")),
			Map.entry("*activityId", t -> t.id("activityId")));

	/**
	 * Routes of tenant-less, shared objects: B may read them (every user reads process
	 * definitions) but not change them.
	 */
	static final List<String> SHARED = List.of("/process-definition/", "/deployment/", "/job-definition/",
			"/decision-definition/", "/decision-requirements-definition/", "/case-definition/",
			"/history/process-definition/", "/history/decision-definition/", "/history/case-definition/",
			"/history/decision-requirements-definition/", "/filter/", "/metrics/");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ResourceConfig engineRest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ExternalTaskService externalTasks;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	FilterService filters;

	Tenant a;

	TestData.User b;

	/** A's engine state before the matrix. */
	String baseline;

	@BeforeAll
	void createTheTenants() {
		this.a = tenant("Alpha");
		this.b = this.data.user("BravoOwner");
		this.data.organization(this.b, "Bravo " + UUID.randomUUID().toString().substring(0, 8));
		this.baseline = snapshot();
	}

	@AfterAll
	void leavesTheOtherTenantAsItWas() {
		assertThat(snapshot()).as("A unchanged after the whole matrix").isEqualTo(this.baseline);
	}

	/**
	 * Every route of the engine REST API with a path variable, from the root resources of
	 * its Jersey configuration down every sub-resource locator.
	 */
	Stream<EngineRoute> routes() {
		Set<EngineRoute> routes = new HashSet<>();
		for (Class<?> root : this.engineRest.getClasses()) {
			Path path = root.getAnnotation(Path.class);
			if (path != null && !path.value().startsWith("/engine") && !path.value().startsWith("engine")) {
				walk(root, "", routes, new ArrayDeque<>());
			}
		}
		return routes.stream()
			.filter(r -> !VARIABLE.matcher(r.template()).results().toList().isEmpty())
			.sorted(Comparator.comparing(EngineRoute::toString));
	}

	Stream<EngineRoute> tenantRoutes() {
		return routes().filter(r -> SHARED.stream().noneMatch(r.template()::startsWith));
	}

	Stream<EngineRoute> sharedWrites() {
		return routes().filter(r -> SHARED.stream().anyMatch(r.template()::startsWith))
			.filter(r -> !r.method().equals("GET"));
	}

	@Test
	void knowsEveryObjectTheRoutesAddress() {
		List<EngineRoute> routes = routes().toList();
		Set<String> unknown = new java.util.TreeSet<>();
		for (EngineRoute route : routes) {
			for (String variable : variables(route.template())) {
				if (key(route.template(), variable) == null) {
					unknown.add("{" + variable + "} in " + route);
				}
			}
		}

		assertThat(unknown).as("add these to IDS and the fixture").isEmpty();
		assertThat(routes).extracting(EngineRoute::toString)
			.contains("POST /task/{id}/complete", "PUT /process-instance/{id}/variables/{varId}",
					"GET /history/process-instance/{id}", "POST /task/{id}/bpmnError",
					"POST /process-instance/{id}/modification");
		System.out.printf("Engine REST tenant matrix: %d routes with ids (%d of tenants, %d shared)%n", routes.size(),
				tenantRoutes().count(), routes.size() - tenantRoutes().count());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tenantRoutes")
	void answersAnotherTenantsIdsExactlyLikeUnknownIds(EngineRoute route) {
		// reads change nothing; A as a whole is compared once more after the matrix
		String before = route.method().equals("GET") ? null : snapshot();
		Map<String, String> ids = this.a.ids(route);
		Map<String, String> unknownIds = randomIds(route);

		Api.Response response = call(route, ids);
		Api.Response unknown = call(route, unknownIds);

		assertThat(response.status()).as(route + " " + response).isBetween(400, 499);
		assertThat(comparable(response, ids)).as("%s answers A's ids as unknown ones", route)
			.isEqualTo(comparable(unknown, unknownIds));
		assertNoLeak(response, resolve(route, ids));
		if (before != null) {
			assertThat(snapshot()).as("A unchanged after %s", route).isEqualTo(before);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sharedWrites")
	void refusesChangesToSharedObjects(EngineRoute route) {
		String before = snapshot();
		Map<String, String> ids = this.a.ids(route);

		Api.Response response = call(route, ids);

		if (!route.template().matches(".*/(list|count|singleResult)$")) {
			assertThat(response.status()).as(route + " " + response).isBetween(400, 499);
		}
		assertThat(response.status()).as(route + " " + response).isLessThan(500);
		assertNoLeak(response, resolve(route, ids));
		assertThat(snapshot()).as("A unchanged after %s", route).isEqualTo(before);
	}

	@Test
	void answersRefusalsAndUnknownIdsOnTheTasklistApiAlike() throws Exception {
		Webapp tasklist = Webapp.login(this.api.baseUrl(), this.b.email(), "tasklist");
		String before = snapshot();

		HttpResponse<String> foreign = tasklist.post(
				"/camunda/api/engine/engine/default/task/" + this.a.id("task") + "/submit-form", "{\"variables\":{}}");
		HttpResponse<String> unknown = tasklist.post(
				"/camunda/api/engine/engine/default/task/" + UUID.randomUUID() + "/submit-form", "{\"variables\":{}}");

		assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
		assertThat(foreign.body().replace(this.a.id("task"), "<id>")).isEqualTo(
				unknown.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"));
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void refusesADeploymentFromACockpitSessionWithAClearAnswer() throws Exception {
		Webapp cockpit = Webapp.login(this.api.baseUrl(), this.a.owner().email(), "cockpit");
		long deployments = this.repository.createDeploymentQuery().count();
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://prometric.kz/test">
				  <process id="cockpit-upload" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="StartEvent_Upload"/>
				  </process>
				</definitions>
				""";

		HttpResponse<String> response = cockpit.multipart("/camunda/api/engine/engine/default/deployment/create",
				Map.of("deployment-name", "from-cockpit", "tenant-id", this.a.id("tenant")), "upload.bpmn", bpmn);

		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499).isNotEqualTo(404);
		assertThat(response.body()).contains("not allowed");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("cockpit-upload").count())
			.isZero();
	}

	private Api.Response call(EngineRoute route, Map<String, String> ids) {
		String body = route.method().equals("POST") || route.method().equals("PUT") ? "{}" : null;
		return this.api.send(route.method(), "/engine-rest" + resolve(route, ids), this.b.token(), body, Map.of());
	}

	/** Nothing of A: none of its names, e-mails and ids beyond those the caller sent. */
	private void assertNoLeak(Api.Response response, String encodedPath) {
		String path = URLDecoder.decode(encodedPath, StandardCharsets.UTF_8);
		this.a.secrets()
			.stream()
			.filter(secret -> !path.contains(secret))
			.forEach(secret -> assertThat(response.text()).as("answer names A's %s", secret).doesNotContain(secret));
		this.a.objects()
			.values()
			.stream()
			.filter(id -> id != null && id.length() > 20 && !path.contains(id))
			.forEach(id -> assertThat(response.text()).as("answer names A's id %s", id).doesNotContain(id));
	}

	private static String comparable(Api.Response response, Map<String, String> ids) {
		String text = response.status() + "\n" + response.contentType() + "\n" + response.text();
		// longest first: a group id starts with its tenant's id
		List<Map.Entry<String, String>> longestFirst = ids.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
			.toList();
		for (Map.Entry<String, String> id : longestFirst) {
			text = text.replace(id.getValue(), "<" + id.getKey() + ">");
		}
		return text;
	}

	/**
	 * A's process state as the engine holds it: instances, variables, tasks, jobs,
	 * incidents, comments, attachments, identity links, and the shared definitions.
	 */
	private String snapshot() {
		String tenant = this.a.id("tenant");
		StringBuilder s = new StringBuilder();
		this.runtime.createProcessInstanceQuery()
			.tenantIdIn(tenant)
			.orderByProcessInstanceId()
			.asc()
			.list()
			.forEach(p -> s.append("instance ")
				.append(p.getId())
				.append(p.isSuspended())
				.append(p.isEnded())
				.append(new TreeMap<>(this.runtime.getVariables(p.getId())))
				.append('\n'));
		this.tasks.createTaskQuery().tenantIdIn(tenant).orderByTaskId().asc().list().forEach(t -> {
			s.append("task ")
				.append(List.of(t.getId(), t.getName(), String.valueOf(t.getAssignee()), String.valueOf(t.getOwner()),
						String.valueOf(t.getDueDate()), String.valueOf(t.getFollowUpDate()), t.getPriority(),
						t.isSuspended(), String.valueOf(t.getDelegationState()), String.valueOf(t.getDescription())))
				.append(new TreeMap<>(this.tasks.getVariablesLocal(t.getId())))
				.append(this.tasks.getIdentityLinksForTask(t.getId())
					.stream()
					.map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId())
					.sorted()
					.toList())
				.append(this.tasks.getTaskComments(t.getId()).stream().map(c -> c.getFullMessage()).sorted().toList())
				.append(this.tasks.getTaskAttachments(t.getId()).stream().map(x -> x.getName()).sorted().toList())
				.append('\n');
		});
		this.management.createJobQuery()
			.tenantIdIn(tenant)
			.orderByJobId()
			.asc()
			.list()
			.forEach(j -> s.append("job ")
				.append(List.of(j.getId(), j.getRetries(), String.valueOf(j.getDuedate()), j.isSuspended(),
						j.getPriority()))
				.append('\n'));
		this.runtime.createIncidentQuery()
			.tenantIdIn(tenant)
			.orderByIncidentId()
			.asc()
			.list()
			.forEach(i -> s.append("incident ")
				.append(i.getId())
				.append(i.getIncidentMessage())
				.append(i.getAnnotation())
				.append('\n'));
		this.externalTasks.createExternalTaskQuery()
			.tenantIdIn(tenant)
			.orderById()
			.asc()
			.list()
			.forEach(x -> s.append("external task ")
				.append(List.of(x.getId(), String.valueOf(x.getWorkerId()), String.valueOf(x.getLockExpirationTime()),
						String.valueOf(x.getRetries()), String.valueOf(x.getErrorMessage()), x.getPriority(),
						x.isSuspended()))
				.append('\n'));
		this.runtime.createExecutionQuery()
			.tenantIdIn(tenant)
			.orderByProcessInstanceId()
			.asc()
			.list()
			.forEach(e -> s.append("execution ").append(e.getId()).append(e.isSuspended()).append('\n'));
		this.repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionId()
			.asc()
			.list()
			.forEach(d -> s.append("definition ").append(d.getId()).append(d.isSuspended()).append('\n'));
		this.management.createJobDefinitionQuery()
			.orderByJobDefinitionId()
			.asc()
			.list()
			.forEach(d -> s.append("job definition ")
				.append(d.getId())
				.append(d.isSuspended())
				.append(d.getOverridingJobPriority())
				.append('\n'));
		s.append("deployments ").append(this.repository.createDeploymentQuery().count()).append('\n');
		// a login writes the person's own Tasklist filters, each with its owner's
		// authorization: those are his, not a change to anyone else's data
		long ownFilterGrants = this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.list()
			.stream()
			.filter(a -> a.getUserId() != null && Optional.ofNullable(this.filters.getFilter(a.getResourceId()))
				.map(f -> a.getUserId().equals(f.getOwner()))
				.orElse(false))
			.count();
		s.append("authorizations ")
			.append(this.authorizations.createAuthorizationQuery().count() - ownFilterGrants)
			.append('\n');
		return s.toString();
	}

	/**
	 * Workspace A with a deal in its lifecycle, an order waiting for its job and an
	 * operation locked by a machine.
	 */
	private Tenant tenant(String label) {
		String tag = label.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
		TestData.User owner = this.data.user(label + "Owner");
		TestData.Org org = this.data.organization(owner, label + " Engine " + tag);
		String ws = "/api/workspaces/" + org.workspaceId();
		UUID customer = this.data.customer(owner, org.workspaceId(), "Customer " + tag);
		String dealId = this.data.deal(owner, org.workspaceId(), customer, "Deal " + tag, Map.of()).path("id").asText();
		Api.Response order = this.api.post(ws + "/orders", owner.token(), Map.of("customerId", customer, "lines",
				List.of(Map.of("productName", "Goods " + tag, "quantity", "1", "unitPrice", "100.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		String tenant = org.workspaceId().toString();
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.tenantIdIn(tenant)
			.processDefinitionKey("deal-lifecycle")
			.singleResult();
		Task task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		Job job = this.management.createJobQuery().tenantIdIn(tenant).list().get(0);
		Map<String, String> ids = new TreeMap<>();
		ids.put("tenant", tenant);
		ids.put("user", owner.email());
		ids.put("group", tenant + ":member");
		ids.put("instance", instance.getId());
		ids.put("task", task.getId());
		ids.put("activityId", task.getTaskDefinitionKey());
		ids.put("execution", task.getExecutionId());
		ids.put("variableInstance",
				this.runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list().get(0).getId());
		ids.put("job", job.getId());
		ids.put("jobDefinition", job.getJobDefinitionId());
		ids.put("incident",
				this.runtime.createIncident("matrix", task.getExecutionId(), "Incident " + tag, "Incident " + tag)
					.getId());
		ids.put("comment", this.tasks.createComment(task.getId(), instance.getId(), "Comment " + tag).getId());
		ids.put("attachment",
				this.tasks
					.createAttachment("text/plain", task.getId(), instance.getId(), "Attachment " + tag, "Note " + tag,
							"https://example.kz/" + tag)
					.getId());
		ids.put("historicActivity",
				this.history.createHistoricActivityInstanceQuery()
					.processInstanceId(instance.getId())
					.list()
					.stream()
					.map(HistoricActivityInstance::getId)
					.findFirst()
					.orElseThrow());
		ids.put("historicVariable",
				this.history.createHistoricVariableInstanceQuery()
					.processInstanceId(instance.getId())
					.list()
					.stream()
					.map(HistoricVariableInstance::getId)
					.findFirst()
					.orElseThrow());
		ids.put("historicDetail",
				this.history.createHistoricDetailQuery()
					.processInstanceId(instance.getId())
					.list()
					.stream()
					.map(HistoricDetail::getId)
					.findFirst()
					.orElse(null));
		ids.put("authorization",
				this.authorizations.createAuthorizationQuery()
					.resourceType(Resources.TASK)
					.resourceId(task.getId())
					.list()
					.stream()
					.map(x -> x.getId())
					.findFirst()
					.orElse(null));
		ids.put("filter",
				this.filters.createFilterQuery()
					.filterName(EngineAccessBootstrap.ALL_MY_TASKS_FILTER)
					.singleResult()
					.getId());
		ids.put("processDefinition", instance.getProcessDefinitionId());
		ids.put("processDefinitionKey",
				this.repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey());
		ids.put("deployment",
				this.repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId());
		ids.put("deploymentResource", this.repository.getDeploymentResources(ids.get("deployment")).get(0).getId());
		// an operation on a machine, locked by A's gateway (engine REST external-task
		// routes)
		this.runtime.createProcessInstanceByKey("adapter-machine-operation")
			.businessKey("MO-" + tag)
			.setVariable("workspaceId", tenant)
			.setVariable("operationTopic", "production.CNC-" + tag)
			.setVariable("orderQuantity", 5L)
			.setVariable("plannedRunMinutes", 42L)
			.setVariable("stepName", "Milling " + tag)
			.execute();
		ids.put("externalTask",
				this.externalTasks.fetchAndLock(1, "gateway-" + tag)
					.topic("production.CNC-" + tag, 3_600_000)
					.execute()
					.get(0)
					.getId());
		var decision = this.repository.createDecisionDefinitionQuery().latestVersion().list().get(0);
		ids.put("decisionDefinition", decision.getId());
		ids.put("decisionDefinitionKey", decision.getKey());
		List<String> secrets = List.of(owner.email(), "Deal " + tag, "Customer " + tag, "Goods " + tag,
				"Comment " + tag, "Attachment " + tag, "Incident " + tag, label + " Engine " + tag, "gateway-" + tag,
				"Milling " + tag);
		return new Tenant(owner, ids, secrets);
	}

	/** Random ids of the same shape as A's, for every variable of the route. */
	private static Map<String, String> randomIds(EngineRoute route) {
		Map<String, String> ids = new LinkedHashMap<>();
		for (String variable : variables(route.template())) {
			String random = UUID.randomUUID().toString();
			ids.put(variable, switch (variable) {
				case "varId" -> "v" + random.substring(0, 8);
				default -> random;
			});
		}
		return ids;
	}

	private static String resolve(EngineRoute route, Map<String, String> ids) {
		Matcher matcher = VARIABLE.matcher(route.template());
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String id = ids.get(matcher.group(1));
			if (id == null) {
				fail("%s: no id for {%s}: add it to IDS and the fixture", route, matcher.group(1));
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(id, StandardCharsets.UTF_8)));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	/**
	 * The fixture key of a variable: the route up to and including it, else
	 * {@code *<variable>}.
	 */
	private static String key(String template, String variable) {
		Matcher matcher = VARIABLE.matcher(template);
		while (matcher.find()) {
			if (matcher.group(1).equals(variable)) {
				String upTo = template.substring(0, matcher.start()) + "{" + variable + "}";
				if (IDS.containsKey(upTo)) {
					return upTo;
				}
			}
		}
		return IDS.containsKey("*" + variable) ? "*" + variable : null;
	}

	private static List<String> variables(String template) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(template);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	/**
	 * The routes of a resource class: its resource methods, and the routes of the classes
	 * its sub-resource locators return (JAX-RS annotations may sit on an interface).
	 */
	private static void walk(Class<?> type, String prefix, Set<EngineRoute> routes, Deque<Class<?>> path) {
		if (path.contains(type) || path.size() > 6) {
			return;
		}
		path.push(type);
		for (Method method : type.getMethods()) {
			Method annotated = annotated(type, method);
			if (annotated == null) {
				continue;
			}
			Path sub = annotated.getAnnotation(Path.class);
			String template = normalize(prefix + ((sub != null) ? "/" + sub.value() : ""));
			String http = httpMethod(annotated);
			if (http != null) {
				if (!http.equals("OPTIONS") && !http.equals("HEAD")) {
					routes.add(new EngineRoute(http, template));
				}
			}
			else if (sub != null) {
				walk(method.getReturnType(), template, routes, path);
			}
		}
		path.pop();
	}

	private static Method annotated(Class<?> type, Method method) {
		Deque<Class<?>> candidates = new ArrayDeque<>(List.of(type));
		Set<Class<?>> seen = new HashSet<>();
		while (!candidates.isEmpty()) {
			Class<?> candidate = candidates.poll();
			if (candidate == null || candidate == Object.class || !seen.add(candidate)) {
				continue;
			}
			try {
				Method m = candidate.getDeclaredMethod(method.getName(), method.getParameterTypes());
				if (m.isAnnotationPresent(Path.class) || httpMethod(m) != null) {
					return m;
				}
			}
			catch (NoSuchMethodException ex) {
				// look further up
			}
			candidates.add(candidate.getSuperclass());
			candidates.addAll(List.of(candidate.getInterfaces()));
		}
		return null;
	}

	private static String httpMethod(Method method) {
		return Stream.of(method.getAnnotations())
			.map(a -> a.annotationType().getAnnotation(HttpMethod.class))
			.filter(h -> h != null)
			.map(HttpMethod::value)
			.findFirst()
			.orElse(null);
	}

	private static String normalize(String template) {
		String normalized = template.replaceAll("/+", "/");
		return (normalized.length() > 1 && normalized.endsWith("/")) ? normalized.substring(0, normalized.length() - 1)
				: normalized;
	}

	/** One route and method of the engine REST API. */
	record EngineRoute(String method, String template) {

		@Override
		public String toString() {
			return this.method + " " + this.template;
		}

	}

	/**
	 * Workspace A's engine objects by fixture name; null where A has none of the kind.
	 */
	record Tenant(TestData.User owner, Map<String, String> objects, List<String> secrets) {

		String id(String object) {
			return this.objects.get(object);
		}

		/** A's ids for the route's variables. */
		Map<String, String> ids(EngineRoute route) {
			Map<String, String> ids = new LinkedHashMap<>();
			for (String variable : variables(route.template())) {
				String key = key(route.template(), variable);
				if (key == null) {
					fail("%s has path variable {%s} that the fixture does not know: add it to IDS", route, variable);
				}
				String id = IDS.get(key).apply(this);
				// a kind of object A has none of (external tasks, batches, cases): an
				// unknown id
				ids.put(variable, (id != null) ? id : UUID.randomUUID().toString());
			}
			return ids;
		}

	}

	/**
	 * A webapp session (Tasklist, Cockpit) used as the browser does: cookie plus CSRF.
	 */
	static final class Webapp {

		private final String baseUrl;

		private final HttpClient client;

		private final CookieManager cookies;

		private Webapp(String baseUrl, HttpClient client, CookieManager cookies) {
			this.baseUrl = baseUrl;
			this.client = client;
			this.cookies = cookies;
		}

		static Webapp login(String baseUrl, String email, String app) throws Exception {
			CookieManager cookies = new CookieManager();
			HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
			HttpResponse<String> page = client.send(
					HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).build(),
					HttpResponse.BodyHandlers.ofString());
			String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
			String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8);
			HttpResponse<String> login = client
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", csrf)
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			// the login starts a new session; its CSRF token comes with the next page
			client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/engine/engine/")).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Webapp(baseUrl, client, cookies);
		}

		HttpResponse<String> post(String path, String json) throws Exception {
			return send(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
		}

		HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, String content)
				throws Exception {
			String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
			StringBuilder body = new StringBuilder();
			fields.forEach((name, value) -> body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(name)
				.append("\"\r\n\r\n")
				.append(value)
				.append("\r\n"));
			body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"")
				.append(fileName)
				.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.append(content)
				.append("\r\n--")
				.append(boundary)
				.append("--\r\n");
			return send(path, "multipart/form-data; boundary=" + boundary,
					HttpRequest.BodyPublishers.ofString(body.toString()));
		}

		private HttpResponse<String> send(String path, String contentType, HttpRequest.BodyPublisher body)
				throws Exception {
			String csrf = this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.reduce((first, last) -> last)
				.orElseThrow();
			return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Content-Type", contentType)
				.header("X-XSRF-TOKEN", csrf)
				.header("Origin", this.baseUrl)
				.header("Referer", this.baseUrl + "/camunda/app/")
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
