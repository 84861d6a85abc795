package kz.prometric.erp.organization;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import kz.prometric.erp.document.DocumentManagement;
import kz.prometric.erp.document.UploadedFile;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The tenant isolation matrix of the ERP API, generated from every registered route: each
 * {@code /api/**} route with a path variable, called by the owner of workspace B with the
 * ids of workspace A's objects, answers 404 problem+json exactly as it answers for ids
 * that do not exist, shows nothing of A, and leaves A as it was (everything A's owner can
 * read is compared before and after). A new endpoint is in the matrix the moment it is
 * mapped; one addressing an object the fixture does not know fails until the fixture
 * creates one.
 * <p>
 * Routes without path variables ({@code /api/me}, {@code /api/auth/**}, the lists of the
 * caller's own workspaces and organizations) need no tenant id and are left out by that
 * rule, not by a list.
 */
@ErpIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTests {

	/**
	 * Path variable name, or {@code <segment>/{variable}} for a variable whose name alone
	 * is ambiguous (such as {@code {id}}), to the id of tenant A's object of that kind.
	 * Add a line (and create the object in {@link #tenant}) when a route addresses a new
	 * kind of object. Body placeholders ({@code "{customerId}"}) use the same names.
	 */
	static final Map<String, Function<Tenant, String>> IDS = Map.ofEntries(
			Map.entry("organizationId", t -> t.id("organization")), Map.entry("workspaceId", t -> t.id("workspace")),
			Map.entry("departmentId", t -> t.id("department")), Map.entry("employeeId", t -> t.id("employee")),
			Map.entry("members/{userId}", t -> t.id("member")), Map.entry("invitationId", t -> t.id("invitation")),
			Map.entry("customerId", t -> t.id("customer")), Map.entry("dealId", t -> t.id("deal")),
			Map.entry("productId", t -> t.id("product")), Map.entry("componentId", t -> t.id("component")),
			Map.entry("warehouseId", t -> t.id("warehouse")), Map.entry("orderId", t -> t.id("order")),
			Map.entry("invoiceId", t -> t.id("invoice")), Map.entry("creditNoteId", t -> t.id("creditNote")),
			Map.entry("paymentId", t -> t.id("payment")), Map.entry("workCenterId", t -> t.id("workCenter")),
			Map.entry("productionOrderId", t -> t.id("productionOrder")),
			Map.entry("supplierId", t -> t.id("supplier")), Map.entry("requisitionId", t -> t.id("requisition")),
			Map.entry("purchaseOrderId", t -> t.id("purchaseOrder")), Map.entry("teamId", t -> t.id("team")),
			Map.entry("taskId", t -> t.id("task")), Map.entry("migrationId", t -> t.id("migration")),
			Map.entry("deploymentId", t -> t.id("deployment")), Map.entry("kind", t -> "decision"),
			Map.entry("key", t -> t.id("decisionKey")), Map.entry("documentId", t -> t.id("document")),
			Map.entry("versions/{version}", t -> "1"), Map.entry("webhookId", t -> t.id("webhook")),
			Map.entry("deliveryId", t -> t.id("delivery")), Map.entry("notificationId", t -> t.id("notification")),
			Map.entry("exportId", t -> t.id("export")));

	/**
	 * Path variables that are no ids but numbers within an object (a document's version):
	 * the same value for every tenant and for "unknown ids", and not blanked out when
	 * answers are compared.
	 */
	static final Map<String, String> NUMBERS = Map.of("version", "1");

	/**
	 * The path variables that name the caller's own tenant (a workspace or organization)
	 * rather than a record inside one.
	 */
	static final Set<String> PARENTS = Set.of("workspaceId", "organizationId");

	/**
	 * A plausible, valid body for each request body type (by simple class name), with
	 * {@code {variable}} placeholders for ids.
	 * {@link #everyBodyOfTheFixturePassesValidation} proves each passes the route's
	 * validation, so a 404 below comes from tenancy, not from a rejected body.
	 */
	static final Map<String, String> BODIES = Map.ofEntries(Map.entry("RenameOrganizationRequest", """
			{"name":"Taken Over"}"""), Map.entry("CreateDepartmentRequest", """
			{"name":"Injected"}"""), Map.entry("UpdateDepartmentRequest", """
			{"name":"Injected"}"""), Map.entry("AddEmployeeRequest", """
			{"name":"Injected","email":"injected@example.kz","departmentId":"{departmentId}"}"""),
			Map.entry("UpdateEmployeeRequest", """
					{"name":"Injected","departmentId":"{departmentId}"}"""), Map.entry("EndEmploymentRequest", """
					{"lastDay":"2099-12-31","reason":"Injected"}"""), Map.entry("ChangeRoleRequest", """
					{"role":"MANAGER"}"""), Map.entry("ProcessOwnerRequest", """
					{"processOwner":true}"""), Map.entry("InviteRequest", """
					{"email":"injected@example.kz","role":"ADMIN"}"""), Map.entry("CreateCustomerRequest", """
					{"type":"COMPANY","name":"Injected"}"""), Map.entry("UpdateCustomerRequest", """
					{"name":"Injected"}"""),
			Map.entry("CreateDealRequest",
					"""
							{"customerId":"{customerId}","title":"Injected","value":"10.00",
							 "products":[{"productId":"{productId}","productName":"Injected","quantity":"1","unitPrice":"10.00"}]}"""),
			Map.entry("UpdateDealRequest", """
					{"title":"Injected","value":"1.00"}"""), Map.entry("ChangeStageRequest", """
					{"stage":"LOST","lostReason":"Injected"}"""), Map.entry("CreateProductRequest", """
					{"code":"INJ-1","name":"Injected","unit":"pcs","price":"1.00"}"""),
			Map.entry("UpdateProductRequest", """
					{"name":"Injected","price":"0.01"}"""), Map.entry("BillOfMaterialsRequest", """
					{"components":[{"productId":"{componentId}","quantity":"5"}]}"""),
			Map.entry("CreateWarehouseRequest", """
					{"code":"INJ-1","name":"Injected"}"""), Map.entry("UpdateWarehouseRequest", """
					{"name":"Injected"}"""), Map.entry("ReceiptRequest", """
					{"warehouseId":"{warehouseId}","productId":"{productId}","quantity":"1000"}"""),
			Map.entry("MinimumRequest", """
					{"minimumQuantity":"5"}"""), Map.entry("AdjustmentRequest", """
					{"warehouseId":"{warehouseId}","productId":"{productId}","quantity":"-5"}"""),
			Map.entry("CreateOrderRequest",
					"""
							{"customerId":"{customerId}","warehouseId":"{warehouseId}",
							 "lines":[{"productId":"{productId}","productName":"Injected","quantity":"1","unitPrice":"1.00"}]}"""),
			Map.entry("CancelOrderRequest", """
					{"reason":"Injected"}"""), Map.entry("UpdateOrderRequest", """
					{"deliveryAddress":"Injected street 1"}"""), Map.entry("PaymentRequest", """
					{"amount":"1.00"}"""), Map.entry("CreditNoteRequest", """
					{"reason":"Injected"}"""),
			Map.entry("CreateWorkCenterRequest",
					"""
							{"code":"INJ-1","name":"Injected","kind":"MANUAL","hourlyRate":"1.00","capacityHoursPerDay":"8"}"""),
			Map.entry("UpdateWorkCenterRequest", """
					{"name":"Injected","hourlyRate":"0.01"}"""), Map.entry("RoutingRequest", """
					{"operations":[{"workCenterId":"{workCenterId}","name":"Injected"}]}"""),
			Map.entry("CreateProductionOrderRequest", """
					{"productId":"{productId}","quantity":"1","warehouseId":"{warehouseId}"}"""),
			Map.entry("CancelProductionOrderRequest", """
					{"reason":"Injected"}"""), Map.entry("CreateSupplierRequest", """
					{"name":"Injected"}"""), Map.entry("UpdateSupplierRequest", """
					{"name":"Injected","active":false}"""), Map.entry("SetSupplierPriceRequest", """
					{"unitPrice":"0.01","leadTimeDays":1}"""), Map.entry("CreateTeamRequest", """
					{"code":"injected","name":"Injected"}"""), Map.entry("RenameTeamRequest", """
					{"name":"Injected"}"""), Map.entry("AddTeamMemberRequest", """
					{"userId":"{userId}"}"""), Map.entry("CompleteTaskRequest", """
					{"variables":{"outcome":"LOST","lostReason":"Injected"}}"""),
			Map.entry("StartProcessMigrationRequest", """
					{"processKey":"deal-lifecycle","dryRun":false}"""), Map.entry("RequestApprovalRequest", """
					{"amount":"1000.00"}"""), Map.entry("CreateWebhookRequest", """
					{"url":"https://203.0.113.10/injected","events":["*"]}"""), Map.entry("UpdateWebhookRequest", """
					{"url":"https://203.0.113.10/injected","events":["deal.won"],"active":true}"""),
			Map.entry("CreateExportRequest", """
					{"report":"deals","format":"csv"}"""));

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	DocumentManagement documents;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	ManagementService management;

	@Autowired
	PurchasingManagement purchasing;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService tasks;

	@Autowired
	Validator validator;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Tenant a;

	Tenant b;

	TestData.User stranger;

	/** What A's owner reads of A before the matrix, by read route. */
	Map<String, String> baseline;

	@BeforeAll
	void createTheTenants() {
		this.a = tenant("Alpha");
		this.b = tenant("Bravo");
		this.stranger = this.data.user("Stranger");
		this.baseline = snapshot(this.a, route -> true);
	}

	@AfterAll
	void leavesEverythingOfTheOtherTenantAsItWas() {
		try {
			assertThat(snapshot(this.a, route -> true)).as("A's data unchanged after the whole matrix")
				.isEqualTo(this.baseline);
		}
		finally {
			// other tests evaluate tables and start processes by key alone, as the
			// shared defaults
			this.repository.createDeploymentQuery()
				.tenantIdIn(this.a.id("workspace"), this.b.id("workspace"))
				.list()
				.forEach(d -> this.repository.deleteDeployment(d.getId(), true, true));
		}
	}

	/** Every {@code /api/**} route and method with at least one path variable. */
	Stream<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				List<String> variables = variables(pattern);
				if (!pattern.startsWith("/api/") || variables.isEmpty()) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), pattern, variables, bodyType(mapping.getValue())));
				}
			}
		}
		routes.sort(Comparator.comparing(Route::toString));
		return routes.stream();
	}

	Stream<Route> readRoutes() {
		return routes().filter(r -> r.method().equals("GET"));
	}

	Stream<Route> writeRoutes() {
		return routes().filter(r -> r.bodyType() != null);
	}

	/**
	 * Routes under a parent the caller may own that address a record inside it, by path
	 * or by an id in the body.
	 */
	Stream<Route> routesWithRecordIds() {
		return routes().filter(r -> PARENTS.stream().anyMatch(r.variables()::contains))
			.filter(r -> r.variables().stream().anyMatch(v -> !PARENTS.contains(v))
					|| (r.bodyType() != null && !variables(BODIES.getOrDefault(r.bodyType(), "")).isEmpty()));
	}

	@Test
	void coversEveryRouteAndKnowsEveryObjectTheyAddress() {
		List<Route> routes = routes().toList();
		Set<String> unknown = new LinkedHashSet<>();
		for (Route route : routes) {
			for (String variable : route.variables()) {
				if (key(route.pattern(), variable) == null) {
					unknown.add("{" + variable + "} in " + route);
				}
			}
			if (route.bodyType() != null && !BODIES.containsKey(route.bodyType())) {
				unknown.add("a body " + route.bodyType() + " for " + route);
			}
		}

		assertThat(unknown).as("add these to the fixture (IDS/BODIES and tenant())").isEmpty();
		// the routes of the modules at the time of writing: the matrix can only grow
		assertThat(routes).hasSizeGreaterThanOrEqualTo(56);
		assertThat(routes).extracting(Route::toString)
			.contains("GET /api/workspaces/{workspaceId}/deals/{dealId}",
					"GET /api/workspaces/{workspaceId}/deals/pipeline",
					"GET /api/workspaces/{workspaceId}/deals/forecast",
					"GET /api/workspaces/{workspaceId}/deals/{dealId}/history",
					"POST /api/workspaces/{workspaceId}/invoices/{invoiceId}/payments",
					"PATCH /api/workspaces/{workspaceId}/orders/{orderId}",
					"POST /api/invitations/{invitationId}/accept",
					"GET /api/workspaces/{workspaceId}/process-deployments/{deploymentId}",
					"POST /api/workspaces/{workspaceId}/process-versions/{kind}/{key}/reset-to-default",
					"POST /api/workspaces/{workspaceId}/documents",
					"GET /api/workspaces/{workspaceId}/documents/{documentId}/versions/{version}/content",
					"POST /api/workspaces/{workspaceId}/documents/{documentId}/approval",
					"DELETE /api/workspaces/{workspaceId}/documents/{documentId}",
					"GET /api/workspaces/{workspaceId}/analytics/pipeline",
					"GET /api/workspaces/{workspaceId}/analytics/forecast",
					"GET /api/workspaces/{workspaceId}/analytics/win-rate",
					"GET /api/workspaces/{workspaceId}/analytics/sales",
					"GET /api/workspaces/{workspaceId}/analytics/receivables-aging",
					"GET /api/workspaces/{workspaceId}/analytics/stock-valuation",
					"GET /api/workspaces/{workspaceId}/analytics/process-figures",
					"POST /api/notifications/{notificationId}/read",
					"POST /api/workspaces/{workspaceId}/analytics/exports",
					"GET /api/workspaces/{workspaceId}/analytics/exports",
					"GET /api/workspaces/{workspaceId}/analytics/exports/{exportId}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writeRoutes")
	void everyBodyOfTheFixturePassesValidation(Route route) throws Exception {
		String body = BODIES.get(route.bodyType());
		assertThat(body).as("add a body for %s to BODIES", route.bodyType()).isNotNull();
		Class<?> type = this.mappings.getHandlerMethods()
			.values()
			.stream()
			.flatMap(h -> Stream.of(h.getMethodParameters()))
			.filter(p -> p.hasParameterAnnotation(RequestBody.class))
			.map(MethodParameter::getParameterType)
			.filter(t -> t.getSimpleName().equals(route.bodyType()))
			.findFirst()
			.orElseThrow();

		Object parsed = this.mapper.readValue(fill(body, this.a.ids()), type);
		Set<ConstraintViolation<Object>> violations = this.validator.validate(parsed);

		assertThat(violations).as(route.toString()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void hidesAnotherTenantsObjectsLikeUnknownIds(Route route) {
		Map<String, String> ids = this.a.ids();

		Api.Response response = call(route, this.b.owner(), ids);

		assertNotFound(response);
		assertNoLeak(response, resolve(route, ids));
		Map<String, String> unknownIds = randomIds();
		Api.Response unknown = call(route, this.b.owner(), unknownIds);
		assertThat(comparable(response, ids)).as("the same answer as for unknown ids")
			.isEqualTo(comparable(unknown, unknownIds));
		assertUnchanged(route);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routesWithRecordIds")
	void hidesAnotherTenantsRecordsBehindTheCallersOwnParent(Route route) {
		Map<String, String> mixed = new LinkedHashMap<>(this.a.ids());
		Map<String, String> unknownIds = randomIds();
		for (String parent : PARENTS) {
			mixed.put(parent, this.b.ids().get(parent));
			unknownIds.put(parent, this.b.ids().get(parent));
		}

		Api.Response response = call(route, this.b.owner(), mixed);
		Api.Response unknown = call(route, this.b.owner(), unknownIds);

		if (route.variables().stream().anyMatch(v -> !PARENTS.contains(v))) {
			assertNotFound(response);
		}
		else {
			// only the body names A's records (a customer, a product, a warehouse)
			assertThat(response.status()).as(response.toString()).isBetween(400, 499);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		assertNoLeak(response, resolve(route, mixed));
		assertThat(comparable(response, mixed)).as("the same answer as for unknown ids")
			.isEqualTo(comparable(unknown, unknownIds));
		assertUnchanged(route);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void requiresAuthentication(Route route) {
		Api.Response response = call(route, null, this.a.ids());

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertNoLeak(response, resolve(route, this.a.ids()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void answersNotFoundForUnknownIds(Route route) {
		Api.Response response = call(route, this.stranger, randomIds());

		assertNotFound(response);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void answersNotFoundForIdsThatAreNotUuids(Route route) {
		Map<String, String> garbage = new LinkedHashMap<>(randomIds());
		route.variables().forEach(v -> garbage.put(v, "not-a-uuid"));

		Api.Response response = call(route, this.stranger, garbage);

		assertNotFound(response);
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at kz.");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readRoutes")
	void tenantsOwnerReachesTheSameRoutes(Route route) {
		// the control for the matrix: the routes address real objects of A, so the 404s
		// above come from tenancy, not from a wrong address
		Api.Response response = call(route, this.a.owner(), this.a.ids());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		if (AGGREGATES.contains(route.toString())) {
			// sums name nothing: A's answer counts A's deal (its value, 1 500 000.00)
			assertThat(response.text()).as(response.toString()).contains("\"count\":1").contains("1500000.00");
			return;
		}
		if (PERIOD_REPORTS.containsKey(route.toString())) {
			assertThat(response.text()).as(response.toString()).contains(PERIOD_REPORTS.get(route.toString()));
			return;
		}
		// a PDF (an invoice) names A's records in compressed streams: its 200 beside the
		// 404s for unknown ids is the control
		assertThat(this.a.secrets().stream().anyMatch(response.text()::contains)
				|| this.a.ids().values().stream().anyMatch(response.text()::contains)
				|| (response.contentType().startsWith("application/pdf") && response.text().startsWith("%PDF")))
			.as(response.toString())
			.isTrue();
	}

	/**
	 * Read routes that answer sums of the tenant's objects, with no name or id in them.
	 */
	static final Set<String> AGGREGATES = Set.of("GET /api/workspaces/{workspaceId}/deals/pipeline",
			"GET /api/workspaces/{workspaceId}/deals/forecast", "GET /api/workspaces/{workspaceId}/analytics/pipeline",
			"GET /api/workspaces/{workspaceId}/analytics/forecast");

	/**
	 * Reports over a period that name no record, with what A's answer shows: A's deal is
	 * open, so nothing is won yet; its deal-lifecycle instance has run steps.
	 */
	static final Map<String, String> PERIOD_REPORTS = Map.of("GET /api/workspaces/{workspaceId}/analytics/win-rate",
			"\"won\":0", "GET /api/workspaces/{workspaceId}/analytics/process-figures",
			"\"processKey\":\"deal-lifecycle\"");

	private Api.Response call(Route route, TestData.User caller, Map<String, String> ids) {
		String body = (route.bodyType() != null) ? fill(BODIES.get(route.bodyType()), ids) : null;
		return this.api.send(route.method(), resolve(route, ids), (caller != null) ? caller.token() : null, body,
				Map.of());
	}

	private static void assertNotFound(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(404);
	}

	/**
	 * The answer names nothing of tenant A: none of its names or e-mails, and none of its
	 * ids beyond those the caller put in the path.
	 */
	private void assertNoLeak(Api.Response response, String path) {
		for (String secret : this.a.secrets()) {
			assertThat(response.text()).as("answer names A's %s", secret).doesNotContain(secret);
		}
		this.a.ids()
			.entrySet()
			.stream()
			.filter(id -> !NUMBERS.containsKey(id.getKey()))
			.map(Map.Entry::getValue)
			.filter(id -> !path.contains(id))
			.forEach(id -> assertThat(response.text()).as("answer names A's id %s that the caller did not send", id)
				.doesNotContain(id));
	}

	/**
	 * Status, content type and body, byte for byte, with the request's ids blanked out.
	 */
	private static String comparable(Api.Response response, Map<String, String> ids) {
		String text = response.status() + "\n" + response.contentType() + "\n" + response.text();
		for (Map.Entry<String, String> id : ids.entrySet()) {
			if (NUMBERS.containsKey(id.getKey())) {
				continue;
			}
			text = text.replace(id.getValue(), "<" + id.getKey() + ">");
		}
		return text;
	}

	/**
	 * Everything A's owner reads through the routes that share the called route's
	 * resource (its first four path segments, e.g.
	 * {@code /api/workspaces/{workspaceId}/deals}) is as before; all of A is compared
	 * once more after the whole matrix.
	 */
	private void assertUnchanged(Route called) {
		if (called.method().equals("GET")) {
			// reads change nothing; all of A is compared once more after the whole matrix
			return;
		}
		String resource = resource(called);
		boolean hasReads = readRoutes().anyMatch(route -> resource(route).equals(resource));
		Map<String, String> related = snapshot(this.a, route -> !hasReads || resource(route).equals(resource));
		Map<String, String> expected = new TreeMap<>(this.baseline);
		expected.keySet().retainAll(related.keySet());
		assertThat(related).as("A's data unchanged after %s", called).isEqualTo(expected);
	}

	private static String resource(Route route) {
		String[] segments = route.pattern().split("/");
		return String.join("/", List.of(segments).subList(0, Math.min(5, segments.length)));
	}

	/** What A's owner reads through the read routes that match. */
	private Map<String, String> snapshot(Tenant tenant, Predicate<Route> which) {
		Map<String, String> all = new TreeMap<>();
		readRoutes().filter(which).forEach(route -> {
			Api.Response response = call(route, tenant.owner(), tenant.ids());
			assertThat(response.status()).as(route + " " + response).isEqualTo(200);
			// a PDF is rendered anew on each read (its bytes differ): its answer is
			// compared, not its bytes
			all.put(route.toString(), response.contentType().startsWith("application/pdf")
					? "PDF " + response.text().startsWith("%PDF") : response.text());
		});
		return all;
	}

	/** One object of every kind the routes address, created through the API. */
	private Tenant tenant(String label) {
		String tag = label.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
		TestData.User owner = this.data.user(label + "Owner");
		TestData.User member = this.data.user(label + "Member");
		String orgName = label + " Tenant " + tag;
		TestData.Org org = this.data.organization(owner, orgName);
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		String organization = "/api/organizations/" + org.id();
		String ws = "/api/workspaces/" + org.workspaceId();
		Map<String, String> ids = new TreeMap<>();
		List<String> secrets = new ArrayList<>(List.of(orgName, owner.email(), member.email()));
		ids.put("organization", org.id().toString());
		ids.put("workspace", org.workspaceId().toString());
		ids.put("member", member.id().toString());
		ids.put("department",
				created(this.api.post(organization + "/departments", owner.token(), Map.of("name", "Dept " + tag))));
		secrets.add("Dept " + tag);
		String employeeEmail = tag + "-emp@example.kz";
		ids.put("employee", created(this.api.post(organization + "/employees", owner.token(),
				Map.of("name", "Employee " + tag, "email", employeeEmail, "departmentId", ids.get("department")))));
		secrets.addAll(List.of("Employee " + tag, employeeEmail));
		String inviteeEmail = tag + "-inv@example.kz";
		ids.put("invitation", created(
				this.api.post(ws + "/invitations", owner.token(), Map.of("email", inviteeEmail, "role", "MEMBER"))));
		secrets.add(inviteeEmail);
		ids.put("team",
				created(this.api.post(ws + "/teams", owner.token(), Map.of("code", "ops", "name", "Team " + tag))));
		secrets.add("Team " + tag);
		ok(this.api.post(ws + "/teams/" + ids.get("team") + "/members", owner.token(),
				Map.of("userId", ids.get("member"))));
		// a webhook to a closed port with one delivery of the next event (the customer
		// below); switched off then, so the worker leaves its delivery as it is
		Api.Response webhook = this.api.post(ws + "/webhooks", owner.token(), Map.of("url",
				"http://127.0.0.1:9/hook-" + tag, "events", List.of("customer.created"), "description", "Hook " + tag));
		ids.put("webhook", created(webhook));
		secrets.addAll(List.of("hook-" + tag, "Hook " + tag, webhook.json().path("secret").asText()));
		ids.put("customer", this.data.customer(owner, org.workspaceId(), "Customer " + tag).toString());
		await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> !this.api.get(ws + "/webhooks/" + ids.get("webhook") + "/deliveries", owner.token())
				.items()
				.isEmpty());
		ids.put("delivery",
				this.api.get(ws + "/webhooks/" + ids.get("webhook") + "/deliveries", owner.token())
					.items()
					.get(0)
					.path("id")
					.asText());
		ok(this.api.patch(ws + "/webhooks/" + ids.get("webhook"), owner.token(), Map.of("active", false)));
		secrets.add("Customer " + tag);
		ids.put("product", created(this.api.post(ws + "/products", owner.token(), Map.of("code", "P-" + label, "name",
				"Product " + tag, "unit", "pcs", "price", "100.00", "vatCategory", "STANDARD"))));
		ids.put("component", created(this.api.post(ws + "/products", owner.token(),
				Map.of("code", "C-" + label, "name", "Component " + tag, "unit", "kg", "price", "5.00"))));
		secrets.addAll(List.of("Product " + tag, "Component " + tag));
		ok(this.api.send("PUT", ws + "/products/" + ids.get("product") + "/bom", owner.token(),
				Map.of("components", List.of(Map.of("productId", ids.get("component"), "quantity", "2"))), Map.of()));
		ids.put("warehouse", created(this.api.post(ws + "/warehouses", owner.token(),
				Map.of("code", "W-" + label, "name", "Warehouse " + tag))));
		secrets.add("Warehouse " + tag);
		created(this.api.post(ws + "/stock/receipts", owner.token(),
				Map.of("warehouseId", ids.get("warehouse"), "productId", ids.get("product"), "quantity", "7")));
		ok(this.api.send("PUT", ws + "/warehouses/" + ids.get("warehouse") + "/minimums/" + ids.get("product"),
				owner.token(), Map.of("minimumQuantity", "10"), Map.of()));
		ids.put("workCenter", created(this.api.post(ws + "/work-centers", owner.token(), Map.of("code", "WC-" + label,
				"name", "Center " + tag, "kind", "MANUAL", "hourlyRate", "1000.00", "capacityHoursPerDay", "8"))));
		secrets.add("Center " + tag);
		ok(this.api.send("PUT", ws + "/products/" + ids.get("product") + "/routing", owner.token(),
				Map.of("operations", List.of(Map.of("workCenterId", ids.get("workCenter"), "name", "Make " + tag))),
				Map.of()));
		secrets.add("Make " + tag);
		ids.put("productionOrder", created(this.api.post(ws + "/production-orders", owner.token(),
				Map.of("productId", ids.get("product"), "quantity", "2", "warehouseId", ids.get("warehouse")))));
		ids.put("deal",
				this.data
					.deal(owner, org.workspaceId(), UUID.fromString(ids.get("customer")), "Deal " + tag,
							Map.of("expectedCloseDate", "2027-06-15"))
					.path("id")
					.asText());
		secrets.add("Deal " + tag);
		ids.put("task",
				this.tasks.createTaskQuery()
					.tenantIdIn(org.workspaceId().toString())
					.processInstanceBusinessKey(ids.get("deal"))
					.singleResult()
					.getId());
		// a migration of the deals to the version they already run: recorded, nothing
		// moves
		Api.Response migration = this.api.post(ws + "/process-migrations", owner.token(),
				Map.of("processKey", "deal-lifecycle", "dryRun", false));
		assertThat(migration.status()).as(migration.toString()).isEqualTo(201);
		ids.put("migration", migration.json().path("id").asText());
		ids.put("order", order(ws, owner, ids, "Delivery " + tag));
		secrets.add("Delivery " + tag);
		ids.put("invoice",
				this.invoices
					.issueInvoice(OrderInvoices.requestFor(this.api, owner.token(), org.workspaceId(),
							UUID.fromString(ids.get("order")), LocalDate.now()))
					.id()
					.toString());
		ids.put("payment", created(this.api.post(ws + "/invoices/" + ids.get("invoice") + "/payments", owner.token(),
				Map.of("amount", "1.00"))));
		String credited = this.invoices
			.issueInvoice(OrderInvoices.requestFor(this.api, owner.token(), org.workspaceId(),
					UUID.fromString(order(ws, owner, ids, "Delivery " + tag)), LocalDate.now()))
			.id()
			.toString();
		ids.put("creditNote", created(this.api.post(ws + "/invoices/" + credited + "/credit-notes", owner.token(),
				Map.of("reason", "Returned " + tag))));
		// the invoices' PDFs are kept as documents after the commit: wait for them, so
		// that what A's owner reads does not change under the matrix
		for (String invoice : List.of(ids.get("invoice"), credited, ids.get("creditNote"))) {
			await().atMost(java.time.Duration.ofSeconds(30))
				.until(() -> this.api.get(ws + "/documents?objectType=invoice&objectId=" + invoice, owner.token())
					.json()
					.path("total")
					.asInt() == 1);
		}
		byte[] text = ("Document " + tag + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ids.put("document",
				this.documents
					.upload(org.workspaceId(), owner.id(),
							new DocumentManagement.Upload("deal", ids.get("deal"), "contract", null,
									new UploadedFile("notes.txt", text.length, new ByteArrayResource(text))))
					.id()
					.toString());
		secrets.add("Document " + tag);
		// a finished export of the deals (a document of the workspace, a report.ready
		// notification), waited for so that nothing changes under the matrix
		Api.Response export = this.api.post(ws + "/analytics/exports", owner.token(),
				Map.of("report", "deals", "format", "csv"));
		assertThat(export.status()).as(export.toString()).isEqualTo(202);
		ids.put("export", export.json().path("id").asText());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get(ws + "/analytics/exports/" + ids.get("export"), owner.token())
				.json()
				.path("state")
				.asText()
				.equals("DONE"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/notifications", owner.token())
				.items()
				.stream()
				.anyMatch(n -> n.path("kind").asText().equals("report.ready")));
		// purchasing: a supplier with a price, and a requisition approved by the table
		// and
		// ordered from it (its process places the order in a job)
		ids.put("supplier",
				created(this.api.post(ws + "/suppliers", owner.token(), Map.of("name", "Supplier " + tag))));
		secrets.add("Supplier " + tag);
		ok(this.api.send("PUT", ws + "/suppliers/" + ids.get("supplier") + "/prices/" + ids.get("component"),
				owner.token(), Map.of("unitPrice", "5.00", "leadTimeDays", 2), Map.of()));
		String requisition = this.purchasing.requestForProduction(org.workspaceId(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.fromString(ids.get("component")), new java.math.BigDecimal("10"),
				UUID.fromString(ids.get("warehouse")), owner.id());
		this.runtime.createProcessInstanceByKey("purchase-requisition")
			.businessKey(requisition)
			.setVariable("workspaceId", org.workspaceId().toString())
			.execute();
		// the orders' processes reserve stock in a job (the job executor is off in tests)
		this.management.createJobQuery()
			.tenantIdIn(org.workspaceId().toString())
			.list()
			.forEach(job -> this.management.executeJob(job.getId()));
		com.fasterxml.jackson.databind.JsonNode requisitions = this.api
			.get(ws + "/purchase-requisitions", owner.token())
			.json()
			.path("items");
		assertThat(requisitions.size()).isEqualTo(1);
		ids.put("requisition", requisitions.get(0).path("id").asText());
		// the shipping task of the orders is offered to the workspace's members: the
		// owner's notification of it (delivered after the commit)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/notifications", owner.token()).json().path("total").asInt() > 0);
		ids.put("notification", this.api.get("/api/notifications", owner.token()).items().get(0).path("id").asText());
		ids.put("purchaseOrder", requisitions.get(0).path("purchaseOrderId").asText());
		assertThat(ids.get("purchaseOrder")).as("the requisition's purchase order").isNotBlank();
		// the workspace's own decision table (a key only this workspace has): its
		// versions, its deployment's record, the way back to a default it does not have
		String decisionKey = tag + "-bonus";
		ids.put("decisionKey", decisionKey);
		ids.put("deployment", deployOwnTable(ws, owner, decisionKey, "Bonus " + tag));
		secrets.add("Bonus " + tag);
		return new Tenant(owner, ids, secrets);
	}

	private String deployOwnTable(String ws, TestData.User owner, String key, String name) {
		String table = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
				    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Bonus" name="Bonus"
				    namespace="http://prometric.kz/dmn">
				  <decision id="%s" name="%s" camunda:historyTimeToLive="P1D">
				    <decisionTable id="DecisionTable_Bonus" hitPolicy="FIRST">
				      <input id="Input_Value" label="Value"><inputExpression id="InputExpression_Value" typeRef="double">
				        <text>dealValue</text></inputExpression></input>
				      <output id="Output_Bonus" label="Bonus" name="bonus" typeRef="integer"/>
				      <rule id="Rule_Any"><inputEntry id="InputEntry_Any"><text>-</text></inputEntry>
				        <outputEntry id="OutputEntry_Any"><text>1</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>"""
			.formatted(key, name);
		String boundary = "----MatrixDeployment";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + key
				+ ".dmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + table + "\r\n--" + boundary + "--\r\n";
		return created(this.api.send("POST", ws + "/process-deployments", owner.token(), body,
				Map.of("Content-Type", "multipart/form-data; boundary=" + boundary)));
	}

	private String order(String ws, TestData.User owner, Map<String, String> ids, String deliveryAddress) {
		return created(this.api.post(ws + "/orders", owner.token(),
				Map.of("customerId", ids.get("customer"), "deliveryAddress", deliveryAddress, "lines",
						List.of(Map.of("productId", ids.get("product"), "productName", "Ordered", "quantity", "1",
								"unitPrice", "100.00")))));
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	/** A fresh random id for every name the fixture knows. */
	private static Map<String, String> randomIds() {
		Map<String, String> ids = new LinkedHashMap<>();
		IDS.keySet().forEach(key -> ids.put(name(key), NUMBERS.getOrDefault(name(key), UUID.randomUUID().toString())));
		return ids;
	}

	/** The route's path with each variable replaced by its id. */
	private static String resolve(Route route, Map<String, String> ids) {
		String path = route.pattern();
		for (String variable : route.variables()) {
			String key = key(route.pattern(), variable);
			if (key == null) {
				fail("%s has path variable {%s} that the fixture does not know: add it to IDS and create one in "
						+ "tenant()", route, variable);
			}
			path = path.replace("{" + variable + "}", ids.get(name(key)));
		}
		return path;
	}

	/** A body template with its {@code {variable}} placeholders replaced by ids. */
	private static String fill(String template, Map<String, String> ids) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder body = new StringBuilder();
		while (matcher.find()) {
			String id = ids.get(matcher.group(1));
			if (id == null) {
				fail("body placeholder {%s} is not in IDS: add it to the fixture", matcher.group(1));
			}
			matcher.appendReplacement(body, id);
		}
		matcher.appendTail(body);
		return body.toString();
	}

	/**
	 * The fixture key of a path variable: its name, or the segment before it plus the
	 * variable ({@code members/{userId}}); null when the fixture does not know it.
	 */
	private static String key(String pattern, String variable) {
		if (IDS.containsKey(variable)) {
			return variable;
		}
		String before = pattern.substring(0, pattern.indexOf("{" + variable + "}"));
		String[] segments = before.split("/");
		String keyed = segments[segments.length - 1] + "/{" + variable + "}";
		return IDS.containsKey(keyed) ? keyed : null;
	}

	/** The id name a fixture key stands for ({@code members/{userId}} → userId). */
	private static String name(String key) {
		Matcher matcher = VARIABLE.matcher(key);
		return matcher.find() ? matcher.group(1) : key;
	}

	private static List<String> variables(String pattern) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	private static String bodyType(HandlerMethod handler) {
		return Stream.of(handler.getMethodParameters())
			.filter(p -> p.hasParameterAnnotation(RequestBody.class))
			.map(p -> p.getParameterType().getSimpleName())
			.findFirst()
			.orElse(null);
	}

	/** One route and method of the API, as the matrix calls it. */
	record Route(String method, String pattern, List<String> variables, String bodyType) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	/**
	 * A workspace with one object of every kind; {@code ids} by fixture name, resolved
	 * through {@link #IDS}.
	 */
	record Tenant(TestData.User owner, Map<String, String> objects, List<String> secrets) {

		String id(String object) {
			return this.objects.get(object);
		}

		/** The ids by path variable and placeholder name. */
		Map<String, String> ids() {
			Map<String, String> ids = new LinkedHashMap<>();
			IDS.forEach((key, id) -> ids.put(name(key), id.apply(this)));
			return ids;
		}

	}

}
