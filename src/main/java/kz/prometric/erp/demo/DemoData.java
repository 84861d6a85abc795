package kz.prometric.erp.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
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
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.RegisterUser;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.DepartmentView;
import kz.prometric.erp.organization.EmployeeView;
import kz.prometric.erp.organization.InvitationView;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.OrganizationManagement.NewEmployee;
import kz.prometric.erp.organization.OrganizationView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.VatCategory;
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

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** e-mail → (first name, last name, role, position, department). */
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

	private final WorkspaceManagement workspaces;

	private final CustomerManagement customers;

	private final DealManagement deals;

	private final CatalogManagement catalog;

	private final TransactionTemplate transaction;

	DemoData(IdentityManagement identity, OrganizationManagement organizations, WorkspaceManagement workspaces,
			CustomerManagement customers, DealManagement deals, CatalogManagement catalog,
			TransactionTemplate transaction) {
		this.catalog = catalog;
		this.customers = customers;
		this.deals = deals;
		this.identity = identity;
		this.organizations = organizations;
		this.workspaces = workspaces;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void loadOnce() {
		if (this.identity.findByEmail(PEOPLE.get(0).email()).isEmpty()) {
			this.transaction.executeWithoutResult(status -> load());
			log.info("Loaded demo data: organization with BIN {}, {} users, {} departments", BIN, PEOPLE.size(),
					DEPARTMENTS.size());
		}
		StringBuilder logins = new StringBuilder("Demo logins (password '" + PASSWORD + "'):");
		PEOPLE.forEach(p -> logins.append("\n    ").append(p.role()).append(": ").append(p.email()));
		log.info(logins.toString());
	}

	private void load() {
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
		Map<String, UUID> departments = new LinkedHashMap<>();
		for (String name : DEPARTMENTS) {
			DepartmentView department = this.organizations.createDepartment(org.id(), ownerId, name, null);
			departments.put(name, department.id());
		}
		Map<String, UUID> employees = new LinkedHashMap<>();
		for (DemoPerson person : PEOPLE) {
			EmployeeView employee = this.organizations.addEmployee(org.id(), ownerId,
					new NewEmployee(person.firstName() + " " + person.lastName(), person.email(), person.position(),
							departments.get(person.department()), person.role()));
			employees.put(person.email(), employee.id());
		}
		this.organizations.addEmployee(org.id(), ownerId, new NewEmployee("Aliya Zhaksybekova",
				"aliya.zh@demo.prometric.kz", "Accountant", departments.get("Finance"), WorkspaceRole.MEMBER));
		loadDeals(org.workspaceId(), ownerId, employees.get("sales@demo.prometric.kz"));
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
