package kz.prometric.erp.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.ComponentQuantity;
import kz.prometric.erp.catalog.CatalogManagement.NewProduct;
import kz.prometric.erp.catalog.ProductCategory;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerManagement.NewCustomer;
import kz.prometric.erp.crm.CustomerType;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.NewDeal;
import kz.prometric.erp.crm.DealProduct;
import kz.prometric.erp.crm.DealStage;
import kz.prometric.erp.crm.DealView;
import kz.prometric.erp.hr.ContractType;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.identity.RegisterUser;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.hr.DepartmentView;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.organization.InvitationView;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.hr.HrManagement.NewEmployee;
import kz.prometric.erp.organization.OrganizationView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.organization.WorkspaceType;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.production.PurchasingManagement.NewSupplier;
import kz.prometric.erp.production.SupplierView;
import kz.prometric.erp.production.WorkCenterKind;
import kz.prometric.erp.production.WorkCenterManagement;
import kz.prometric.erp.production.WorkCenterManagement.NewOperation;
import kz.prometric.erp.production.WorkCenterManagement.NewWorkCenter;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.workflow.TaskManagement.TaskFilter;
import kz.prometric.erp.workflow.TaskManagement.TaskView;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo organization "Steppe Trading LLP" through the modules' public APIs,
 * once: when its owner's account already exists, nothing is loaded again. Prints the demo
 * logins at start-up.
 */
@Component
@ConditionalOnProperty(name = "prometric.demo.enabled", havingValue = "true")
class DemoData {

	static final String PASSWORD = "demo-password";

	static final String BIN = "220340000015";

	/** The simulated machine's account (application.yml names the same). */
	static final String MACHINE_EMAIL = "machine@demo.prometric.kz";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** e-mail → (first name, last name, role, position, department). */
	private static final String NEW_HIRE_EMAIL = "aliya.zh@demo.prometric.kz";

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	private static final List<DemoPerson> PEOPLE = List.of(
			new DemoPerson("owner@demo.prometric.kz", "Aidos", "Nurlanov", WorkspaceRole.OWNER, "Director",
					"Management"),
			new DemoPerson("admin@demo.prometric.kz", "Gulnara", "Seitkali", WorkspaceRole.ADMIN, "Office manager",
					"Management"),
			new DemoPerson("manager@demo.prometric.kz", "Yerlan", "Abenov", WorkspaceRole.MANAGER, "Sales manager",
					"Sales"),
			new DemoPerson("sales@demo.prometric.kz", "Dana", "Kassymova", WorkspaceRole.MEMBER, "Sales representative",
					"Sales"),
			new DemoPerson("warehouse@demo.prometric.kz", "Marat", "Ospanov", WorkspaceRole.MEMBER, "Storekeeper",
					"Warehouse"));

	private static final List<String> DEPARTMENTS = List.of("Management", "Sales", "Warehouse", "Production",
			"Finance");

	private final IdentityManagement identity;

	private final OrganizationManagement organizations;

	private final HrManagement hr;

	private final WorkspaceManagement workspaces;

	private final CustomerManagement customers;

	private final DealManagement deals;

	private final CatalogManagement catalog;

	private final InventoryManagement inventory;

	private final PurchasingManagement purchasing;

	private final WorkCenterManagement workCenters;

	private final TeamManagement teams;

	private final TaskManagement tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final TransactionTemplate transaction;

