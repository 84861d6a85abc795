package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The employee's status gate and contract terms, without a database: which moves the life
 * cycle allows from every status, what each move records, and the contract rules of
 * {@link HrManagement#checkedTerms}.
 */
class EmployeeTests {

	private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");

	private static final LocalDate START = LocalDate.of(2026, 3, 2);

	@ParameterizedTest
	@EnumSource(EmployeeStatus.class)
	void allowsExactlyTheLifeCycleMovesFromEveryStatus(EmployeeStatus from) {
		Set<EmployeeStatus> allowed = switch (from) {
			case PENDING -> EnumSet.of(EmployeeStatus.ONBOARDING, EmployeeStatus.LEAVING);
			case ONBOARDING -> EnumSet.of(EmployeeStatus.ACTIVE, EmployeeStatus.LEAVING);
			case ACTIVE -> EnumSet.of(EmployeeStatus.LEAVING);
			case LEAVING -> EnumSet.of(EmployeeStatus.LEFT);
			case LEFT -> EnumSet.noneOf(EmployeeStatus.class);
		};
		for (EmployeeStatus target : EmployeeStatus.values()) {
			Employee employee = employeeIn(from);
			if (allowed.contains(target)) {
				assertThat(employee.mayMoveTo(target)).as("%s -> %s", from, target).isTrue();
				employee.moveTo(target, NOW.plusSeconds(60));
				assertThat(employee.status()).isEqualTo(target);
			}
			else {
				assertThat(employee.mayMoveTo(target)).as("%s -> %s", from, target).isFalse();
				assertThatThrownBy(() -> employee.moveTo(target, NOW.plusSeconds(60)))
					.isInstanceOf(ConflictException.class)
					.hasMessageContaining(from.name().toLowerCase())
					.satisfies(ex -> assertThat(((ConflictException) ex).field()).isEqualTo("status"));
				assertThat(employee.status()).as("a refused move changes nothing").isEqualTo(from);
			}
		}
	}

	@Test
	void startsPendingAndRecordsWhenItBecomesActiveAndWhenItLeaves() {
		Employee employee = newEmployee();
		assertThat(employee.status()).isEqualTo(EmployeeStatus.PENDING);
		assertThat(employee.view().activatedAt()).isNull();

		employee.moveTo(EmployeeStatus.ONBOARDING, NOW.plusSeconds(1));
		employee.moveTo(EmployeeStatus.ACTIVE, NOW.plusSeconds(2));
		assertThat(employee.view().activatedAt()).isEqualTo(NOW.plusSeconds(2));
		assertThat(employee.view().leftAt()).isNull();

		employee.endEmployment(START.plusMonths(6), "Moves abroad", NOW.plusSeconds(3));
		assertThat(employee.status()).isEqualTo(EmployeeStatus.LEAVING);
		assertThat(employee.lastDay()).isEqualTo(START.plusMonths(6));

		employee.moveTo(EmployeeStatus.LEFT, NOW.plusSeconds(4));
		assertThat(employee.view().leftAt()).isEqualTo(NOW.plusSeconds(4));
		assertThat(employee.view().activatedAt()).isEqualTo(NOW.plusSeconds(2));
	}

	@Test
	void endsEmploymentBeforeTheOnboardingIsDone() {
		Employee employee = newEmployee();

		employee.endEmployment(START, "Did not show up", NOW);

		assertThat(employee.status()).isEqualTo(EmployeeStatus.LEAVING);
		assertThat(employee.view().activatedAt()).isNull();
	}

	@Test
	void refusesEndingEmploymentTwice() {
		Employee employee = employeeIn(EmployeeStatus.LEAVING);
		LocalDate lastDay = employee.lastDay();

		assertThatThrownBy(() -> employee.endEmployment(START.plusDays(10), "Again", NOW))
			.isInstanceOf(ConflictException.class);
		assertThat(employee.lastDay()).isEqualTo(lastDay);
	}

	@Test
	void probationEndsTheGivenMonthsAfterTheStart() {
		Employee employee = newEmployee();

		employee.contract(null, null, ContractType.PERMANENT, LocalDate.of(2026, 1, 31), null, 1, NOW);

		assertThat(employee.probationEndsOn()).as("end of February, not March 3").isEqualTo(LocalDate.of(2026, 2, 28));
	}

	@Test
	void noProbationMeansNoEndOfProbation() {
		Employee employee = newEmployee();

		employee.contract(null, null, ContractType.CONTRACTOR, START, null, 0, NOW);

		assertThat(employee.probationEndsOn()).isNull();
	}

	@Test
	void extensionMovesTheEndOfProbationAndSurvivesOtherContractChanges() {
		Employee employee = newEmployee();
		employee.contract(null, null, ContractType.PERMANENT, START, null, 3, NOW);

		employee.probationDecided(ProbationOutcome.EXTENDED, 2, NOW);
		assertThat(employee.probationEndsOn()).isEqualTo(START.plusMonths(5));
		employee.contract("901123300258", null, ContractType.FIXED_TERM, START, START.plusYears(1), 3, NOW);

		assertThat(employee.probationEndsOn()).isEqualTo(START.plusMonths(5));
		assertThat(employee.view().probationOutcome()).isEqualTo(ProbationOutcome.EXTENDED);
	}

	@Test
	void termsAreOpenOnlyBeforeActivationAndBeforeAProbationDecision() {
		assertThat(employeeIn(EmployeeStatus.PENDING).termsOpen()).isTrue();
		assertThat(employeeIn(EmployeeStatus.ONBOARDING).termsOpen()).isTrue();
		assertThat(employeeIn(EmployeeStatus.ACTIVE).termsOpen()).isFalse();
		assertThat(employeeIn(EmployeeStatus.LEAVING).termsOpen()).isFalse();
		assertThat(employeeIn(EmployeeStatus.LEFT).termsOpen()).isFalse();
		Employee decided = employeeIn(EmployeeStatus.ONBOARDING);
		decided.probationDecided(ProbationOutcome.CONFIRMED, 0, NOW);
		assertThat(decided.termsOpen()).isFalse();
	}

	@Test
	void acceptsTheContractTermsTheLabourCodeAllows() {
		HrManagement.checkedTerms(ContractType.PERMANENT, START, null, 0);
		HrManagement.checkedTerms(ContractType.PERMANENT, START, null, 6);
		HrManagement.checkedTerms(ContractType.FIXED_TERM, START, START.plusDays(1), 0);
		HrManagement.checkedTerms(ContractType.FIXED_TERM, START, START.plusMonths(3), 3);
		HrManagement.checkedTerms(ContractType.CONTRACTOR, START, null, 0);
	}

	@Test
	void refusesContractTermsNamingTheField() {
		assertRefused(ContractType.FIXED_TERM, START, null, 3, "endDate");
		assertRefused(ContractType.FIXED_TERM, START, START, 0, "endDate");
		assertRefused(ContractType.FIXED_TERM, START, START.minusDays(1), 0, "endDate");
		assertRefused(ContractType.PERMANENT, START, START.plusYears(1), 3, "endDate");
		assertRefused(ContractType.CONTRACTOR, START, START.plusYears(1), 0, "endDate");
		assertRefused(ContractType.PERMANENT, START, null, 7, "probationMonths");
		assertRefused(ContractType.PERMANENT, START, null, -1, "probationMonths");
		assertRefused(ContractType.CONTRACTOR, START, null, 1, "probationMonths");
		assertRefused(ContractType.FIXED_TERM, START, START.plusMonths(2), 3, "probationMonths");
	}

	private static void assertRefused(ContractType type, LocalDate start, LocalDate end, int months, String field) {
		assertThatThrownBy(() -> HrManagement.checkedTerms(type, start, end, months))
			.as("%s %s..%s probation %d", type, start, end, months)
			.isInstanceOf(BusinessRuleViolation.class)
			.satisfies(ex -> assertThat(((BusinessRuleViolation) ex).violations()).singleElement()
				.satisfies(v -> assertThat(v.field()).isEqualTo(field)));
	}

	private static Employee newEmployee() {
		return new Employee(UUID.randomUUID(), UUID.randomUUID(), null, "Aigerim Test", "Aigerim@Example.kz",
				"Engineer", null, WorkspaceRole.MEMBER, NOW);
	}

	private static Employee employeeIn(EmployeeStatus status) {
		Employee employee = newEmployee();
		switch (status) {
			case PENDING -> {
			}
			case ONBOARDING -> employee.moveTo(EmployeeStatus.ONBOARDING, NOW);
			case ACTIVE -> {
				employee.moveTo(EmployeeStatus.ONBOARDING, NOW);
				employee.moveTo(EmployeeStatus.ACTIVE, NOW);
			}
			case LEAVING -> employee.endEmployment(START.plusDays(30), "Leaves", NOW);
			case LEFT -> {
				employee.endEmployment(START.plusDays(30), "Leaves", NOW);
				employee.moveTo(EmployeeStatus.LEFT, NOW);
			}
		}
		return employee;
	}

}
