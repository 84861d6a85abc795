package kz.prometric.erp.hr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ErpIntegrationTest
class DepartmentAndEmployeeApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	// departments

	@Test
	void createsDepartment() {
		TestData.User owner = this.data.user("Aidos");
		TestData.Org org = this.data.organization(owner, "Aidos Group");

		Api.Response created = createDepartment(owner, org, "Finance");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.header("Location")).endsWith("/api/organizations/" + org.id() + "/departments/" + id);
		assertThat(created.json().path("organizationId").asText()).isEqualTo(org.id().toString());
		Api.Response fetched = this.api.get(departments(org) + "/" + id, owner.token());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().path("name").asText()).isEqualTo("Finance");
	}

	@Test
	void refusesDuplicateDepartmentNameRegardlessOfCase() {
		TestData.User owner = this.data.user("Bekzat");
		TestData.Org org = this.data.organization(owner, "Bekzat Group");
		assertThat(createDepartment(owner, org, "Sales").status()).isEqualTo(201);

		Api.Response again = createDepartment(owner, org, " SALES ");

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.errorFields()).containsExactly("name");
		assertThat(items(this.api.get(departments(org), owner.token()))).hasSize(1);
	}

	@Test
	void allowsTheSameDepartmentNameInAnotherOrganization() {
		TestData.User owner = this.data.user("Bibigul");
		TestData.Org first = this.data.organization(owner, "Bibigul One");
		TestData.Org second = this.data.organization(owner, "Bibigul Two");
		assertThat(createDepartment(owner, first, "Legal").status()).isEqualTo(201);

		assertThat(createDepartment(owner, second, "Legal").status()).isEqualTo(201);
	}

	@Test
	void updatesDepartment() {
		TestData.User owner = this.data.user("Dariga");
		TestData.Org org = this.data.organization(owner, "Dariga Group");
		String id = createDepartment(owner, org, "Logistic").json().path("id").asText();

		Api.Response updated = this.api.patch(departments(org) + "/" + id, owner.token(),
				Map.of("name", "Logistics", "description", "Trucks and warehouses"));

		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		JsonNode fetched = this.api.get(departments(org) + "/" + id, owner.token()).json();
		assertThat(fetched.path("name").asText()).isEqualTo("Logistics");
		assertThat(fetched.path("description").asText()).isEqualTo("Trucks and warehouses");
	}

	@Test
	void refusesRenamingDepartmentToAnotherDepartmentsName() {
		TestData.User owner = this.data.user("Ernar");
		TestData.Org org = this.data.organization(owner, "Ernar Group");
		createDepartment(owner, org, "Marketing");
		String id = createDepartment(owner, org, "Support").json().path("id").asText();

		Api.Response updated = this.api.patch(departments(org) + "/" + id, owner.token(), Map.of("name", "marketing"));

		assertThat(updated.status()).as(updated.toString()).isEqualTo(409);
		assertThat(updated.errorFields()).containsExactly("name");
		assertThat(this.api.get(departments(org) + "/" + id, owner.token()).json().path("name").asText())
			.isEqualTo("Support");
	}

	@Test
	void deletesEmptyDepartment() {
		TestData.User owner = this.data.user("Fariza");
		TestData.Org org = this.data.organization(owner, "Fariza Group");
		String id = createDepartment(owner, org, "Temporary").json().path("id").asText();

		Api.Response deleted = this.api.delete(departments(org) + "/" + id, owner.token());

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.api.get(departments(org) + "/" + id, owner.token()).status()).isEqualTo(404);
		assertThat(items(this.api.get(departments(org), owner.token()))).isEmpty();
	}

	@Test
	void refusesDeletingDepartmentWithEmployees() {
		TestData.User owner = this.data.user("Gulmira");
		TestData.Org org = this.data.organization(owner, "Gulmira Group");
		String id = createDepartment(owner, org, "Production").json().path("id").asText();
		assertThat(addEmployee(owner, org, "Worker One", freshEmail("worker"), id).status()).isEqualTo(201);

		Api.Response deleted = this.api.delete(departments(org) + "/" + id, owner.token());

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(409);
		assertThat(deleted.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get(departments(org) + "/" + id, owner.token()).status()).isEqualTo(200);
	}

	@Test
	void memberCannotManageDepartmentsButCanSeeThem() {
		TestData.User owner = this.data.user("Khadisha");
		TestData.User member = this.data.user("Kirill");
		TestData.Org org = this.data.organization(owner, "Khadisha Group");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		String id = createDepartment(owner, org, "Research").json().path("id").asText();

		assertThat(createDepartment(member, org, "Shadow").status()).isEqualTo(403);
		assertThat(this.api.patch(departments(org) + "/" + id, member.token(), Map.of("name", "Renamed")).status())
			.isEqualTo(403);
		assertThat(this.api.delete(departments(org) + "/" + id, member.token()).status()).isEqualTo(403);
		assertThat(items(this.api.get(departments(org), member.token()))).extracting(d -> d.path("name").asText())
			.containsExactly("Research");
	}

	// employees

	@Test
	void addsPendingEmployeeLinkedToTheirUserAccount() {
		TestData.User owner = this.data.user("Lola");
		TestData.User colleague = this.data.user("Marlen");
		TestData.Org org = this.data.organization(owner, "Lola Group");

		Api.Response added = addEmployee(owner, org, "Marlen Testov", colleague.email().toUpperCase(), null);

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		String id = added.json().path("id").asText();
		assertThat(added.header("Location")).endsWith("/api/organizations/" + org.id() + "/employees/" + id);
		// a new hire: PENDING, or ONBOARDING once his onboarding's first step ran
		assertThat(added.json().path("status").asText()).isIn("PENDING", "ONBOARDING");
		assertThat(added.json().path("userId").asText()).isEqualTo(colleague.id().toString());
		assertThat(added.json().path("email").asText()).isEqualTo(colleague.email());
		assertThat(this.api.get(employees(org) + "/" + id, owner.token()).json().path("name").asText())
			.isEqualTo("Marlen Testov");
	}

	@Test
	void addsEmployeeWithoutAccountUnlinked() {
		TestData.User owner = this.data.user("Nargiz");
		TestData.Org org = this.data.organization(owner, "Nargiz Group");

		Api.Response added = addEmployee(owner, org, "No Account", freshEmail("nobody"), null);

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		// a new hire: PENDING, or ONBOARDING once his onboarding's first step ran
		assertThat(added.json().path("status").asText()).isIn("PENDING", "ONBOARDING");
		assertThat(added.json().path("userId").isMissingNode() || added.json().path("userId").isNull()).isTrue();
	}

	@Test
	void refusesDuplicateEmployeeEmail() {
		TestData.User owner = this.data.user("Oleg");
		TestData.Org org = this.data.organization(owner, "Oleg Group");
		String email = freshEmail("twice");
		assertThat(addEmployee(owner, org, "First", email, null).status()).isEqualTo(201);

		Api.Response again = addEmployee(owner, org, "Second", email.toUpperCase(), null);

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("email");
		assertThat(this.api.get(employees(org), owner.token()).json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void refusesDepartmentOfAnotherOrganization() {
		TestData.User owner = this.data.user("Pavel");
		TestData.Org org = this.data.organization(owner, "Pavel Group");
		TestData.Org other = this.data.organization(owner, "Pavel Other");
		String foreignDepartment = createDepartment(owner, other, "Elsewhere").json().path("id").asText();

		Api.Response added = addEmployee(owner, org, "Misplaced", freshEmail("misplaced"), foreignDepartment);

		assertThat(added.status()).as(added.toString()).isEqualTo(422);
		assertThat(added.contentType()).startsWith("application/problem+json");
		assertThat(added.errorFields()).containsExactly("departmentId");
		assertThat(this.api.get(employees(org), owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void refusesMovingEmployeeToDepartmentOfAnotherOrganization() {
		TestData.User owner = this.data.user("Raushan");
		TestData.Org org = this.data.organization(owner, "Raushan Group");
		TestData.Org other = this.data.organization(owner, "Raushan Other");
		String foreignDepartment = createDepartment(owner, other, "Elsewhere").json().path("id").asText();
		String id = addEmployee(owner, org, "Stays", freshEmail("stays"), null).json().path("id").asText();

		Api.Response moved = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("departmentId", foreignDepartment));

		assertThat(moved.status()).as(moved.toString()).isEqualTo(422);
		assertThat(moved.errorFields()).containsExactly("departmentId");
	}

	@Test
	void filtersEmployeesByDepartmentStatusAndSearch() {
		TestData.User owner = this.data.user("Serik");
		TestData.Org org = this.data.organization(owner, "Serik Group");
		String sales = createDepartment(owner, org, "Sales").json().path("id").asText();
		String it = createDepartment(owner, org, "IT").json().path("id").asText();
		String hired = addEmployee(owner, org, "Anna Sales", freshEmail("anna"), sales).json().path("status").asText();
		addEmployee(owner, org, "Boris Sales", freshEmail("boris"), sales);
		addEmployee(owner, org, "Chingis Coder", freshEmail("chingis"), it);
		// already at work when recorded: ACTIVE
		this.api.post(employees(org), owner.token(), Map.of("name", "Dana Floating", "email",
				"dana.special-" + UUID.randomUUID() + "@example.kz", "onboard", false));

		assertThat(names(this.api.get(employees(org) + "?departmentId=" + sales, owner.token())))
			.containsExactlyInAnyOrder("Anna Sales", "Boris Sales");
		assertThat(names(this.api.get(employees(org) + "?departmentId=" + it, owner.token())))
			.containsExactly("Chingis Coder");
		assertThat(names(this.api.get(employees(org) + "?status=" + hired, owner.token())))
			.containsExactlyInAnyOrder("Anna Sales", "Boris Sales", "Chingis Coder");
		assertThat(names(this.api.get(employees(org) + "?status=ACTIVE", owner.token())))
			.containsExactly("Dana Floating");
		assertThat(names(this.api.get(employees(org) + "?status=LEFT", owner.token()))).isEmpty();
		assertThat(names(this.api.get(employees(org) + "?q=sales", owner.token())))
			.containsExactlyInAnyOrder("Anna Sales", "Boris Sales");
		assertThat(names(this.api.get(employees(org) + "?q=DANA.SPECIAL", owner.token())))
			.containsExactly("Dana Floating");
		assertThat(names(
				this.api.get(employees(org) + "?q=boris&departmentId=" + sales + "&status=" + hired, owner.token())))
			.containsExactly("Boris Sales");
		assertThat(names(this.api.get(employees(org) + "?q=boris&departmentId=" + it, owner.token()))).isEmpty();
	}

	@Test
	void searchesForWildcardCharactersLiterally() {
		TestData.User owner = this.data.user("Gaukhar");
		TestData.Org org = this.data.organization(owner, "Gaukhar Search");
		addEmployee(owner, org, "Olga 100% Sure", freshEmail("olga"), null);
		addEmployee(owner, org, "Pavel Plain", freshEmail("pavel"), null);
		addEmployee(owner, org, "Rustem Under_Score", freshEmail("rustem"), null);

		assertThat(names(this.api.get(employees(org) + "?q=%25", owner.token()))).containsExactly("Olga 100% Sure");
		assertThat(names(this.api.get(employees(org) + "?q=_", owner.token()))).containsExactly("Rustem Under_Score");
	}

	@Test
	void sortsEmployees() {
		TestData.User owner = this.data.user("Togzhan");
		TestData.Org org = this.data.organization(owner, "Togzhan Group");
		addEmployee(owner, org, "Beta Person", freshEmail("c"), null);
		addEmployee(owner, org, "Alpha Person", freshEmail("b"), null);
		addEmployee(owner, org, "Gamma Person", freshEmail("a"), null);

		assertThat(names(this.api.get(employees(org) + "?sort=name,desc", owner.token())))
			.containsExactly("Gamma Person", "Beta Person", "Alpha Person");
		assertThat(names(this.api.get(employees(org) + "?sort=name", owner.token()))).containsExactly("Alpha Person",
				"Beta Person", "Gamma Person");
		assertThat(names(this.api.get(employees(org) + "?sort=email", owner.token()))).containsExactly("Gamma Person",
				"Alpha Person", "Beta Person");
		Api.Response unknown = this.api.get(employees(org) + "?sort=salary", owner.token());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("sort");
	}

	@Test
	void refusesUnknownStatusFilterNamingIt() {
		TestData.User owner = this.data.user("Umit");
		TestData.Org org = this.data.organization(owner, "Umit Group");

		Api.Response list = this.api.get(employees(org) + "?status=RETIRED", owner.token());

		assertThat(list.status()).as(list.toString()).isEqualTo(400);
		assertThat(list.errorFields()).containsExactly("status");
	}

	@Test
	void memberCannotAddEmployeesButCanListThem() {
		TestData.User owner = this.data.user("Venera");
		TestData.User member = this.data.user("Yerzhan");
		TestData.Org org = this.data.organization(owner, "Venera Group");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		addEmployee(owner, org, "Existing Employee", freshEmail("existing"), null);

		Api.Response added = addEmployee(member, org, "Sneaky Hire", freshEmail("sneaky"), null);

		assertThat(added.status()).as(added.toString()).isEqualTo(403);
		assertThat(added.contentType()).startsWith("application/problem+json");
		Api.Response list = this.api.get(employees(org), member.token());
		assertThat(list.status()).isEqualTo(200);
		assertThat(names(list)).containsExactly("Existing Employee");
	}

	private Api.Response createDepartment(TestData.User by, TestData.Org org, String name) {
		return this.api.post(departments(org), by.token(), Map.of("name", name));
	}

	private Api.Response addEmployee(TestData.User by, TestData.Org org, String name, String email,
			String departmentId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("position", "Specialist");
		if (departmentId != null) {
			body.put("departmentId", departmentId);
		}
		return this.api.post(employees(org), by.token(), body);
	}

	private static String departments(TestData.Org org) {
		return "/api/organizations/" + org.id() + "/departments";
	}

	private static String employees(TestData.Org org) {
		return "/api/organizations/" + org.id() + "/employees";
	}

	private static String freshEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

	private static List<JsonNode> items(Api.Response response) {
		return response.items();
	}

	private static List<String> names(Api.Response response) {
		return response.itemValues("name");
	}

}
