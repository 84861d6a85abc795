package kz.prometric.erp.hr;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/organizations/{org}/employees/{id}/onboarding}: the checklist with each
 * item's state (members), starting the onboarding of an existing PENDING employee
 * (admins, once), and other organizations' ids.
 */
@ErpIntegrationTest
class OnboardingApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	HrManagement hr;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	OnboardingFixture fixture;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.fixture = new OnboardingFixture(this.hr, this.runtime, this.tasks, this.management, this.identity);
		this.owner = this.data.user("Zhanna");
		this.org = this.data.organization(this.owner, "Zhanna Group");
	}

	@Test
	void showsTheChecklistWithEachItemsStateToTheWorkspacesMembers() {
		String id = added("Kairat Testov");
		JsonNode before = get(this.owner, id).json();
		assertThat(before.path("status").asText()).isEqualTo("PENDING");
		assertThat(before.path("running").asBoolean()).isTrue();
		assertThat(before.path("items")).isEmpty();

		ProcessInstance pi = this.fixture.instance(this.org, UUID.fromString(id));
		this.fixture.begin(pi);
		this.fixture.completeAs(this.owner, this.org, "owner", this.fixture.itemTask(pi, "accounts"),
				Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done", EmployeeOnboarding.VAR_ITEM_NOTE, "ok"));

		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		Api.Response seen = get(member, id);
		assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
		JsonNode json = seen.json();
		assertThat(json.path("status").asText()).isEqualTo("ONBOARDING");
		assertThat(json.path("probationEndsOn").asText()).isNotBlank();
		assertThat(json.path("items")).hasSize(7);
		JsonNode accounts = item(json, "accounts");
		assertThat(accounts.path("status").asText()).isEqualTo("DONE");
		assertThat(accounts.path("doneBy").asText()).isEqualTo(this.owner.email());
		assertThat(accounts.path("note").asText()).isEqualTo("ok");
		assertThat(accounts.path("responsible").asText()).isEqualTo("team:it");
		assertThat(accounts.path("required").asBoolean()).isTrue();
		assertThat(item(json, "read-handbook").path("status").asText()).isEqualTo("OPEN");
		assertThat(item(json, "read-handbook").path("required").asBoolean()).isFalse();
	}

	@Test
	void listsTheItemsInTheTaskApiWithTheEmployeeAsTheirSubjectAndCompletesThemThere() {
		String id = added("Asem Testova");
		ProcessInstance pi = this.fixture.instance(this.org, UUID.fromString(id));
		this.fixture.begin(pi);
		String tasksPath = "/api/workspaces/" + this.org.workspaceId() + "/tasks";

		Api.Response listed = this.api.get(tasksPath + "?objectKind=EMPLOYEE&objectId=" + id + "&size=50",
				this.owner.token());

		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		assertThat(listed.json().path("total").asInt()).isEqualTo(7);
		JsonNode accounts = listed.items()
			.stream()
			.filter(task -> task.path("name").asText().equals("Create the ERP account and the e-mail address"))
			.findFirst()
			.orElseThrow();
		assertThat(accounts.path("processKey").asText()).isEqualTo(EmployeeOnboarding.PROCESS_KEY);
		assertThat(accounts.path("subject").path("kind").asText()).isEqualTo("EMPLOYEE");
		assertThat(accounts.path("subject").path("id").asText()).isEqualTo(id);
		assertThat(accounts.path("subject").path("title").asText()).isEqualTo("Asem Testova · Specialist");
		assertThat(accounts.path("dueDate").asText()).isNotBlank();

		Api.Response completed = this.api.post(tasksPath + "/" + accounts.path("id").asText() + "/complete",
				this.owner.token(), Map.of("variables", Map.of("itemOutcome", "done")));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		JsonNode item = item(get(this.owner, id).json(), "accounts");
		assertThat(item.path("status").asText()).isEqualTo("DONE");
		assertThat(item.path("doneBy").asText()).isEqualTo(this.owner.email());
		// a value the form does not offer is refused, naming the field, and changes
		// nothing
		String meeting = listed.items()
			.stream()
			.filter(task -> task.path("name").asText().startsWith("Introductory meeting"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asText();
		Api.Response refused = this.api.post(tasksPath + "/" + meeting + "/complete", this.owner.token(),
				Map.of("variables", Map.of("itemOutcome", "maybe")));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.errorFields()).contains("itemOutcome");
		assertThat(item(get(this.owner, id).json(), "meet-manager").path("status").asText()).isEqualTo("OPEN");
	}

	@Test
	void startsTheOnboardingOfAnExistingPendingEmployeeOnceForAdminsOnly() throws Exception {
		String id = existingPending("Samat Testov");
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		assertThat(start(member, id).status()).isEqualTo(403);
		assertThat(this.fixture.instance(this.org, UUID.fromString(id))).isNull();

		Api.Response started = start(this.owner, id);

		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		assertThat(started.json().path("running").asBoolean()).isTrue();
		assertThat(started.json().path("status").asText()).isEqualTo("PENDING");
		Api.Response again = start(this.owner, id);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		this.fixture.begin(this.fixture.instance(this.org, UUID.fromString(id)));
		assertThat(get(this.owner, id).json().path("items")).hasSize(7);

		// two admins at the same time start one onboarding
		String other = existingPending("Nurgul Testova");
		List<Callable<Integer>> twice = List.of(() -> start(this.owner, other).status(),
				() -> start(this.owner, other).status());
		assertThat(Concurrently.run(twice)).containsExactlyInAnyOrder(200, 409);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(other)
			.count()).isEqualTo(1);
	}

	@Test
	void refusesToOnboardAnEmployeeWhoIsNoLongerPending() {
		String id = added("Yerlan Testov");
		ProcessInstance pi = this.fixture.instance(this.org, UUID.fromString(id));
		this.fixture.begin(pi);
		this.runtime.deleteProcessInstance(pi.getId(), "test: an onboarding that ran before");

		Api.Response refused = start(this.owner, id);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.text()).contains("onboarding");
		assertThat(this.fixture.instance(this.org, UUID.fromString(id))).isNull();
	}

	@Test
	void answersNotFoundForAnotherOrganizationsEmployee() {
		String id = added("Aizhan Testova");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Stranger Group");
		String path = "/api/organizations/" + other.id() + "/employees/" + id + "/onboarding";

		assertThat(this.api.get(path, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.post(path, stranger.token(), null).status()).isEqualTo(404);
		assertThat(get(stranger, id).status()).isEqualTo(404);
		assertThat(start(stranger, id).status()).isEqualTo(404);
		assertThat(get(this.owner, UUID.randomUUID().toString()).status()).isEqualTo(404);
	}

	private String added(String name) {
		Api.Response added = this.api.post("/api/organizations/" + this.org.id() + "/employees", this.owner.token(),
				Map.of("name", name, "email", OnboardingFixture.email("hire"), "position", "Specialist"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		return added.json().path("id").asText();
	}

	/**
	 * A PENDING employee with no onboarding, like those recorded before onboarding
	 * existed: added, and the instance his adding started removed.
	 */
	private String existingPending(String name) {
		String id = added(name);
		this.runtime.deleteProcessInstance(this.fixture.instance(this.org, UUID.fromString(id)).getId(),
				"test: an employee from before onboarding existed");
		return id;
	}

	private Api.Response get(TestData.User by, String employeeId) {
		return this.api.get("/api/organizations/" + this.org.id() + "/employees/" + employeeId + "/onboarding",
				by.token());
	}

	private Api.Response start(TestData.User by, String employeeId) {
		return this.api.post("/api/organizations/" + this.org.id() + "/employees/" + employeeId + "/onboarding",
				by.token(), null);
	}

	private static JsonNode item(JsonNode onboarding, String code) {
		for (JsonNode item : onboarding.path("items")) {
			if (code.equals(item.path("code").asText())) {
				return item;
			}
		}
		throw new AssertionError("no item " + code + " in " + onboarding);
	}

}
