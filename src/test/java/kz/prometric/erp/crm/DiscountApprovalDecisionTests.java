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
 * One case per row of {@code dmn/discount-approval.dmn}, plus its thresholds exactly.
 */
class DiscountApprovalDecisionTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "discount-approval.dmn"))) {
			decision = engine.parseDecision(DealLifecycle.DECISION_DISCOUNT_APPROVAL, in);
		}
	}

	private static Object approvalRequired(Double maxDiscountPercent, Double dealValue) {
		VariableMap variables = Variables.createVariables()
			.putValue(DealLifecycle.VAR_MAX_DISCOUNT, maxDiscountPercent)
			.putValue(DealLifecycle.VAR_DEAL_VALUE, dealValue);
		return engine.evaluateDecisionTable(decision, variables).getSingleEntry();
	}

	@Test
	void requiresApprovalForADiscountAboveFifteenPercentOnASmallDeal() {
		assertThat(approvalRequired(15.5, 100000.0)).isEqualTo(true);
	}

	@Test
	void requiresApprovalForADiscountAboveFifteenPercentOnALargeDeal() {
		assertThat(approvalRequired(20.0, 50000000.0)).isEqualTo(true);
	}

	@Test
	void requiresApprovalForADiscountAboveTenPercentOnALargeDeal() {
		assertThat(approvalRequired(12.0, 8000000.0)).isEqualTo(true);
	}

	@Test
	void letsTheSalespersonGrantUpToFifteenPercentOnASmallDeal() {
		assertThat(approvalRequired(12.0, 4999999.99)).isEqualTo(false);
	}

	@Test
	void needsNoApprovalWithoutADiscount() {
		assertThat(approvalRequired(0.0, 50000000.0)).isEqualTo(false);
	}

	@Test
	void needsNoApprovalWithoutProducts() {
		assertThat(approvalRequired(null, 50000000.0)).isEqualTo(false);
	}

	@ParameterizedTest(name = "{0}% at value {1} -> approval required: {2}")
	@CsvSource({
			// exactly 15% is still within the general limit, unless the deal is large
			"15,    100000,     false", "15,    4999999.99, false", "15,    5000000,    true",
			"15.01, 100000,     true",
			// exactly 10% never needs approval; above it, only from 5,000,000 on
			"10,    5000000,    false", "10.01, 5000000,    true", "10.01, 4999999.99, false" })
	void appliesTheThresholdsExactly(double maxDiscountPercent, double dealValue, boolean expected) {
		assertThat(approvalRequired(maxDiscountPercent, dealValue)).isEqualTo(expected);
	}

}
