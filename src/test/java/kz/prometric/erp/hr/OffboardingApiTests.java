package kz.prometric.erp.hr;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.prometric.erp.hr.process.EmployeeOffboarding;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/organizations/{organizationId}/employees/{employeeId}/end-employment}
 * and {@code GET …/offboarding}: who may, which last days, exactly one offboarding.
 */
@ErpIntegrationTest
class OffboardingApiTests {

	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	HrManagement hr;

	@Autowired
	RuntimeService runtime;

	@Autowired
	MutableClock clock;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Gaukhar");
		this.org = this.data.organization(this.owner, "Gaukhar Textiles");
	}

	@Test
	void endsTheEmploymentAndStartsTheOffboarding() {
		UUID employee = employee("Nurlan Ends");
		LocalDate lastDay = today().plusDays(5);

		Api.Response ended = endEmployment(this.owner, employee, Map.of("lastDay", lastDay, "reason", "Resigned"));

		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().path("status").asText()).isEqualTo("LEAVING");
		assertThat(ended.json().path("lastDay").asText()).isEqualTo(lastDay.toString());
		assertThat(offboardings(employee)).isOne();
		Api.Response record = this.api.get(path(employee) + "/offboarding", this.owner.token());
		assertThat(record.status()).as(record.toString()).isEqualTo(200);
		assertThat(record.json().path("status").asText()).isEqualTo("LEAVING");
		assertThat(record.json().path("tasks")).hasSize(3)
			.allSatisfy(task -> assertThat(task.path("done").asBoolean()).isFalse());
	}

	@Test
	void stopsTheRunningOnboardingOfANewHireWhoLeaves() {
		Api.Response added = this.api.post("/api/organizations/" + this.org.id() + "/employees", this.owner.token(),
				Map.of("name", "Aruzhan New", "email", unique("aruzhan"), "position", "Accountant"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		UUID employee = UUID.fromString(added.json().path("id").asText());
		assertThat(onboardings(employee)).as("the new hire's onboarding runs").isOne();

		Api.Response ended = endEmployment(this.owner, employee, Map.of("lastDay", today().plusDays(7)));

		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().path("status").asText()).isEqualTo("LEAVING");
		assertThat(onboardings(employee)).as("the onboarding stopped").isZero();
		assertThat(offboardings(employee)).isOne();
	}

	@Test
	void acceptsTodayAsTheLastDay() {
		UUID employee = employee("Dana Today");

		Api.Response ended = endEmployment(this.owner, employee, Map.of("lastDay", today()));

		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
	}

	@Test
	void refusesALastDayInThePastOrBeforeTheStartDate() {
		UUID employee = employee("Aset Past");
		UUID starting = this.hr
			.addEmployee(this.org.id(), this.owner.id(),
					new HrManagement.NewEmployee("Bota Future", unique("bota"), null, "Cook", null, null, null,
							today().plusDays(20), null, null, WorkspaceRole.MEMBER))
			.id();

		Api.Response past = endEmployment(this.owner, employee, Map.of("lastDay", today().minusDays(1)));
		Api.Response beforeStart = endEmployment(this.owner, starting, Map.of("lastDay", today().plusDays(19)));
		Api.Response missing = endEmployment(this.owner, employee, Map.of("reason", "No date"));

		assertThat(past.status()).as(past.toString()).isEqualTo(422);
		assertThat(past.errorFields()).containsExactly("lastDay");
		assertThat(beforeStart.status()).as(beforeStart.toString()).isEqualTo(422);
		assertThat(beforeStart.errorFields()).containsExactly("lastDay");
		assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("lastDay");
		assertThat(status(employee)).isEqualTo("ACTIVE");
		assertThat(offboardings(employee)).isZero();
		assertThat(offboardings(starting)).isZero();
	}

	@Test
	void refusesEndingItTwice() {
		UUID employee = employee("Yerzhan Twice");
		assertThat(endEmployment(this.owner, employee, Map.of("lastDay", today())).status()).isEqualTo(200);

		Api.Response again = endEmployment(this.owner, employee, Map.of("lastDay", today().plusDays(3)));

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(offboardings(employee)).isOne();
		assertThat(this.api.get(path(employee), this.owner.token()).json().path("lastDay").asText())
			.isEqualTo(today().toString());
	}

	@Test
	void startsOneOffboardingWhenTwoAdminsEndTheEmploymentAtOnce() throws Exception {
		TestData.User admin = this.data.user("Admin");
		this.data.join(this.owner, this.org.workspaceId(), admin, "ADMIN");
		UUID employee = employee("Ruslan Race");
		List<Callable<Integer>> calls = List.of(
				() -> endEmployment(this.owner, employee, Map.of("lastDay", today().plusDays(1))).status(),
				() -> endEmployment(admin, employee, Map.of("lastDay", today().plusDays(2))).status());

		List<Integer> statuses = Concurrently.run(calls);

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(offboardings(employee)).isOne();
		assertThat(status(employee)).isEqualTo("LEAVING");
	}

	@Test
	void refusesTheWorkspaceOwnersEmployment() {
		UUID self = this.hr
			.addEmployee(this.org.id(), this.owner.id(),
					new HrManagement.NewEmployee("Gaukhar Owner", this.owner.email(), "Director", null,
							WorkspaceRole.OWNER),
					false)
			.id();

		Api.Response ended = endEmployment(this.owner, self, Map.of("lastDay", today().plusDays(1)));

		assertThat(ended.status()).as(ended.toString()).isEqualTo(422);
		assertThat(ended.errorFields()).containsExactly("employeeId");
		assertThat(offboardings(self)).isZero();
	}

	@Test
	void letsOnlyAdminsEndEmploymentAndSeeTheOffboarding() {
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MANAGER");
		UUID employee = employee("Samat Protected");

		Api.Response byManager = endEmployment(member, employee, Map.of("lastDay", today().plusDays(1)));

		assertThat(byManager.status()).as(byManager.toString()).isEqualTo(403);
		assertThat(offboardings(employee)).isZero();
		assertThat(endEmployment(this.owner, employee, Map.of("lastDay", today())).status()).isEqualTo(200);
		assertThat(this.api.get(path(employee) + "/offboarding", member.token()).status()).isEqualTo(403);
	}

	@Test
	void answersNotFoundForAnotherOrganizationsEmployeeAndForStrangers() {
		UUID employee = employee("Zhanna Guarded");
		TestData.User other = this.data.user("Other");
		TestData.Org otherOrg = this.data.organization(other, "Other Textiles");

		Api.Response viaOwnOrganization = this.api.post(
				"/api/organizations/" + otherOrg.id() + "/employees/" + employee + "/end-employment", other.token(),
				Map.of("lastDay", today().plusDays(1)));
		Api.Response intoTheOrganization = endEmployment(other, employee, Map.of("lastDay", today().plusDays(1)));
		Api.Response unknown = endEmployment(this.owner, UUID.randomUUID(), Map.of("lastDay", today().plusDays(1)));
		Api.Response notLeaving = this.api.get(path(employee) + "/offboarding", this.owner.token());

		assertThat(viaOwnOrganization.status()).as(viaOwnOrganization.toString()).isEqualTo(404);
		assertThat(intoTheOrganization.status()).as(intoTheOrganization.toString()).isEqualTo(404);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(notLeaving.status()).as(notLeaving.toString()).isEqualTo(200);
		assertThat(notLeaving.json().hasNonNull("lastDay")).isFalse();
		assertThat(this.api
			.get("/api/organizations/" + otherOrg.id() + "/employees/" + employee + "/offboarding", other.token())
			.status()).isEqualTo(404);
		assertThat(viaOwnOrganization.text()).doesNotContain("Zhanna");
		assertThat(status(employee)).isEqualTo("ACTIVE");
		assertThat(offboardings(employee)).isZero();
	}

	// --- helpers

	private UUID employee(String name) {
		return this.hr
			.addEmployee(this.org.id(), this.owner.id(),
					new HrManagement.NewEmployee(name, unique(name.split(" ")[0].toLowerCase()), "Weaver", null,
							WorkspaceRole.MEMBER),
					false)
			.id();
	}

	private Api.Response endEmployment(TestData.User caller, UUID employee, Map<String, Object> body) {
		return this.api.post(path(employee) + "/end-employment", caller.token(), body);
	}

	private String path(UUID employee) {
		return "/api/organizations/" + this.org.id() + "/employees/" + employee;
	}

	private String status(UUID employee) {
		return this.api.get(path(employee), this.owner.token()).json().path("status").asText();
	}

	private long offboardings(UUID employee) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOffboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employee.toString())
			.count();
	}

	private long onboardings(UUID employee) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employee.toString())
			.count();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ALMATY);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

}
