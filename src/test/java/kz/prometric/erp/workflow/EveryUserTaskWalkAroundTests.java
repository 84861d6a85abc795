package kz.prometric.erp.workflow;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.document.DocumentManagement;
import kz.prometric.erp.document.DocumentView;
import kz.prometric.erp.document.UploadedFile;
import kz.prometric.erp.hr.ContractType;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.production.ProductionEvents;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user task of every process in {@code processes/}, walked as workspace B's own
 * worker (B's owner, a candidate of each of B's tasks) who submits workspace A's ids and
 * variables the task's form does not declare, through every door: the engine REST API
 * (complete, task and instance variables, BPMN errors, instance modification), Tasklist's
 * own API (submit-form, with session and CSRF) and the ERP's API (B's workspace with A's
 * ids). Every attempt is refused with a 4xx; afterwards nothing of A has changed and B's
 * instance still waits at the same task without an incident.
 * <p>
 * The tasks come from the BPMN files, not from a list: a new user task without a
 * {@link #scenarios scenario} that brings B to it fails here.
 */
@ErpIntegrationTest
class EveryUserTaskWalkAroundTests {

	/** How B reaches each user task; keyed by process key and task id. */
	private final Map<String, Supplier<ProcessInstance>> scenarios = Map.ofEntries(
			Map.entry("deal-lifecycle/Task_QualifyDeal", () -> dealAt(List.of(), "0")),
			Map.entry("deal-lifecycle/Task_PrepareProposal", () -> dealAt(List.of("QUALIFIED"), "0")),
			Map.entry("deal-lifecycle/Task_ApproveDiscount", this::dealAwaitingDiscountApproval),
			Map.entry("deal-lifecycle/Task_NegotiateDeal", () -> dealAt(List.of("PROPOSAL"), "0")),
			Map.entry("deal-lifecycle/Task_CloseDeal", () -> dealAt(List.of("NEGOTIATION"), "0")),
			Map.entry("order-fulfilment/Task_ShipOrder", () -> orderAt("10", false)),
			Map.entry("order-fulfilment/Task_ReplenishStock", this::orderWhoseReplenishmentFailed),
			Map.entry("order-fulfilment/Task_ResolveInvoicing", this::orderWithRefusedInvoice),
			Map.entry("order-fulfilment/Task_CollectPayment", () -> orderAt("10", true)),
			Map.entry("production-run/Task_PerformOperation", () -> productionRunAt(false)),
			Map.entry("production-run/Task_InspectQuality", () -> productionRunAt(true)),
			Map.entry("production-run/Task_ResolveHold", this::productionRunOnHold),
			Map.entry("purchase-requisition/Task_ApprovePurchase", this::purchaseAwaitingApproval),
			Map.entry("purchase-requisition/Task_ReceiveGoods", this::purchaseAwaitingGoods),
			Map.entry("employee-onboarding/Task_CompleteItem", this::onboardingWithOneItemLeft),
			Map.entry("employee-onboarding/Task_ReviewProbation", this::onboardingAtProbationReview),
			Map.entry("employee-offboarding/Task_ReturnEquipment", () -> offboardingAt("Task_ReturnEquipment")),
			Map.entry("employee-offboarding/Task_FinalSettlement", () -> offboardingAt("Task_FinalSettlement")),
			Map.entry("employee-offboarding/Task_SignLeavingDocuments",
					() -> offboardingAt("Task_SignLeavingDocuments")),
			Map.entry("document-approval/Task_ApproveDocument", this::documentAwaitingApproval));

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PurchasingManagement purchasing;

	@Autowired
	HrManagement hr;

	@Autowired
	DocumentManagement documents;

	private Tenant a;

	private Tenant b;

	@TestFactory
	Stream<DynamicTest> everyUserTaskRefusesAnotherWorkspacesIdsAndUndeclaredVariablesOnEveryDoor() throws IOException {
		List<String> userTasks = userTasks();
		assertThat(userTasks).hasSizeGreaterThanOrEqualTo(this.scenarios.size());
		return userTasks.stream().map(task -> DynamicTest.dynamicTest(task, () -> walk(task)));
	}

	private void walk(String processAndTask) throws Exception {
		Supplier<ProcessInstance> scenario = this.scenarios.get(processAndTask);
		assertThat(scenario)
			.as("no scenario brings workspace B to " + processAndTask
					+ ": add one to EveryUserTaskWalkAroundTests.scenarios")
			.isNotNull();
		if (this.a == null) {
			this.a = tenant("Aral");
			this.b = tenant("Baikonur");
		}
		ProcessInstance instance = scenario.get();
		Task task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo(processAndTask.substring(processAndTask.indexOf('/') + 1));
		Map<String, String> before = this.a.snapshot();
		Map<String, Object> bInstanceVariables = this.runtime.getVariables(instance.getId());

		Map<String, Object> foreign = new LinkedHashMap<>();
		foreign.put("dealId", this.a.dealId);
		foreign.put("orderId", this.a.orderId);
		foreign.put("orderNumber", this.a.orderNumber);
		foreign.put("workspaceId", this.a.org.workspaceId().toString());
		String id = task.getId();
		String pi = instance.getId();
		List<Attempt> attempts = new ArrayList<>();
		attempts.add(engine("complete with A's ids", "POST", "/task/" + id + "/complete", variables(foreign)));
		attempts.add(engine("complete with an undeclared variable", "POST", "/task/" + id + "/complete",
				variables(Map.of("approvedByHand", true))));
		attempts.add(engine("set task variables", "POST", "/task/" + id + "/variables", modifications(foreign)));
		attempts.add(engine("put a task variable", "PUT", "/task/" + id + "/variables/dealId",
				"{\"value\":\"" + this.a.dealId + "\",\"type\":\"String\"}"));
		attempts.add(engine("set instance variables", "POST", "/process-instance/" + pi + "/variables",
				modifications(foreign)));
		for (String errorCode : errorCodes(processAndTask.substring(0, processAndTask.indexOf('/')))) {
			attempts.add(engine("BPMN error " + errorCode, "POST", "/task/" + id + "/bpmnError",
					"{\"errorCode\":\""
							+ errorCode + "\",\"variables\":" + this.mapper.writeValueAsString(Map.of("dealId",
									Map.of("value", this.a.dealId), "orderId", Map.of("value", this.a.orderId)))
							+ "}"));
		}
		attempts.add(engine("BPMN error of an unknown code", "POST", "/task/" + id + "/bpmnError",
				"{\"errorCode\":\"Err_Anything\"}"));
		attempts.add(engine("cancel the task by modification", "POST", "/process-instance/" + pi + "/modification",
				"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + task.getTaskDefinitionKey() + "\"}]}"));
		TasklistTenantApiTests.Tasklist tasklist = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				this.b.owner.email(), TestData.PASSWORD, this.mapper);
		tasklist.get("/camunda/api/engine/engine/default/task/" + id);
		HttpResponse<String> submitted = tasklist.post("/camunda/api/engine/engine/default/task/" + id + "/submit-form",
				variables(foreign));
		attempts.add(new Attempt("Tasklist submit-form with A's ids", submitted.statusCode(), submitted.body()));
		attempts.add(erp("ERP: win A's deal from B's workspace", "POST",
				"/api/workspaces/" + this.b.org.workspaceId() + "/deals/" + this.a.dealId + "/stage",
				Map.of("stage", "WON")));
		attempts.add(erp("ERP: cancel A's order from B's workspace", "POST",
				"/api/workspaces/" + this.b.org.workspaceId() + "/orders/" + this.a.orderId + "/cancel",
				Map.of("reason", "taken over")));

		// B may work his own task, so the engine doors refuse what he sends (403, the
		// guard); the ERP's doors do not know A's ids in B's workspace (404)
		assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.status())
			.as(attempt.name() + " on " + processAndTask + ": " + attempt.body())
			.isEqualTo(attempt.name().startsWith("ERP:") ? 404 : 403));
		assertThat(this.a.snapshot()).as("workspace A after the attempts on B's " + processAndTask).isEqualTo(before);
		assertThat(this.tasks.createTaskQuery().processInstanceId(pi).list()).extracting(Task::getId)
			.as("B's instance still waits at the same task")
			.containsExactly(id);
		assertThat(this.runtime.createIncidentQuery().processInstanceId(pi).count()).isZero();
		assertThat(this.runtime.getVariables(pi)).as("B's instance's variables").isEqualTo(bInstanceVariables);
	}

	/** Every user task of every BPMN file in processes/, as "process key/task id". */
	private static List<String> userTasks() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (Process process : model.getModelElementsByType(Process.class)) {
					model.getModelElementsByType(UserTask.class)
						.stream()
						.filter(t -> isIn(t, process))
						.forEach(t -> found.add(process.getId() + "/" + t.getId()));
				}
			}
		}
		return found;
	}

	private static boolean isIn(UserTask task, Process process) {
		for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent == process) {
				return true;
			}
		}
		return false;
	}

	private static List<String> errorCodes(String processKey) throws IOException {
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", processKey + ".bpmn").toFile());
		return model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode).toList();
	}

	// --- scenarios: how workspace B reaches each task

	private ProcessInstance dealAt(List<String> stages, String discountPercent) {
		JsonNode deal = this.data.deal(this.b.owner, this.b.org.workspaceId(), this.b.customerId, "Deal of B",
				Map.of("products", List.of(Map.of("productId", this.b.productId, "productName", "Flour", "quantity",
						"10", "unitPrice", "1000.00", "discountPercent", discountPercent))));
		String dealId = deal.path("id").asText();
		for (String stage : stages) {
			Api.Response moved = this.api.post(
					"/api/workspaces/" + this.b.org.workspaceId() + "/deals/" + dealId + "/stage", this.b.owner.token(),
					Map.of("stage", stage));
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		}
		return byBusinessKey("deal-lifecycle", dealId);
	}

	private ProcessInstance dealAwaitingDiscountApproval() {
		ProcessInstance deal = dealAt(List.of("QUALIFIED"), "20");
		Task proposal = this.tasks.createTaskQuery().processInstanceId(deal.getId()).singleResult();
		this.tasks.complete(proposal.getId(), Map.of("outcome", "ADVANCE"));
		return deal;
	}

	/**
	 * A hand-entered order of B for its product with {@code stock} units in stock;
	 * {@code overdue}: shipped, invoiced and 14 days overdue.
	 */
	private ProcessInstance orderAt(String stock, boolean overdue) {
		String product = this.b.product(stock);
		Api.Response created = this.api.post("/api/workspaces/" + this.b.org.workspaceId() + "/orders",
				this.b.owner.token(), Map.of("customerId", this.b.customerId, "lines", List.of(Map.of("productId",
						product, "productName", "Flour", "quantity", "1", "unitPrice", "1000.00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ProcessInstance order = byBusinessKey("order-fulfilment", created.json().path("orderNumber").asText());
		runJobs(order);
		if (overdue) {
			Task ship = this.tasks.createTaskQuery().processInstanceId(order.getId()).singleResult();
			this.tasks.complete(ship.getId(), Map.of("carrier", "Own transport"));
			runJobs(order);
			Job collection = this.management.createJobQuery()
				.processInstanceId(order.getId())
				.activityId("BoundaryEvent_PaymentLongOverdue")
				.singleResult();
			this.management.executeJob(collection.getId());
		}
		return order;
	}

	/**
	 * An order of periodicals shipped while the VAT table has lost its periodicals rows:
	 * invoicing is refused and a manager gets the task (the table is restored at once).
	 */
	private ProcessInstance orderWithRefusedInvoice() {
		ProcessInstance order = orderAt("10", false);
		Task ship = this.tasks.createTaskQuery().processInstanceId(order.getId()).singleResult();
		this.tasks.complete(ship.getId(), Map.of("carrier", "KazPost"));
		String table;
		try (var in = getClass().getResourceAsStream("/dmn/vat-rate.dmn")) {
			table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		String broken = table.replace("&quot;STANDARD&quot;</text>\n        </inputEntry>",
				"&quot;NO_SUCH_CATEGORY&quot;</text>\n        </inputEntry>");
		assertThat(broken).isNotEqualTo(table);
		this.repository.createDeployment()
			.name("vat-rate without standard rows")
			.addString("vat-rate.dmn", broken)
			.deploy();
		try {
			runJobs(order);
		}
		finally {
			this.repository.createDeployment().name("vat-rate restored").addString("vat-rate.dmn", table).deploy();
		}
		return order;
	}

	/**
	 * A production order of B released and waiting for its operator, or (
	 * {@code reported}) for its inspector.
	 */
	private ProcessInstance productionRunAt(boolean reported) {
		String ws = "/api/workspaces/" + this.b.org.workspaceId();
		String product = this.b.product("0");
		String warehouse = created(this.api.post(ws + "/warehouses", this.b.owner.token(),
				Map.of("code", "MO-" + UUID.randomUUID().toString().substring(0, 6), "name", "Output")));
		String center = created(this.api.post(ws + "/work-centers", this.b.owner.token(),
				Map.of("code", "WC-" + UUID.randomUUID().toString().substring(0, 6), "name", "Bench", "kind", "MANUAL",
						"hourlyRate", "1000.00", "capacityHoursPerDay", "8")));
		Api.Response routing = this.api.send("PUT", ws + "/products/" + product + "/routing", this.b.owner.token(),
				Map.of("operations", List.of(Map.of("workCenterId", center, "name", "Knead"))), Map.of());
		assertThat(routing.status()).as(routing.toString()).isEqualTo(200);
		ProcessInstance run = releasedRun(ws, product, warehouse);
		if (reported) {
			Task perform = this.tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
			this.tasks.complete(perform.getId(), Map.of("goodQuantity", 2));
			runJobs(run);
		}
		return run;
	}

	/**
	 * A production order of B short of a material nobody supplies: its purchase is
	 * refused for want of a supplier and the run waits on hold for a manager.
	 */
	private ProcessInstance productionRunOnHold() {
		String ws = "/api/workspaces/" + this.b.org.workspaceId();
		String product = this.b.product("0");
		String material = this.b.product("0");
		String warehouse = created(this.api.post(ws + "/warehouses", this.b.owner.token(),
				Map.of("code", "MO-" + UUID.randomUUID().toString().substring(0, 6), "name", "Output")));
		String center = created(this.api.post(ws + "/work-centers", this.b.owner.token(),
				Map.of("code", "WC-" + UUID.randomUUID().toString().substring(0, 6), "name", "Bench", "kind", "MANUAL",
						"hourlyRate", "1000.00", "capacityHoursPerDay", "8")));
		Api.Response routing = this.api.send("PUT", ws + "/products/" + product + "/routing", this.b.owner.token(),
				Map.of("operations", List.of(Map.of("workCenterId", center, "name", "Knead"))), Map.of());
		assertThat(routing.status()).as(routing.toString()).isEqualTo(200);
		Api.Response bom = this.api.send("PUT", ws + "/products/" + product + "/bom", this.b.owner.token(),
				Map.of("components", List.of(Map.of("productId", material, "quantity", "1"))), Map.of());
		assertThat(bom.status()).as(bom.toString()).isEqualTo(200);
		ProcessInstance run = releasedRun(ws, product, warehouse);
		for (int round = 0; round < 5; round++) {
			this.management.createJobQuery()
				.tenantIdIn(this.b.org.workspaceId().toString())
				.executable()
				.list()
				.forEach(job -> this.management.executeJob(job.getId()));
		}
		return run;
	}

	private ProcessInstance releasedRun(String ws, String product, String warehouse) {
		Api.Response order = this.api.post(ws + "/production-orders", this.b.owner.token(),
				Map.of("productId", product, "quantity", "2", "warehouseId", warehouse));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		Api.Response released = this.api.post(
				ws + "/production-orders/" + order.json().path("id").asText() + "/release", this.b.owner.token(), null);
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		ProcessInstance run = byBusinessKey("production-run", order.json().path("orderNumber").asText());
		runJobs(run);
		return run;
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

	/**
	 * B's order is short; production was asked (test stand-in: the instance is moved on
	 * to wait for production's answer) and reports the production order cancelled.
	 */
	private ProcessInstance orderWhoseReplenishmentFailed() {
		String product = this.b.product("0");
		Api.Response created = this.api.post("/api/workspaces/" + this.b.org.workspaceId() + "/orders",
				this.b.owner.token(), Map.of("customerId", this.b.customerId, "lines", List.of(Map.of("productId",
						product, "productName", "Flour", "quantity", "1", "unitPrice", "1000.00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ProcessInstance order = byBusinessKey("order-fulfilment", created.json().path("orderNumber").asText());
		this.management
			.executeJob(this.management.createJobQuery().processInstanceId(order.getId()).singleResult().getId());
		this.runtime.createProcessInstanceModification(order.getId())
			.cancelAllForActivity("Task_RequestReplenishment")
			.startBeforeActivity("Gateway_AwaitReplenishment")
			.execute();
		this.events.publishEvent(new ProductionEvents.ProductionRunStopped(this.b.org.workspaceId(), UUID.randomUUID(),
				"MO-2026-900002", "CANCELLED", null, UUID.fromString(created.json().path("id").asText()), null, null,
				java.time.Instant.now()));
		return order;
	}

	/**
	 * A requisition of B for a sales order line of a product B buys (priced by a
	 * supplier): raised by the system, so a manager approves it.
	 */
	/** A contract attached to B's customer, waiting for a manager's approval. */
	private ProcessInstance documentAwaitingApproval() {
		byte[] pdf = "%PDF-1.4 contract\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		DocumentView document = this.documents.upload(this.b.org.workspaceId(), this.b.owner.id(),
				new DocumentManagement.Upload("customer", this.b.customerId.toString(), "contract", null,
						new UploadedFile("contract.pdf", pdf.length, new ByteArrayResource(pdf))));
		this.documents.requestApproval(this.b.org.workspaceId(), this.b.owner.id(), document.id(), null);
		return byBusinessKey("document-approval", document.id().toString());
	}

	private ProcessInstance purchaseAwaitingApproval() {
		String number = this.purchasing.requestForSalesOrder(this.b.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.fromString(this.b.boughtProduct()), new java.math.BigDecimal("3"));
		return byBusinessKey("purchase-requisition", number);
	}

	/**
	 * A requisition of B's owner for a production requirement, approved at once by the
	 * table and ordered: B's members receive the goods.
	 */
	private ProcessInstance purchaseAwaitingGoods() {
		String number = this.purchasing.requestForProduction(this.b.org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.fromString(this.b.boughtProduct()), new java.math.BigDecimal("3"), null,
				this.b.owner.id());
		ProcessInstance purchase = this.runtime.createProcessInstanceByKey("purchase-requisition")
			.businessKey(number)
			.setVariable("workspaceId", this.b.org.workspaceId().toString())
			.execute();
		runJobs(purchase);
		return purchase;
	}

	/**
	 * A contractor hired by B (three items, no probation) whose items but "accounts" are
	 * done: the IT item waits for B's admins.
	 */
	private ProcessInstance onboardingWithOneItemLeft() {
		ProcessInstance onboarding = hired(ContractType.CONTRACTOR, 0);
		for (Task item : this.tasks.createTaskQuery().processInstanceId(onboarding.getId()).list()) {
			if (!"accounts".equals(this.tasks.getVariable(item.getId(), "itemCode"))) {
				this.tasks.complete(item.getId(), Map.of("itemOutcome", "done"));
			}
		}
		return onboarding;
	}

	/**
	 * A permanent employee of B with every item done and his probation's end reached: the
	 * review waits for B's managers.
	 */
	private ProcessInstance onboardingAtProbationReview() {
		ProcessInstance onboarding = hired(ContractType.PERMANENT, 3);
		for (Task item : this.tasks.createTaskQuery().processInstanceId(onboarding.getId()).list()) {
			this.tasks.complete(item.getId(), Map.of("itemOutcome", "done"));
		}
		Job review = this.management.createJobQuery()
			.processInstanceId(onboarding.getId())
			.activityId("TimerEvent_ProbationEnds")
			.singleResult();
		this.management.executeJob(review.getId());
		return onboarding;
	}

	private ProcessInstance hired(ContractType contract, int probationMonths) {
		EmployeeView employee = this.hr.addEmployee(this.b.org.id(), this.b.owner.id(),
				new HrManagement.NewEmployee("New Hire",
						"hire-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz", null, "Analyst", null,
						null, contract, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).plusDays(7), null,
						probationMonths, null));
		ProcessInstance onboarding = byBusinessKey("employee-onboarding", employee.id().toString());
		runJobs(onboarding);
		return onboarding;
	}

	/**
	 * An employee of B whose employment B's owner ended today: of the offboarding's three
	 * parallel tasks, all but {@code waitingTask} are done (the last day is not over).
	 */
	private ProcessInstance offboardingAt(String waitingTask) {
		EmployeeView employee = this.hr.addEmployee(this.b.org.id(), this.b.owner.id(),
				new HrManagement.NewEmployee("Leaver of B",
						"leaver-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz", "Clerk", null,
						WorkspaceRole.MEMBER),
				false);
		Api.Response ended = this.api.post(
				"/api/organizations/" + this.b.org.id() + "/employees/" + employee.id() + "/end-employment",
				this.b.owner.token(), Map.of("lastDay", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))));
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		ProcessInstance offboarding = byBusinessKey("employee-offboarding", employee.id().toString());
		Map<String, Map<String, Object>> done = Map.of("Task_ReturnEquipment", Map.of("equipmentReturned", true),
				"Task_FinalSettlement", Map.of("settlementPaid", true, "settlementAmount", 0),
				"Task_SignLeavingDocuments", Map.of("documentsSigned", true));
		for (Task task : this.tasks.createTaskQuery().processInstanceId(offboarding.getId()).list()) {
			if (!task.getTaskDefinitionKey().equals(waitingTask)) {
				this.tasks.complete(task.getId(), done.get(task.getTaskDefinitionKey()));
			}
		}
		runJobs(offboarding);
		return offboarding;
	}

	private void runJobs(ProcessInstance instance) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = this.management.createJobQuery().processInstanceId(instance.getId()).executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> this.management.executeJob(job.getId()));
		}
	}

	/** B's instance: business keys (order numbers) repeat across workspaces. */
	private ProcessInstance byBusinessKey(String key, String businessKey) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(key)
			.tenantIdIn(this.b.org.workspaceId().toString())
			.processInstanceBusinessKey(businessKey)
			.singleResult();
	}

	// --- calls

	private Attempt engine(String name, String method, String path, String body) {
		Api.Response response = this.api.send(method, "/engine-rest" + path, this.b.owner.token(), body, Map.of());
		return new Attempt(name, response.status(), response.text());
	}

	private Attempt erp(String name, String method, String path, Object body) {
		Api.Response response = this.api.send(method, path, this.b.owner.token(), body, Map.of());
		return new Attempt(name, response.status(), response.text());
	}

	private String variables(Map<String, Object> values) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return this.mapper.writeValueAsString(Map.of("variables", variables));
	}

	private String modifications(Map<String, Object> values) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return this.mapper.writeValueAsString(Map.of("modifications", variables));
	}

	private Tenant tenant(String name) {
		TestData.User owner = this.data.user(name);
		TestData.Org org = this.data.organization(owner, name + " Trading");
		Tenant tenant = new Tenant(owner, org, this.data.customer(owner, org.workspaceId(), name + " Customer"));
		tenant.productId = tenant.product("10");
		tenant.dealId = this.data
			.deal(owner, org.workspaceId(), tenant.customerId, "Deal of " + name, Map.of("products", List.of(Map
				.of("productId", tenant.productId, "productName", "Flour", "quantity", "5", "unitPrice", "1000.00"))))
			.path("id")
			.asText();
		Api.Response order = this.api.post("/api/workspaces/" + org.workspaceId() + "/orders", owner.token(),
				Map.of("customerId", tenant.customerId, "lines", List.of(Map.of("productId", tenant.productId,
						"productName", "Flour", "quantity", "1", "unitPrice", "1000.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		tenant.orderId = order.json().path("id").asText();
		tenant.orderNumber = order.json().path("orderNumber").asText();
		return tenant;
	}

	private record Attempt(String name, int status, String body) {
	}

	private final class Tenant {

		final TestData.User owner;

		final TestData.Org org;

		final UUID customerId;

		String productId;

		String dealId;

		String orderId;

		String orderNumber;

		private int products;

		Tenant(TestData.User owner, TestData.Org org, UUID customerId) {
			this.owner = owner;
			this.org = org;
			this.customerId = customerId;
		}

		/**
		 * A new product of this workspace with {@code stock} units in a new warehouse.
		 */
		String product(String stock) {
			String ws = "/api/workspaces/" + this.org.workspaceId();
			int n = ++this.products;
			Api.Response product = EveryUserTaskWalkAroundTests.this.api.post(ws + "/products", this.owner.token(),
					Map.of("code", "FL-" + n, "name", "Flour " + n, "unit", "kg", "price", "1000.00", "vatCategory",
							"STANDARD"));
			assertThat(product.status()).as(product.toString()).isEqualTo(201);
			String productId = product.json().path("id").asText();
			if (!"0".equals(stock)) {
				Api.Response warehouse = EveryUserTaskWalkAroundTests.this.api.post(ws + "/warehouses",
						this.owner.token(), Map.of("code", "WH-" + n, "name", "Warehouse " + n));
				assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(201);
				Api.Response received = EveryUserTaskWalkAroundTests.this.api.post(ws + "/stock/receipts",
						this.owner.token(), Map.of("warehouseId", warehouse.json().path("id").asText(), "productId",
								productId, "quantity", stock));
				assertThat(received.status()).as(received.toString()).isEqualTo(201);
			}
			return productId;
		}

		/**
		 * A new product of this workspace (with stock in a new warehouse) that a new
		 * supplier sells at 1,000.00.
		 */
		String boughtProduct() {
			String ws = "/api/workspaces/" + this.org.workspaceId();
			String productId = product("5");
			Api api = EveryUserTaskWalkAroundTests.this.api;
			Api.Response supplier = api.post(ws + "/suppliers", this.owner.token(),
					Map.of("name", "Supplier " + this.products));
			assertThat(supplier.status()).as(supplier.toString()).isEqualTo(201);
			Api.Response price = api.send("PUT",
					ws + "/suppliers/" + supplier.json().path("id").asText() + "/prices/" + productId,
					this.owner.token(), Map.of("unitPrice", "1000.00"), Map.of());
			assertThat(price.status()).as(price.toString()).isEqualTo(200);
			return productId;
		}

		/**
		 * What A's owner sees of A's deal, order and invoices, and A's instances' state.
		 */
		Map<String, String> snapshot() {
			Api api = EveryUserTaskWalkAroundTests.this.api;
			String ws = "/api/workspaces/" + this.org.workspaceId();
			Map<String, String> seen = new LinkedHashMap<>();
			seen.put("deal", api.get(ws + "/deals/" + this.dealId, this.owner.token()).text());
			seen.put("order", api.get(ws + "/orders/" + this.orderId, this.owner.token()).text());
			seen.put("invoices", api.get(ws + "/invoices", this.owner.token()).text());
			seen.put("stock", api.get(ws + "/stock", this.owner.token()).text());
			RuntimeService runtime = EveryUserTaskWalkAroundTests.this.runtime;
			runtime.createProcessInstanceQuery()
				.tenantIdIn(this.org.workspaceId().toString())
				.list()
				.forEach(p -> seen.put("instance " + p.getBusinessKey(),
						p.getProcessDefinitionId().replaceAll(":.*", "") + " " + p.isEnded() + " "
								+ EveryUserTaskWalkAroundTests.this.tasks.createTaskQuery()
									.processInstanceId(p.getId())
									.list()
									.stream()
									.map(Task::getTaskDefinitionKey)
									.toList()
								+ " " + runtime.getVariables(p.getId())));
			return seen;
		}

	}

}
