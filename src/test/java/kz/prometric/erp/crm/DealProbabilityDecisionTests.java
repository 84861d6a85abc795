package kz.prometric.erp.crm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kz.prometric.erp.crm.process.DealLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per row of {@code dmn/deal-probability.dmn}, plus the edges of the value
 * bands.
 */
class DealProbabilityDecisionTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "deal-probability.dmn"))) {
			decision = engine.parseDecision(DealLifecycle.DECISION_DEAL_PROBABILITY, in);
		}
	}

	private static Object probability(String stage, Double dealValue, String customerType) {
		VariableMap variables = Variables.createVariables()
			.putValue(DealLifecycle.VAR_STAGE, stage)
			.putValue(DealLifecycle.VAR_DEAL_VALUE, dealValue)
			.putValue(DealLifecycle.VAR_CUSTOMER_TYPE, customerType);
		return engine.evaluateDecisionTable(decision, variables).getSingleEntry();
	}

	@ParameterizedTest(name = "{0}, value {1}, {2} -> {3}%")
	@CsvSource({
			// won and lost ignore value and customer
			"WON,         500000,   COMPANY,    100", "WON,         50000000, INDIVIDUAL, 100",
			"LOST,        500000,   COMPANY,    0", "LOST,        50000000, INDIVIDUAL, 0",
			// one case per stage and band
			"NEW,         500000,   COMPANY,    12", "NEW,         500000,   INDIVIDUAL, 10",
			"NEW,         5000000,  COMPANY,    10", "NEW,         5000000,  INDIVIDUAL, 8",
			"NEW,         50000000, COMPANY,    5", "NEW,         50000000, INDIVIDUAL, 5",
			"QUALIFIED,   500000,   COMPANY,    30", "QUALIFIED,   500000,   INDIVIDUAL, 27",
			"QUALIFIED,   5000000,  COMPANY,    27", "QUALIFIED,   5000000,  INDIVIDUAL, 25",
			"QUALIFIED,   50000000, COMPANY,    20", "QUALIFIED,   50000000, INDIVIDUAL, 20",
			"PROPOSAL,    500000,   COMPANY,    55", "PROPOSAL,    500000,   INDIVIDUAL, 50",
			"PROPOSAL,    5000000,  COMPANY,    50", "PROPOSAL,    5000000,  INDIVIDUAL, 45",
			"PROPOSAL,    50000000, COMPANY,    40", "PROPOSAL,    50000000, INDIVIDUAL, 40",
			"NEGOTIATION, 500000,   COMPANY,    78", "NEGOTIATION, 500000,   INDIVIDUAL, 75",
			"NEGOTIATION, 5000000,  COMPANY,    75", "NEGOTIATION, 5000000,  INDIVIDUAL, 70",
			"NEGOTIATION, 50000000, COMPANY,    65", "NEGOTIATION, 50000000, INDIVIDUAL, 65" })
	void estimatesProbabilityByStageValueBandAndCustomerType(String stage, double dealValue, String customerType,
			int expected) {
		assertThat(probability(stage, dealValue, customerType)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} at value {1} -> {2}%")
	@CsvSource({ "NEW,         999999.99,  10", "NEW,         1000000,    8", "NEW,         9999999.99, 8",
			"NEW,         10000000,   5", "NEGOTIATION, 999999.99,  75", "NEGOTIATION, 1000000,    70",
			"NEGOTIATION, 9999999.99, 70", "NEGOTIATION, 10000000,   65" })
	void putsBandEdgesIntoTheHigherBand(String stage, double dealValue, int expected) {
		assertThat(probability(stage, dealValue, "INDIVIDUAL")).isEqualTo(expected);
	}

	@Test
	void treatsAnUnknownCustomerTypeLikeAnIndividual() {
		assertThat(probability("PROPOSAL", 500000.0, null)).isEqualTo(50);
	}

	@Test
	void fallsBackToTheNewDealProbabilityWithoutADealValue() {
		assertThat(probability("QUALIFIED", null, "COMPANY")).isEqualTo(10);
	}

	@Test
	void fallsBackToTheNewDealProbabilityForAnUnknownStage() {
		assertThat(probability("ON_HOLD", 500000.0, "COMPANY")).isEqualTo(10);
	}

	@Test
	void returnsAnInteger() {
		assertThat(probability("NEW", 500000.0, "COMPANY")).isInstanceOf(Integer.class);
	}

}