	DemoData(IdentityManagement identity, OrganizationManagement organizations, HrManagement hr,
			WorkspaceManagement workspaces, CustomerManagement customers, DealManagement deals,
			CatalogManagement catalog, InventoryManagement inventory, PurchasingManagement purchasing,
			WorkCenterManagement workCenters, TeamManagement teams, TaskManagement tasks, RuntimeService runtime,
			ManagementService management, TransactionTemplate transaction) {
		this.runtime = runtime;
		this.management = management;
		this.teams = teams;
		this.tasks = tasks;
		this.workCenters = workCenters;
		this.inventory = inventory;
		this.purchasing = purchasing;
		this.catalog = catalog;
		this.customers = customers;
		this.deals = deals;
		this.identity = identity;
		this.organizations = organizations;
		this.hr = hr;
		this.workspaces = workspaces;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void loadOnce() {
		if (this.identity.findByEmail(PEOPLE.get(0).email()).isEmpty()) {
			UUID newHire = this.transaction.execute(status -> load());
			completeFirstOnboardingItems(newHire);
			log.info("Loaded demo data: organization with BIN {}, {} users, {} departments", BIN, PEOPLE.size(),
					DEPARTMENTS.size());
		}
		StringBuilder logins = new StringBuilder("Demo logins (password '" + PASSWORD + "'):");
		PEOPLE.forEach(p -> logins.append("\n    ").append(p.role()).append(": ").append(p.email()));
		logins.append("\n    MEMBER (simulated machine CNC-01): ").append(MACHINE_EMAIL);
		log.info(logins.toString());
	}

	private UUID load() {
		Map<String, UUID> users = new LinkedHashMap<>();
		for (DemoPerson person : PEOPLE) {
			UserAccount user = this.identity
				.registerVerified(new RegisterUser(person.email(), PASSWORD, person.firstName(), person.lastName()));
			users.put(person.email(), user.id());
		}
		DemoPerson owner = PEOPLE.get(0);
		UUID ownerId = users.get(owner.email());
		this.identity.grantPlatformAdmin(Set.of(owner.email()));
		OrganizationView org = this.organizations.create("Steppe Trading LLP", BIN, ownerId);
		for (DemoPerson person : PEOPLE.subList(1, PEOPLE.size())) {
			InvitationView invitation = this.workspaces.invite(org.workspaceId(), ownerId, person.email(),
					person.role());
			this.workspaces.acceptInvitation(invitation.id(), users.get(person.email()));
		}
		// the simulated machine's account: a member, not an employee
		// (prometric.production.simulated-machines logs in with it)
		UUID machine = this.identity.registerVerified(new RegisterUser(MACHINE_EMAIL, PASSWORD, "CNC-01", "Gateway"))
			.id();
		this.workspaces.acceptInvitation(
				this.workspaces.invite(org.workspaceId(), ownerId, MACHINE_EMAIL, WorkspaceRole.MEMBER).id(), machine);
		Map<String, UUID> departments = new LinkedHashMap<>();
		for (String name : DEPARTMENTS) {
			DepartmentView department = this.hr.createDepartment(org.id(), ownerId, name, null);
			departments.put(name, department.id());
		}
		Map<String, UUID> employees = new LinkedHashMap<>();
		for (DemoPerson person : PEOPLE) {
			EmployeeView employee = this.hr.addEmployee(org.id(), ownerId,
					new NewEmployee(person.firstName() + " " + person.lastName(), person.email(), person.position(),
							departments.get(person.department()), person.role()),
					false);
			employees.put(person.email(), employee.id());
		}
		loadTeams(org.workspaceId(), ownerId, users);
		// a new hire who started yesterday: her onboarding runs (its first items are done
		// once the engine has planned them, see completeFirstOnboardingItems)
		UUID newHire = this.hr
			.addEmployee(org.id(), ownerId,
					new NewEmployee("Aliya Zhaksybekova", NEW_HIRE_EMAIL, null, "Accountant",
							departments.get("Finance"), employees.get(owner.email()), ContractType.PERMANENT,
							LocalDate.now(BUSINESS_ZONE).minusDays(1), null, 3, WorkspaceRole.MEMBER))
			.id();
		loadDeals(org.workspaceId(), ownerId, employees.get("sales@demo.prometric.kz"));
		loadProduction(org.workspaceId(), ownerId);
		return newHire;
	}

	/**
	 * Teams that onboarding and offboarding tasks go to: HR (the office manager), IT (the
	 * office manager and the director), Facilities (the storekeeper), Accounting (the
	 * director).
	 */
	private void loadTeams(UUID workspaceId, UUID ownerId, Map<String, UUID> users) {
		Map<String, List<String>> teams = new LinkedHashMap<>();
		teams.put("hr:HR", List.of("admin@demo.prometric.kz"));
		teams.put("it:IT", List.of("admin@demo.prometric.kz", "owner@demo.prometric.kz"));
		teams.put("facilities:Facilities", List.of("warehouse@demo.prometric.kz"));
		teams.put("accounting:Accounting", List.of("owner@demo.prometric.kz"));
		teams.forEach((codeAndName, members) -> {
			String[] parts = codeAndName.split(":");
			UUID teamId = this.teams.createTeam(workspaceId, ownerId, parts[0], parts[1]).id();
			members.forEach(email -> this.teams.addTeamMember(workspaceId, ownerId, teamId, users.get(email)));
		});
	}

	/**
	 * The HR team signs the new hire's contract and IT creates her accounts, through the
	 * task API as Gulnara (HR and IT): the rest of her checklist stays open. The
	 * onboarding's first step is asynchronous and the job executor starts only once the
	 * application is ready, after this listener: the step runs here.
	 */
	private void completeFirstOnboardingItems(UUID newHire) {
		UUID admin = this.identity.findByEmail("admin@demo.prometric.kz").orElseThrow().id();
		UUID workspaceId = this.workspaces.membershipsOf(admin)
			.stream()
			.filter(m -> m.workspaceType() == WorkspaceType.COMPANY)
			.findFirst()
			.orElseThrow()
			.workspaceId();
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(newHire.toString())
			.tenantIdIn(workspaceId.toString())
			.list()
			.forEach(instance -> this.management.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.list()
				.forEach(job -> this.management.executeJob(job.getId())));
		List<String> done = List.of("Sign the employment contract and the job description",
				"Create the ERP account and the e-mail address");
		this.tasks
			.tasks(workspaceId, admin, new TaskFilter(TaskManagement.Scope.ALL, null, null, "EMPLOYEE", newHire),
					PageQuery.first(PageQuery.MAX_SIZE))
			.items()
			.stream()
			.filter(task -> done.contains(task.name()))
			.forEach(task -> this.tasks.complete(workspaceId, admin, task.id(),
					Map.of("itemOutcome", "done", "itemNote", "Done on the first day")));
	}

	/**
	 * A shop floor to watch a full production run: a warehouse with materials, a
	 * manufactured "Bakery display cabinet" whose bill of materials has two levels (a
	 * manufactured "Cabinet frame" of steel tube, plus bought sheet, glass and lighting),
	 * a supplier with prices, and glass out of stock so that a run has to buy it. Two
	 * work centers: ASSEMBLY (MANUAL, 5,000 KZT/h: operators in Tasklist) and CNC-01
	 * (EXTERNAL, 12,000 KZT/h: the simulated machine); the cabinet's routing has three
	 * operations on both, inspected after the last. A qualified deal for two cabinets:
	 * win it and the order asks production for them.
	 */
	void loadProduction(UUID workspaceId, UUID ownerId) {
		UUID warehouse = this.inventory
			.createWarehouse(workspaceId, ownerId, "MAIN", "Main warehouse", "Almaty, Ryskulov ave. 57")
			.id();
		ProductView cabinet = this.catalog.create(workspaceId, ownerId,
				new NewProduct("DC-100", "Bakery display cabinet",
						"Refrigerated display cabinet, 1.2 m, tempered glass, LED lighting", "pcs",
						new BigDecimal("450000.00"), new BigDecimal("240000.00"), VatCategory.STANDARD, false,
						ProductCategory.FINISHED_GOOD));
		ProductView frame = this.catalog.create(workspaceId, ownerId,
				new NewProduct("CF-100", "Cabinet frame", "Welded steel frame of DC-100", "pcs",
						new BigDecimal("120000.00"), new BigDecimal("60000.00"), VatCategory.STANDARD, false,
						ProductCategory.COMPONENT));
		ProductView tube = this.catalog.create(workspaceId, ownerId,
				new NewProduct("ST-20", "Steel tube 20×20 mm", null, "m", new BigDecimal("1800.00"),
						new BigDecimal("1200.00"), VatCategory.STANDARD, false, ProductCategory.RAW_MATERIAL));
		ProductView sheet = this.catalog.create(workspaceId, ownerId,
				new NewProduct("SS-1", "Steel sheet 1 mm", "1250×2500 mm", "sheet", new BigDecimal("19000.00"),
						new BigDecimal("15000.00"), VatCategory.STANDARD, false, ProductCategory.RAW_MATERIAL));
		ProductView glass = this.catalog.create(workspaceId, ownerId,
				new NewProduct("GL-4", "Tempered glass pane 4 mm", "1200×600 mm", "pcs", new BigDecimal("24000.00"),
						new BigDecimal("18000.00"), VatCategory.STANDARD, false, ProductCategory.COMPONENT));
		ProductView led = this.catalog.create(workspaceId, ownerId,
				new NewProduct("LED-1", "LED strip 1 m", null, "pcs", new BigDecimal("4500.00"),
						new BigDecimal("3000.00"), VatCategory.STANDARD, false, ProductCategory.COMPONENT));
		this.catalog.replaceBillOfMaterials(workspaceId, ownerId, frame.id(),
				List.of(new ComponentQuantity(tube.id(), new BigDecimal("12"))));
		this.catalog.replaceBillOfMaterials(workspaceId, ownerId, cabinet.id(),
				List.of(new ComponentQuantity(frame.id(), BigDecimal.ONE),
						new ComponentQuantity(sheet.id(), new BigDecimal("2")),
						new ComponentQuantity(glass.id(), new BigDecimal("3")),
						new ComponentQuantity(led.id(), new BigDecimal("2"))));
		// work centers: operators in Tasklist, and a CNC machine served by the simulated
		// machine (topic production.CNC-01)
		UUID assembly = this.workCenters
			.createWorkCenter(workspaceId, ownerId,
					new NewWorkCenter("ASSEMBLY", "Assembly bench", WorkCenterKind.MANUAL, new BigDecimal("5000.00"),
							new BigDecimal("8")))
			.id();
		UUID cnc = this.workCenters
			.createWorkCenter(workspaceId, ownerId,
					new NewWorkCenter("CNC-01", "CNC cutting and bending", WorkCenterKind.EXTERNAL,
							new BigDecimal("12000.00"), new BigDecimal("16")))
			.id();
		this.workCenters.replaceRouting(workspaceId, ownerId, frame.id(),
				List.of(new NewOperation(cnc, "Cut and bend the frame tubes", new BigDecimal("10"),
						new BigDecimal("15"), "Program CF-100, 12 m of tube per frame", false),
						new NewOperation(assembly, "Weld the frame", BigDecimal.ZERO, new BigDecimal("40"),
								"Check the diagonals: at most 2 mm difference", true)));
		this.workCenters.replaceRouting(workspaceId, ownerId, cabinet.id(),
				List.of(new NewOperation(cnc, "Cut the steel panels", new BigDecimal("15"), new BigDecimal("20"),
						"Program DC-100, two sheets per cabinet", false),
						new NewOperation(assembly, "Assemble frame and panels", BigDecimal.ZERO, new BigDecimal("60"),
								"Rivet the panels to the frame", false),
						new NewOperation(assembly, "Fit glass and lighting", BigDecimal.ZERO, new BigDecimal("45"),
								"Glass last; test the LED strip before closing", true)));
		// materials in stock at their purchase cost; no glass: a run buys it
		this.inventory.receive(workspaceId, ownerId, warehouse, tube.id(), new BigDecimal("60"),
				new BigDecimal("1200.00"), "Opening stock");
		this.inventory.receive(workspaceId, ownerId, warehouse, sheet.id(), new BigDecimal("10"),
				new BigDecimal("15000.00"), "Opening stock");
		this.inventory.receive(workspaceId, ownerId, warehouse, led.id(), new BigDecimal("20"),
				new BigDecimal("3000.00"), "Opening stock");
		SupplierView supplier = this.purchasing.createSupplier(workspaceId, ownerId, new NewSupplier(
				"Almaty Glass and Metal LLP", "050540001232", "sales@almaty-glass.kz", "+7 727 300 40 50"));
		this.purchasing.setSupplierPrice(workspaceId, ownerId, supplier.id(), glass.id(), new BigDecimal("17500.00"),
				5);
		this.purchasing.setSupplierPrice(workspaceId, ownerId, supplier.id(), sheet.id(), new BigDecimal("14800.00"),
				3);
		this.purchasing.setSupplierPrice(workspaceId, ownerId, supplier.id(), tube.id(), new BigDecimal("1150.00"), 3);
		this.purchasing.setSupplierPrice(workspaceId, ownerId, supplier.id(), led.id(), new BigDecimal("2900.00"), 7);
		CustomerView confectionery = this.customers.create(workspaceId, ownerId,
				new NewCustomer(CustomerType.COMPANY, "Karaganda Confectionery LLP", "supply@kar-confectionery.kz",
						"+7 721 250 11 22", "Asel Bekova", "Karaganda, Bukhar-Zhyrau ave. 30", "060840004567"));
		DealView cabinets = this.deals.create(workspaceId, ownerId,
				new NewDeal(confectionery.id(), "Display cabinets for two shops", "Win it to start production", null,
						LocalDate.now().plusWeeks(4), null, List.of(line(cabinet, "2", BigDecimal.ZERO))));
		this.deals.changeStage(workspaceId, ownerId, cabinets.id(), DealStage.QUALIFIED, null);
	}

	/**
	 * Three catalog products, three customers and deals in flight, so Tasklist has tasks:
	 * two new, one qualified with a discount that needs a manager's approval. Every deal
	 * has product lines from the catalog, so each can be won and turned into an order.
	 */
	void loadDeals(UUID workspaceId, UUID ownerId, UUID salesEmployee) {
		ProductView flour = this.catalog.create(workspaceId, ownerId,
				new NewProduct("FL-50", "Flour 50 kg", "Wheat flour, first grade, 50 kg bag", "bag",
						new BigDecimal("14500.00"), new BigDecimal("11000.00"), VatCategory.STANDARD, false,
						ProductCategory.FINISHED_GOOD));
		ProductView wheat = this.catalog.create(workspaceId, ownerId,
				new NewProduct("WH-3", "Wheat, class 3", null, "t", new BigDecimal("120000.00"),
						new BigDecimal("95000.00"), VatCategory.STANDARD, false, ProductCategory.RAW_MATERIAL));
		ProductView seed = this.catalog.create(workspaceId, ownerId,
				new NewProduct("SD-SPR", "Seed grain, spring wheat", null, "t", new BigDecimal("170000.00"),
						new BigDecimal("130000.00"), VatCategory.STANDARD, false, ProductCategory.RAW_MATERIAL));
		CustomerView retail = this.customers.create(workspaceId, ownerId,
				new NewCustomer(CustomerType.COMPANY, "Almaty Retail LLP", "buyer@almaty-retail.kz", "+7 727 250 00 00",
						"Saltanat Omarova", "Almaty, Abay ave. 10", "940140000385"));
		CustomerView bakery = this.customers.create(workspaceId, ownerId,
				new NewCustomer(CustomerType.COMPANY, "Astana Bakery JSC", "orders@astana-bakery.kz", null,
						"Daniyar Serikov", "Astana, Kabanbay batyr 5", "950341000052"));
		CustomerView farmer = this.customers.create(workspaceId, ownerId, new NewCustomer(CustomerType.INDIVIDUAL,
				"Bolat Akhmetov", "bolat.akhmetov@example.kz", "+7 701 123 45 67", null, "Shymkent", "901123300258"));
		this.deals.create(workspaceId, ownerId, new NewDeal(retail.id(), "Flour for 12 stores", null, null,
				LocalDate.now().plusWeeks(3), salesEmployee, List.of(line(flour, "400", BigDecimal.ZERO))));
		DealView bread = this.deals.create(workspaceId, ownerId,
				new NewDeal(bakery.id(), "Annual wheat contract", "Deliveries every month", null,
						LocalDate.now().plusMonths(2), null, List.of(line(wheat, "150", new BigDecimal("12.00")))));
		this.deals.changeStage(workspaceId, ownerId, bread.id(), DealStage.QUALIFIED, null);
		this.deals.create(workspaceId, ownerId, new NewDeal(farmer.id(), "Seed grain for spring", null, null, null,
				salesEmployee, List.of(line(seed, "5", BigDecimal.ZERO))));
	}

	private static DealProduct line(ProductView product, String quantity, BigDecimal discountPercent) {
		return new DealProduct(product.id(), product.name(), new BigDecimal(quantity), product.price(),
				discountPercent);
	}

	private record DemoPerson(String email, String firstName, String lastName, WorkspaceRole role, String position,
			String department) {
	}

}
