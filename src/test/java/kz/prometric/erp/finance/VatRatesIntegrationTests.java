package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.support.ErpIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link VatRates} asks the deployed {@code vat-rate} decision, not a copy of it.
 */
@ErpIntegrationTest
class VatRatesIntegrationTests {

	@Autowired
	VatRates rates;

	@Test
	void appliesTheStandardRateInForceOnTheTurnoverDate() {
		assertThat(this.rates.rateFor(VatCategory.STANDARD, LocalDate.of(2025, 12, 31))).isEqualTo(VatRate.of("12"));
		assertThat(this.rates.rateFor(VatCategory.STANDARD, LocalDate.of(2026, 1, 1))).isEqualTo(VatRate.of("16"));
	}

	@Test
	void returnsReducedZeroAndExemptTreatments() {
		assertThat(this.rates.rateFor(VatCategory.MEDICAL, LocalDate.of(2026, 6, 1)).percent())
			.isEqualByComparingTo(new BigDecimal("5"));
		assertThat(this.rates.rateFor(VatCategory.ZERO_RATED_EXPORT, LocalDate.of(2026, 6, 1)))
			.isEqualTo(VatRate.of("0"));
		assertThat(this.rates.rateFor(VatCategory.EXEMPT, LocalDate.of(2026, 6, 1))).isEqualTo(VatRate.EXEMPT);
	}

	@Test
	void refusesACategoryTheTableDoesNotKnow() {
		assertThatThrownBy(() -> this.rates.rateFor("LUXURY", LocalDate.of(2026, 1, 1)))
			.isInstanceOf(BusinessRuleViolation.class)
			.satisfies(ex -> assertThat(((BusinessRuleViolation) ex).violations()).extracting(FieldViolation::field)
				.containsExactly("vatCategory"));
	}

}
