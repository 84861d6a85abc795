package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.UUID;

import kz.prometric.erp.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTests {

	static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	static final String BIN = "940140000385";

	static final String IIN = "010203600450";

	@Test
	void normalizesTextAndTreatsBlankOptionalFieldsAsAbsent() {
		Customer customer = aCustomer(CustomerType.COMPANY, " 950341000052 ");

		CustomerView view = customer.view();
		assertThat(view.name()).isEqualTo("Sample LLP");
		assertThat(view.email()).isEqualTo("sales@sample.kz");
		assertThat(view.phone()).isNull();
		assertThat(view.taxId()).isEqualTo("950341000052");
	}

	@Test
	void refusesBinForIndividualAndIinForCompany() {
		assertTaxIdRefused(() -> aCustomer(CustomerType.INDIVIDUAL, BIN));
		assertTaxIdRefused(() -> aCustomer(CustomerType.COMPANY, IIN));
	}

	@Test
	void refusesBinWhoseCheckDigitIsTenInBothPasses() {
		for (int x = 0; x <= 9; x++) {
			String bin = "24024000064" + x;
			assertTaxIdRefused(() -> aCustomer(CustomerType.COMPANY, bin));
		}
	}

	@Test
	void keepsFieldsThatAreNullInChangesAndClearsEmptyOnes() {
		Customer customer = aCustomer(CustomerType.COMPANY, BIN);

		customer.update(new CustomerManagement.CustomerChanges(null, null, "", null, "Dina", null, null),
				NOW.plusSeconds(60));

		CustomerView view = customer.view();
		assertThat(view.name()).isEqualTo("Sample LLP");
		assertThat(view.email()).isNull();
		assertThat(view.contactPerson()).isEqualTo("Dina");
		assertThat(view.taxId()).isEqualTo(BIN);
		assertThat(view.updatedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void refusesTypeChangeThatInvalidatesTheTaxIdAndKeepsTheCustomerUnchanged() {
		Customer customer = aCustomer(CustomerType.COMPANY, BIN);

		assertTaxIdRefused(() -> customer.update(new CustomerManagement.CustomerChanges(CustomerType.INDIVIDUAL,
				"Renamed", null, null, null, null, null), NOW));

		assertThat(customer.view().type()).isEqualTo(CustomerType.COMPANY);
		assertThat(customer.view().name()).isEqualTo("Sample LLP");
	}

	@Test
	void allowsTypeChangeTogetherWithAMatchingTaxIdOrClearingIt() {
		Customer customer = aCustomer(CustomerType.COMPANY, BIN);

		customer.update(
				new CustomerManagement.CustomerChanges(CustomerType.INDIVIDUAL, null, null, null, null, null, IIN),
				NOW);
		assertThat(customer.view().taxId()).isEqualTo(IIN);

		customer.update(new CustomerManagement.CustomerChanges(CustomerType.COMPANY, null, null, null, null, null, ""),
				NOW);
		assertThat(customer.view().type()).isEqualTo(CustomerType.COMPANY);
		assertThat(customer.view().taxId()).isNull();
	}

	private static Customer aCustomer(CustomerType type, String taxId) {
		return new Customer(UUID.randomUUID(),
				new CustomerManagement.NewCustomer(type, "  Sample LLP ", " Sales@Sample.KZ ", "  ", null, null, taxId),
				NOW);
	}

	private static void assertTaxIdRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("taxId"));
	}

}
