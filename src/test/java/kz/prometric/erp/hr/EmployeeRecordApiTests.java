package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.shared.KzIdentificationNumber;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HR record of an employee through the API: IIN, manager, contract type, start and
 * end date, probation; what PATCH may still change in each status; the list filters; and
 * the walk-arounds (another organization's manager, cycles, concurrent duplicates, bad
 * input).
 */
@ErpIntegrationTest
@RecordApplicationEvents
class EmployeeRecordApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	Employees employees;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	HrManagement hr;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	// adding

	@Test
	void addsEmployeeWithTheWholeRecord() {
		TestData.User owner = this.data.user("Aliya");
		TestData.Org org = this.data.organization(owner, "Aliya Records");
		String manager = id(add(owner, org, Map.of("name", "Boss Person", "email", freshEmail("boss"))));
		String iin = nextIin();

		Api.Response added = add(owner, org,
				Map.of("name", "Dana Fixed", "email", freshEmail("dana"), "iin", " " + iin + " ", "position", "Analyst",
						"managerId", manager, "contractType", "FIXED_TERM", "startDate", "2026-04-01", "endDate",
						"2027-03-31", "probationMonths", 2));

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		JsonNode json = added.json();
		assertThat(json.path("iin").asText()).isEqualTo(iin);
		assertThat(json.path("managerId").asText()).isEqualTo(manager);
		assertThat(json.path("contractType").asText()).isEqualTo("FIXED_TERM");
		assertThat(json.path("startDate").asText()).isEqualTo("2026-04-01");
		assertThat(json.path("endDate").asText()).isEqualTo("2027-03-31");
		assertThat(json.path("probationMonths").asInt()).isEqualTo(2);
		assertThat(json.path("probationEndsOn").asText()).isEqualTo("2026-06-01");
		assertThat(absent(json.path("probationOutcome"))).isTrue();
		JsonNode fetched = this.api.get(employees(org) + "/" + id(added), owner.token()).json();
		assertThat(fetched.path("iin").asText()).isEqualTo(iin);
		assertThat(fetched.path("probationEndsOn").asText()).isEqualTo("2026-06-01");
	}

	@Test
	void defaultsToAPermanentContractStartingTodayInAlmatyWithThreeMonthsProbation() {
		TestData.User owner = this.data.user("Botagoz");
		TestData.Org org = this.data.organization(owner, "Botagoz Records");
		// 20:30 UTC on March 1 is already March 2 in Almaty (UTC+5)
		this.clock.set(Instant.parse("2026-03-01T20:30:00Z"));

		Api.Response added = add(owner, org, Map.of("name", "Default Terms", "email", freshEmail("default")));

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().path("contractType").asText()).isEqualTo("PERMANENT");
		assertThat(added.json().path("startDate").asText()).isEqualTo("2026-03-02");
		assertThat(absent(added.json().path("endDate"))).isTrue();
		assertThat(added.json().path("probationMonths").asInt()).isEqualTo(3);
		assertThat(added.json().path("probationEndsOn").asText()).isEqualTo("2026-06-02");
	}

	@Test
	void recordsSomeoneAlreadyAtWorkAsActiveWithoutOnboarding() {
		TestData.User owner = this.data.user("Bauyrzhan");
		TestData.Org org = this.data.organization(owner, "Bauyrzhan Records");

		Api.Response added = add(owner, org,
				Map.of("name", "Old Hand", "email", freshEmail("old"), "startDate", "2019-09-02", "onboard", false));

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().path("status").asText()).isEqualTo("ACTIVE");
		assertThat(absent(added.json().path("activatedAt"))).isFalse();
		assertThat(added.json().path("probationEndsOn").asText()).isEqualTo("2019-12-02");
		assertRefused(this.api.patch(employees(org) + "/" + id(added), owner.token(), Map.of("probationMonths", 0)),
				422, "probationMonths");
		assertRefused(add(owner, org, Map.of("name", "Not Yet", "email", freshEmail("notyet"), "startDate",
				LocalDate.now().plusDays(10).toString(), "onboard", false)), 422, "startDate");
		assertThat(add(owner, org, Map.of("name", "New Hire", "email", freshEmail("new"), "onboard", true)).json()
			.path("status")
			.asText()).isNotEqualTo("ACTIVE");
	}

	@Test
	void contractorHasNoProbationByDefaultAndMayNotHaveOne() {
		TestData.User owner = this.data.user("Chingiz");
		TestData.Org org = this.data.organization(owner, "Chingiz Records");

		Api.Response contractor = add(owner, org,
				Map.of("name", "Free Lancer", "email", freshEmail("free"), "contractType", "CONTRACTOR"));
		Api.Response withProbation = add(owner, org, Map.of("name", "Tried Lancer", "email", freshEmail("tried"),
				"contractType", "CONTRACTOR", "probationMonths", 1));

		assertThat(contractor.status()).as(contractor.toString()).isEqualTo(201);
		assertThat(contractor.json().path("probationMonths").asInt()).isZero();
		assertThat(absent(contractor.json().path("probationEndsOn"))).isTrue();
		assertRefused(withProbation, 422, "probationMonths");
	}

	@Test
	void refusesContractTermsTheLabourCodeDoesNotAllow() {
		TestData.User owner = this.data.user("Darkhan");
		TestData.Org org = this.data.organization(owner, "Darkhan Records");

		assertRefused(add(owner, org, terms("FIXED_TERM", "2026-04-01", null, null)), 422, "endDate");
		assertRefused(add(owner, org, terms("FIXED_TERM", "2026-04-01", "2026-04-01", null)), 422, "endDate");
		assertRefused(add(owner, org, terms("FIXED_TERM", "2026-04-01", "2026-03-31", null)), 422, "endDate");
		assertRefused(add(owner, org, terms("PERMANENT", "2026-04-01", "2027-04-01", null)), 422, "endDate");
		assertRefused(add(owner, org, terms("CONTRACTOR", "2026-04-01", "2027-04-01", null)), 422, "endDate");
		assertRefused(add(owner, org, terms("PERMANENT", "2026-04-01", null, 7)), 422, "probationMonths");
		assertRefused(add(owner, org, terms("PERMANENT", "2026-04-01", null, -1)), 422, "probationMonths");
		assertRefused(add(owner, org, terms("FIXED_TERM", "2026-04-01", "2026-05-15", 3)), 422, "probationMonths");
		assertThat(add(owner, org, terms("PERMANENT", "2026-04-01", null, 6)).status()).isEqualTo(201);
		assertThat(absent(add(owner, org, terms("PERMANENT", "2026-04-01", null, 0)).json().path("probationEndsOn")))
			.isTrue();
		assertThat(total(org, owner, "")).as("only the two valid ones were stored").isEqualTo(2);
	}

	@Test
	void refusesMalformedContractFieldsNamingThem() {
		TestData.User owner = this.data.user("Erlan");
		TestData.Org org = this.data.organization(owner, "Erlan Records");

		assertRefused(add(owner, org, Map.of("name", "X", "email", freshEmail("x"), "contractType", "SLAVE")), 400,
				"contractType");
		assertRefused(add(owner, org, Map.of("name", "X", "email", freshEmail("x"), "startDate", "01.04.2026")), 400,
				"startDate");
		assertRefused(add(owner, org, Map.of("name", "X", "email", freshEmail("x"), "probationMonths", "three")), 400,
				"probationMonths");
		assertRefused(add(owner, org, Map.of("name", "X", "email", freshEmail("x"), "managerId", "boss")), 400,
				"managerId");
		assertThat(total(org, owner, "")).isZero();
	}

	// IIN

	@Test
	void refusesIinWithWrongCheckDigitOrBirthDate() {
		TestData.User owner = this.data.user("Farida");
		TestData.Org org = this.data.organization(owner, "Farida Records");

		assertRefused(add(owner, org, withIin("901123300259")), 400, "iin");
		assertRefused(add(owner, org, withIin("901323300250")), 400, "iin");
		assertRefused(add(owner, org, withIin("90112330025")), 400, "iin");
		assertRefused(add(owner, org, withIin("9011233002AB")), 400, "iin");
		assertThat(total(org, owner, "")).isZero();
		assertThat(add(owner, org, withIin("901123300258")).status()).isEqualTo(201);
	}

	@Test
	void iinIsUniquePerOrganization() {
		TestData.User owner = this.data.user("Galym");
		TestData.Org org = this.data.organization(owner, "Galym Records");
		TestData.Org other = this.data.organization(owner, "Galym Other");
		String iin = nextIin();
		assertThat(add(owner, org, withIin(iin)).status()).isEqualTo(201);

		assertRefused(add(owner, org, withIin(iin)), 409, "iin");
		assertThat(add(owner, other, withIin(iin)).status()).as("another organization may have it").isEqualTo(201);
		String second = id(add(owner, org, withIin(nextIin())));
		assertRefused(this.api.patch(employees(org) + "/" + second, owner.token(), Map.of("iin", iin)), 409, "iin");
		assertThat(total(org, owner, "")).isEqualTo(2);
	}

	@Test
	void concurrentDuplicateIinStoresOneEmployee() throws Exception {
		TestData.User owner = this.data.user("Gulnar");
		TestData.Org org = this.data.organization(owner, "Gulnar Records");
		String iin = nextIin();
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(() -> add(owner, org, withIin(iin)));
		}

		List<Api.Response> responses = Concurrently.run(calls);

		assertThat(responses).extracting(Api.Response::status)
			.containsOnly(201, 409)
			.filteredOn(s -> s == 201)
			.hasSize(1);
		responses.stream().filter(r -> r.status() == 409).forEach(r -> assertRefused(r, 409, "iin"));
		assertThat(total(org, owner, "")).isEqualTo(1);
	}

	@Test
	void changesAndClearsTheIin() {
		TestData.User owner = this.data.user("Ilyas");
		TestData.Org org = this.data.organization(owner, "Ilyas Records");
		String id = id(add(owner, org, withIin(nextIin())));
		String iin = nextIin();

		Api.Response changed = this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("iin", iin));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("iin").asText()).isEqualTo(iin);
		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("iin", "123")), 400, "iin");

		Api.Response cleared = this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("iin", ""));
		assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
		assertThat(absent(cleared.json().path("iin"))).isTrue();
	}

	// manager

	@Test
	void refusesAManagerOutsideTheOrganizationOrWhoHasLeft() {
		TestData.User owner = this.data.user("Kairat");
		TestData.Org org = this.data.organization(owner, "Kairat Records");
		TestData.Org other = this.data.organization(owner, "Kairat Other");
		String foreign = id(add(owner, other, Map.of("name", "Foreign Boss", "email", freshEmail("foreign"))));
		String gone = id(add(owner, org, Map.of("name", "Gone Boss", "email", freshEmail("gone"))));
		moveTo(gone, EmployeeStatus.LEFT);

		assertRefused(add(owner, org, withManager(foreign)), 422, "managerId");
		assertRefused(add(owner, org, withManager(UUID.randomUUID().toString())), 422, "managerId");
		assertRefused(add(owner, org, withManager(gone)), 422, "managerId");
		assertThat(total(org, owner, "")).isEqualTo(1);
		assertRefused(this.api.patch(employees(org) + "/" + gone, owner.token(), Map.of("managerId", foreign)), 422,
				"managerId");
	}

	@Test
	void aManagerWhoIsLeavingMayStillBeSet() {
		TestData.User owner = this.data.user("Kamila");
		TestData.Org org = this.data.organization(owner, "Kamila Records");
		String leaving = id(add(owner, org, Map.of("name", "Leaving Boss", "email", freshEmail("leaving"))));
		moveTo(leaving, EmployeeStatus.LEAVING);

		assertThat(add(owner, org, withManager(leaving)).status()).isEqualTo(201);
	}

	@Test
	void refusesAManagerChainThatGoesInACircle() {
		TestData.User owner = this.data.user("Lyazzat");
		TestData.Org org = this.data.organization(owner, "Lyazzat Records");
		String top = id(add(owner, org, Map.of("name", "Top", "email", freshEmail("top"))));
		String middle = id(add(owner, org, withManager(top)));
		String bottom = id(add(owner, org, withManager(middle)));

		assertRefused(this.api.patch(employees(org) + "/" + top, owner.token(), Map.of("managerId", top)), 422,
				"managerId");
		assertRefused(this.api.patch(employees(org) + "/" + top, owner.token(), Map.of("managerId", bottom)), 422,
				"managerId");
		assertRefused(this.api.patch(employees(org) + "/" + top, owner.token(), Map.of("managerId", middle)), 422,
				"managerId");
		assertThat(absent(this.api.get(employees(org) + "/" + top, owner.token()).json().path("managerId"))).isTrue();
		Api.Response moved = this.api.patch(employees(org) + "/" + bottom, owner.token(), Map.of("managerId", top));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("managerId").asText()).isEqualTo(top);
	}

	@Test
	void concurrentManagerChangesCannotCloseACircle() throws Exception {
		TestData.User owner = this.data.user("Madina");
		TestData.Org org = this.data.organization(owner, "Madina Records");
		String first = id(add(owner, org, Map.of("name", "First", "email", freshEmail("first"))));
		String second = id(add(owner, org, Map.of("name", "Second", "email", freshEmail("second"))));

		List<Api.Response> responses = Concurrently
			.run(List.of(() -> this.api.patch(employees(org) + "/" + first, owner.token(), Map.of("managerId", second)),
					() -> this.api.patch(employees(org) + "/" + second, owner.token(), Map.of("managerId", first))));

		assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 422);
		JsonNode a = this.api.get(employees(org) + "/" + first, owner.token()).json();
		JsonNode b = this.api.get(employees(org) + "/" + second, owner.token()).json();
		assertThat(a.path("managerId").asText().equals(second) && b.path("managerId").asText().equals(first))
			.as("no circle")
			.isFalse();
	}

	// changing the terms

	@Test
	void changesStartDateAndProbationWhilePendingOrOnboarding() {
		TestData.User owner = this.data.user("Nurlan");
		TestData.Org org = this.data.organization(owner, "Nurlan Records");
		String id = id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3)));

		Api.Response changed = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("startDate", "2026-05-11", "probationMonths", 1));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("probationEndsOn").asText()).isEqualTo("2026-06-11");

		moveTo(id, EmployeeStatus.ONBOARDING);
		Api.Response again = this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("probationMonths", 2));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("probationEndsOn").asText()).isEqualTo("2026-07-11");
	}

	@Test
	void publishesWhatARunningOnboardingDependsOnOnlyWhenItChanged() {
		TestData.User owner = this.data.user("Nazira");
		TestData.Org org = this.data.organization(owner, "Nazira Records");
		UUID manager = UUID.fromString(id(add(owner, org, Map.of("name", "Boss", "email", freshEmail("boss")))));
		UUID id = UUID.fromString(id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3))));

		this.hr.updateEmployee(org.id(), owner.id(), id, new HrManagement.EmployeeChanges("Renamed", "Lead", null, null,
				null, null, null, LocalDate.of(2026, 5, 4), null, 3));
		assertThat(this.events.stream(EmployeeRecordChanged.class)).as("no change of what onboarding uses").isEmpty();

		this.hr.updateEmployee(org.id(), owner.id(), id, new HrManagement.EmployeeChanges(null, null, null, null, null,
				manager, null, LocalDate.of(2026, 5, 11), null, 2));

		assertThat(this.events.stream(EmployeeRecordChanged.class)).singleElement().satisfies(e -> {
			assertThat(e.employeeId()).isEqualTo(id);
			assertThat(e.workspaceId()).isEqualTo(org.workspaceId());
			assertThat(e.managerId()).isEqualTo(manager);
			assertThat(e.startDate()).isEqualTo(LocalDate.of(2026, 5, 11));
			assertThat(e.probationEndsOn()).isEqualTo(LocalDate.of(2026, 7, 11));
		});
	}

	@Test
	void refusesChangingStartDateOrProbationOnceActive() {
		TestData.User owner = this.data.user("Olzhas");
		TestData.Org org = this.data.organization(owner, "Olzhas Records");
		String id = id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3)));
		moveTo(id, EmployeeStatus.ACTIVE);

		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("startDate", "2026-05-05")), 422,
				"startDate");
		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("probationMonths", 1)), 422,
				"probationMonths");
		JsonNode unchanged = this.api.get(employees(org) + "/" + id, owner.token()).json();
		assertThat(unchanged.path("startDate").asText()).isEqualTo("2026-05-04");
		assertThat(unchanged.path("probationEndsOn").asText()).isEqualTo("2026-08-04");
		// sending the same values is no change
		Api.Response same = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("startDate", "2026-05-04", "probationMonths", 3, "position", "Lead"));
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertThat(same.json().path("position").asText()).isEqualTo("Lead");
	}

	@Test
	void convertsAFixedTermContractToAPermanentOneDroppingTheEndDate() {
		TestData.User owner = this.data.user("Perizat");
		TestData.Org org = this.data.organization(owner, "Perizat Records");
		String id = id(add(owner, org, terms("FIXED_TERM", "2026-05-04", "2026-12-31", 3)));
		moveTo(id, EmployeeStatus.ACTIVE);

		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("endDate", "2026-05-04")), 422,
				"endDate");
		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("contractType", "PERMANENT", "endDate", "2027-01-31")), 422, "endDate");
		Api.Response extended = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("endDate", "2027-06-30"));
		assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
		assertThat(extended.json().path("endDate").asText()).isEqualTo("2027-06-30");

		Api.Response permanent = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("contractType", "PERMANENT"));

		assertThat(permanent.status()).as(permanent.toString()).isEqualTo(200);
		assertThat(permanent.json().path("contractType").asText()).isEqualTo("PERMANENT");
		assertThat(absent(permanent.json().path("endDate"))).isTrue();
		assertThat(permanent.json().path("probationEndsOn").asText()).isEqualTo("2026-08-04");
	}

	@Test
	void aPermanentContractBecomesFixedTermOnlyWithAnEndDate() {
		TestData.User owner = this.data.user("Ruslan");
		TestData.Org org = this.data.organization(owner, "Ruslan Records");
		String id = id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3)));

		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("contractType", "FIXED_TERM")),
				422, "endDate");
		Api.Response fixed = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("contractType", "FIXED_TERM", "endDate", "2027-05-03"));
		assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
		assertThat(fixed.json().path("endDate").asText()).isEqualTo("2027-05-03");
	}

	@Test
	void switchingAPendingEmployeeToContractorDropsTheProbation() {
		TestData.User owner = this.data.user("Saule");
		TestData.Org org = this.data.organization(owner, "Saule Records");
		String id = id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3)));

		Api.Response contractor = this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("contractType", "CONTRACTOR"));

		assertThat(contractor.status()).as(contractor.toString()).isEqualTo(200);
		assertThat(contractor.json().path("probationMonths").asInt()).isZero();
		assertThat(absent(contractor.json().path("probationEndsOn"))).isTrue();
	}

	@Test
	void theContractOfSomeoneWhoLeftDoesNotChange() {
		TestData.User owner = this.data.user("Talgat");
		TestData.Org org = this.data.organization(owner, "Talgat Records");
		String id = id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3)));
		moveTo(id, EmployeeStatus.LEFT);

		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(),
				Map.of("contractType", "FIXED_TERM", "endDate", "2027-05-03")), 422, "contractType");
		assertRefused(this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("startDate", "2026-05-05")), 422,
				"startDate");
		Api.Response renamed = this.api.patch(employees(org) + "/" + id, owner.token(), Map.of("name", "Talgat Left"));
		assertThat(renamed.status()).as("the record itself may still be corrected").isEqualTo(200);
		assertThat(renamed.json().path("status").asText()).isEqualTo("LEFT");
	}

	@Test
	void statusIsNeverSetThroughPatch() {
		TestData.User owner = this.data.user("Ulan");
		TestData.Org org = this.data.organization(owner, "Ulan Records");
		Api.Response added = add(owner, org, Map.of("name", "Still Pending", "email", freshEmail("pending")));
		String status = added.json().path("status").asText();

		Api.Response patched = this.api.patch(employees(org) + "/" + id(added), owner.token(),
				Map.of("status", "ACTIVE"));

		assertRefused(patched, 400, "status");
		assertThat(this.api.get(employees(org) + "/" + id(added), owner.token()).json().path("status").asText())
			.isEqualTo(status);
	}

	@Test
	void memberCannotChangeTheRecord() {
		TestData.User owner = this.data.user("Venera");
		TestData.User member = this.data.user("Yerbol");
		TestData.Org org = this.data.organization(owner, "Venera Records");
		this.data.join(owner, org.workspaceId(), member, "MANAGER");
		String id = id(add(owner, org, terms("PERMANENT", "2026-05-04", null, 3)));

		Api.Response patched = this.api.patch(employees(org) + "/" + id, member.token(), Map.of("probationMonths", 6));

		assertThat(patched.status()).as(patched.toString()).isEqualTo(403);
		assertThat(this.api.get(employees(org) + "/" + id, member.token()).json().path("probationMonths").asInt())
			.isEqualTo(3);
	}

	// the list

	@Test
	void filtersByManagerContractTypeAndIinAndSortsByStartDate() {
		TestData.User owner = this.data.user("Zhanna");
		TestData.Org org = this.data.organization(owner, "Zhanna Records");
		String boss = id(add(owner, org, named("Boss", "PERMANENT", "2026-01-10", null)));
		Map<String, Object> early = named("Early Fixed", "FIXED_TERM", "2026-02-01", "2027-01-31");
		early.put("managerId", boss);
		String iin = nextIin();
		early.put("iin", iin);
		add(owner, org, early);
		Map<String, Object> late = named("Late Contractor", "CONTRACTOR", "2026-06-01", null);
		late.put("managerId", boss);
		add(owner, org, late);
		add(owner, org, named("Middle Permanent", "PERMANENT", "2026-03-15", null));

		assertThat(names(owner, org, "?managerId=" + boss)).containsExactlyInAnyOrder("Early Fixed", "Late Contractor");
		assertThat(names(owner, org, "?contractType=PERMANENT")).containsExactlyInAnyOrder("Boss", "Middle Permanent");
		assertThat(names(owner, org, "?contractType=CONTRACTOR&managerId=" + boss)).containsExactly("Late Contractor");
		assertThat(names(owner, org, "?q=" + iin.substring(0, 8))).containsExactly("Early Fixed");
		assertThat(names(owner, org, "?sort=startDate")).containsExactly("Boss", "Early Fixed", "Middle Permanent",
				"Late Contractor");
		assertThat(names(owner, org, "?sort=startDate,desc")).containsExactly("Late Contractor", "Middle Permanent",
				"Early Fixed", "Boss");
		assertThat(names(owner, org, "?managerId=" + UUID.randomUUID())).isEmpty();
		assertRefused(this.api.get(employees(org) + "?contractType=SLAVE", owner.token()), 400, "contractType");
		assertRefused(this.api.get(employees(org) + "?managerId=boss", owner.token()), 400, "managerId");
	}

	// helpers

	/** Moves the employee's status along the life cycle as the processes would. */
	private void moveTo(String id, EmployeeStatus target) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult(tx -> {
			Employee employee = this.employees.findById(UUID.fromString(id)).orElseThrow();
			Instant now = Instant.now();
			if (target == EmployeeStatus.LEAVING || target == EmployeeStatus.LEFT) {
				employee.endEmployment(LocalDate.now().plusDays(14), "Test", now);
				if (target == EmployeeStatus.LEFT) {
					employee.moveTo(EmployeeStatus.LEFT, now);
				}
				return;
			}
			if (employee.status() == EmployeeStatus.PENDING) {
				employee.moveTo(EmployeeStatus.ONBOARDING, now);
			}
			if (target == EmployeeStatus.ACTIVE) {
				employee.moveTo(EmployeeStatus.ACTIVE, now);
			}
		});
	}

	private Api.Response add(TestData.User by, TestData.Org org, Map<String, ?> body) {
		return this.api.post(employees(org), by.token(), body);
	}

	private static Map<String, Object> terms(String contractType, String startDate, String endDate,
			Integer probationMonths) {
		Map<String, Object> body = named("Termed " + UUID.randomUUID().toString().substring(0, 4), contractType,
				startDate, endDate);
		if (probationMonths != null) {
			body.put("probationMonths", probationMonths);
		}
		return body;
	}

	private static Map<String, Object> named(String name, String contractType, String startDate, String endDate) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", freshEmail("termed"));
		body.put("contractType", contractType);
		body.put("startDate", startDate);
		if (endDate != null) {
			body.put("endDate", endDate);
		}
		return body;
	}

	private static Map<String, Object> withIin(String iin) {
		return Map.of("name", "Iin Holder", "email", freshEmail("iin"), "iin", iin);
	}

	private static Map<String, Object> withManager(String managerId) {
		return Map.of("name", "Reporter", "email", freshEmail("reporter"), "managerId", managerId);
	}

	private int total(TestData.Org org, TestData.User by, String query) {
		return this.api.get(employees(org) + query, by.token()).json().path("total").asInt();
	}

	private List<String> names(TestData.User by, TestData.Org org, String query) {
		Api.Response list = this.api.get(employees(org) + query, by.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.itemValues("name");
	}

	private static void assertRefused(Api.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).as(response.toString()).containsExactly(field);
	}

	/** The API leaves out fields without a value. */
	private static boolean absent(JsonNode node) {
		return node.isMissingNode() || node.isNull();
	}

	private static String id(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

	private static String employees(TestData.Org org) {
		return "/api/organizations/" + org.id() + "/employees";
	}

	private static String freshEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

	/** A random IIN that passes the birth-date and check-digit rules. */
	static String nextIin() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			LocalDate born = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
			int centuryAndSex = (born.getYear() < 2000 ? 3 : 5) + random.nextInt(2);
			String first11 = String.format("%02d%02d%02d%d%04d", born.getYear() % 100, born.getMonthValue(),
					born.getDayOfMonth(), centuryAndSex, random.nextInt(10_000));
			for (int check = 0; check <= 9; check++) {
				if (KzIdentificationNumber.isValidIin(first11 + check)) {
					return first11 + check;
				}
			}
		}
	}

}
