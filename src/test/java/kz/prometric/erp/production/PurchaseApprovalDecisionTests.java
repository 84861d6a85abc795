package kz.prometric.erp.production;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kz.prometric.erp.production.process.PurchaseRequisition;
import org.camunda.bpm.dmn.engine.DmnDecision;
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
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per row of {@code dmn/purchase-approval.dmn}, its thresholds exactly, and the
 * source written on every row.
 */
class PurchaseApprovalDecisionTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "purchase-approval.dmn"))) {
			decision = engine.parseDecision(PurchaseRequisition.DECISION_PURCHASE_APPROVAL, in);
		}
	}

	private static Object approver(double amount, String category, String requesterRole) {
		VariableMap variables = Variables.createVariables()
			.putValue(PurchaseRequisition.VAR_AMOUNT, amount)
			.putValue(PurchaseRequisition.VAR_MATERIAL_CATEGORY, category)
			.putValue(PurchaseRequisition.VAR_REQUESTER_ROLE, requesterRole);
		return engine.evaluateDecisionTable(decision, variables).getSingleEntry();
	}

	@Test
	void leavesEquipmentToTheOwnerWhateverTheAmountAndRequester() {
		assertThat(approver(10_000, "EQUIPMENT", "MEMBER")).isEqualTo("OWNER");
		assertThat(approver(10_000, "EQUIPMENT", "OWNER")).isEqualTo("OWNER");
	}

	@Test
	void leavesPurchasesAboveFiveMillionToTheOwner() {
		assertThat(approver(5_000_000.01, "RAW_MATERIAL", "MANAGER")).isEqualTo("OWNER");
		assertThat(approver(7_500_000, "OTHER", "OWNER")).isEqualTo("OWNER");
	}

	@Test
	void approvesRoutineProductionMaterialsUpToHalfAMillionAtOnce() {
		assertThat(approver(500_000, "RAW_MATERIAL", "MEMBER")).isEqualTo("AUTO");
		assertThat(approver(120_000, "COMPONENT", "SYSTEM")).isEqualTo("AUTO");
		assertThat(approver(1, "PACKAGING", "MANAGER")).isEqualTo("AUTO");
		assertThat(approver(0, "CONSUMABLE", "ADMIN")).isEqualTo("AUTO");
	}

	@Test
	void approvesTheOwnersOwnRequestsUpToFiveMillionAtOnce() {
		assertThat(approver(5_000_000, "FINISHED_GOOD", "OWNER")).isEqualTo("AUTO");
		assertThat(approver(900_000, "RAW_MATERIAL", "OWNER")).isEqualTo("AUTO");
	}

	@Test
	void asksAManagerForEverythingElse() {
		assertThat(approver(500_000.01, "RAW_MATERIAL", "MEMBER")).isEqualTo("MANAGER");
		assertThat(approver(5_000_000, "COMPONENT", "MANAGER")).isEqualTo("MANAGER");
		assertThat(approver(100, "FINISHED_GOOD", "SYSTEM")).isEqualTo("MANAGER");
		assertThat(approver(100, "OTHER", "ADMIN")).isEqualTo("MANAGER");
	}

	@ParameterizedTest(name = "{0} KZT of {1} requested by {2} -> {3}")
	@CsvSource({ "500000, RAW_MATERIAL, SYSTEM, AUTO", "500000.01, RAW_MATERIAL, SYSTEM, MANAGER",
			"5000000, OTHER, MANAGER, MANAGER", "5000000.01, OTHER, MANAGER, OWNER", "5000000, OTHER, OWNER, AUTO",
			"5000000.01, CONSUMABLE, OWNER, OWNER", "0, EQUIPMENT, OWNER, OWNER" })
	void holdsItsThresholdsExactly(double amount, String category, String role, String expected) {
		assertThat(approver(amount, category, role)).isEqualTo(expected);
	}

	@Test
	void namesTheSourceOfEveryRow() throws IOException {
		DmnModelInstance model = Dmn.readModelFromFile(Path.of("dmn", "purchase-approval.dmn").toFile());
		assertThat(model.getModelElementsByType(Rule.class)).hasSize(5)
			.allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("Source:"));
	}

}
