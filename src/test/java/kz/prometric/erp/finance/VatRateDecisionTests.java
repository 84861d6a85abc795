package kz.prometric.erp.finance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per row of {@code dmn/vat-rate.dmn}, plus the edges of every effective date.
 */
class VatRateDecisionTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "vat-rate.dmn"))) {
			decision = engine.parseDecision(VatRates.DECISION_VAT_RATE, in);
		}
	}

	/** The matching row's outputs, or {@code null} when no row matches. */
	private static DmnDecisionResultEntries decide(String vatCategory, LocalDate turnoverDate) {
		VariableMap variables = Variables.createVariables()
			.putValue(VatRates.VAR_VAT_CATEGORY, vatCategory)
			.putValue(VatRates.VAR_TURNOVER_DATE, turnoverDate);
		return engine.evaluateDecision(decision, variables).getSingleResult();
	}

	@ParameterizedTest(name = "{0} on {1} -> {2}%")
	@CsvSource({ "STANDARD,          2025-06-30, 12.0", "STANDARD,          2026-06-30, 16.0",
			"STANDARD,          2030-01-01, 16.0", "MEDICAL,           2025-06-30, 12.0",
			"MEDICAL,           2026-06-30, 5.0", "MEDICAL,           2027-06-30, 10.0",
			"PERIODICALS,       2025-06-30, 12.0", "PERIODICALS,       2026-06-30, 16.0",
			"PERIODICALS,       2027-06-30, 10.0", "ZERO_RATED_EXPORT, 2025-06-30, 0.0",
			"ZERO_RATED_EXPORT, 2026-06-30, 0.0" })
	void decidesTheRateInForceOnTheTurnoverDate(String category, LocalDate turnoverDate, double rate) {
		DmnDecisionResultEntries result = decide(category, turnoverDate);
		assertThat(result).isNotNull();
		assertThat(result.<Object>getEntry(VatRates.OUT_RATE)).isEqualTo(rate);
		assertThat(result.<Object>getEntry(VatRates.OUT_EXEMPT)).isEqualTo(false);
	}

	@ParameterizedTest(name = "{0} on {1} -> {2}%")
	@CsvSource({ "STANDARD,    2025-12-31, 12.0", "STANDARD,    2026-01-01, 16.0", "MEDICAL,     2025-12-31, 12.0",
			"MEDICAL,     2026-01-01, 5.0", "MEDICAL,     2026-12-31, 5.0", "MEDICAL,     2027-01-01, 10.0",
			"PERIODICALS, 2025-12-31, 12.0", "PERIODICALS, 2026-01-01, 16.0", "PERIODICALS, 2026-12-31, 16.0",
			"PERIODICALS, 2027-01-01, 10.0" })
	void switchesRatesExactlyOnTheEffectiveDate(String category, LocalDate turnoverDate, double rate) {
		assertThat(decide(category, turnoverDate).<Object>getEntry(VatRates.OUT_RATE)).isEqualTo(rate);
	}

	@Test
	void marksExemptTurnoverWithoutARate() {
		for (LocalDate date : new LocalDate[] { LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1) }) {
			DmnDecisionResultEntries result = decide("EXEMPT", date);
			assertThat(result.<Object>getEntry(VatRates.OUT_EXEMPT)).isEqualTo(true);
			assertThat(result.getEntryMap().get(VatRates.OUT_RATE)).isNull();
		}
	}

	@Test
	void keepsZeroRatedApartFromExempt() {
		DmnDecisionResultEntries zeroRated = decide("ZERO_RATED_EXPORT", LocalDate.of(2026, 3, 1));
		assertThat(zeroRated.<Object>getEntry(VatRates.OUT_RATE)).isEqualTo(0.0);
		assertThat(zeroRated.<Object>getEntry(VatRates.OUT_EXEMPT)).isEqualTo(false);
	}

	@Test
	void matchesNoRowForAnUnknownCategory() {
		assertThat(decide("LUXURY", LocalDate.of(2026, 1, 1))).isNull();
		assertThat(decide(null, LocalDate.of(2026, 1, 1))).isNull();
	}

	@Test
	void matchesNoRowWithoutATurnoverDateForDatedCategories() {
		assertThat(decide("STANDARD", null)).isNull();
	}

	@Test
	void answersEveryKnownCategoryOnEveryDayAroundTheChanges() {
		for (String category : new String[] { "STANDARD", "MEDICAL", "PERIODICALS", "ZERO_RATED_EXPORT", "EXEMPT" }) {
			for (LocalDate day = LocalDate.of(2025, 12, 1); day
				.isBefore(LocalDate.of(2027, 2, 1)); day = day.plusDays(1)) {
				// UNIQUE would throw on two matching rows; null would mean a hole
				assertThat(decide(category, day)).as(category + " on " + day).isNotNull();
			}
		}
	}

	@Test
	void returnsTheRateAsADouble() {
		assertThat(decide("STANDARD", LocalDate.of(2026, 1, 1)).getEntryMap()).containsEntry(VatRates.OUT_RATE, 16.0)
			.containsEntry(VatRates.OUT_EXEMPT, false)
			.hasSize(2);
		assertThat(decide("STANDARD", LocalDate.of(2026, 1, 1)).<Object>getEntry(VatRates.OUT_RATE))
			.isInstanceOf(Double.class);
	}

}
