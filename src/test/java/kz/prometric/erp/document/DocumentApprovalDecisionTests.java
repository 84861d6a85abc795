package kz.prometric.erp.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kz.prometric.erp.document.process.DocumentApproval;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per row of {@code dmn/document-approval.dmn}, its thresholds exactly, the
 * kinds without a row, and the source written on every row.
 */
class DocumentApprovalDecisionTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "document-approval.dmn"))) {
			decision = engine.parseDecision(DocumentApproval.DECISION, in);
		}
	}

	private static DmnDecisionTableResult evaluate(String kind, Double amount) {
		VariableMap variables = Variables.createVariables()
			.putValue(DocumentApproval.VAR_KIND, kind)
			.putValue(DocumentApproval.VAR_AMOUNT, amount);
		return engine.evaluateDecisionTable(decision, variables);
	}

	private static Object approver(String kind, Double amount) {
		return evaluate(kind, amount).getSingleEntry();
	}

	@Test
	void leavesContractsAboveTenMillionToTheOwner() {
		assertThat(approver("contract", 10_000_000.01)).isEqualTo("OWNER");
		assertThat(approver("contract", 250_000_000.0)).isEqualTo("OWNER");
	}

	@Test
	void leavesContractsAboveOneMillionUpToTenToAnAdmin() {
		assertThat(approver("contract", 10_000_000.0)).isEqualTo("ADMIN");
		assertThat(approver("contract", 1_000_000.01)).isEqualTo("ADMIN");
	}

	@Test
	void leavesOtherContractsIncludingThoseWithoutAnAmountToAManager() {
		assertThat(approver("contract", 1_000_000.0)).isEqualTo("MANAGER");
		assertThat(approver("contract", 0.0)).isEqualTo("MANAGER");
		assertThat(approver("contract", null)).isEqualTo("MANAGER");
	}

	@Test
	void leavesActsAboveTenMillionToAnAdminAndOthersToAManager() {
		assertThat(approver("act", 10_000_000.01)).isEqualTo("ADMIN");
		assertThat(approver("act", 10_000_000.0)).isEqualTo("MANAGER");
		assertThat(approver("act", null)).isEqualTo("MANAGER");
	}

	@ParameterizedTest
	@ValueSource(strings = { "other", "invoice", "credit-note", "CONTRACT", "" })
	void needsNoApprovalForKindsWithoutARow(String kind) {
		assertThat(evaluate(kind, 50_000_000.0).getResultList()).isEmpty();
	}

	@Test
	void namesItsSourceOnEveryRow() throws IOException {
		DmnModelInstance model = Dmn.readModelFromFile(Path.of("dmn", "document-approval.dmn").toFile());
		assertThat(model.getModelElementsByType(Rule.class)).hasSize(5)
			.allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("Source:"));
	}

}
