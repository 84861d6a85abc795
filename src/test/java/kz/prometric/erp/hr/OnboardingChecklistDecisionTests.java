package kz.prometric.erp.hr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import kz.prometric.erp.hr.process.EmployeeOnboarding;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@code dmn/onboarding-checklist.dmn} (collect): which items a permanent,
 * fixed-term and contractor employee get, the department rows, each row's outputs, and
 * the source written on every row.
 */
class OnboardingChecklistDecisionTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "onboarding-checklist.dmn"))) {
			decision = engine.parseDecision(EmployeeOnboarding.CHECKLIST_DECISION, in);
		}
	}

	private static List<Map<String, Object>> items(String position, String department, String contractType) {
		return engine
			.evaluateDecisionTable(decision,
					Variables.createVariables()
						.putValue("position", position)
						.putValue("department", department)
						.putValue("contractType", contractType))
			.getResultList();
	}

	private static List<Object> codes(String position, String department, String contractType) {
		return items(position, department, contractType).stream().map(row -> row.get("itemCode")).toList();
	}

	private static Map<String, Object> item(String code, String department, String contractType) {
		return items("Anyone", department, contractType).stream()
			.filter(row -> code.equals(row.get("itemCode")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void givesAnEmployeeTheContractEquipmentSafetyManagerAndHandbookItems() {
		for (String contract : List.of("PERMANENT", "FIXED_TERM")) {
			assertThat(codes("Accountant", "", contract)).containsExactly("employment-contract", "accounts",
					"equipment", "workplace", "safety-briefing", "meet-manager", "read-handbook");
		}
	}

	@Test
	void givesAContractorTheServicesAgreementAnAccountAndTheManagerMeetingOnly() {
		assertThat(codes("Consultant", "", "CONTRACTOR")).containsExactly("services-agreement", "accounts",
				"meet-manager");
	}

	@Test
	void addsTheWorkshopInductionInProductionAndCrmTrainingInSales() {
		assertThat(codes("Operator", "Production", "PERMANENT")).contains("workshop-safety")
			.doesNotContain("crm-training");
		assertThat(codes("Sales manager", "Sales", "PERMANENT")).contains("crm-training")
			.doesNotContain("workshop-safety");
		assertThat(codes("Welder", "Production", "CONTRACTOR")).containsExactly("services-agreement", "accounts",
				"workshop-safety", "meet-manager");
	}

	@Test
	void namesEachItemsResponsibleDueOffsetAndWhetherItIsRequired() {
		assertRow(item("employment-contract", "", "PERMANENT"), "team:hr", 0, true);
		assertRow(item("services-agreement", "", "CONTRACTOR"), "team:hr", 0, true);
		assertRow(item("accounts", "", "CONTRACTOR"), "team:it", 0, true);
		assertRow(item("equipment", "", "PERMANENT"), "team:it", 0, true);
		assertRow(item("workplace", "", "PERMANENT"), "team:facilities", 0, false);
		assertRow(item("safety-briefing", "", "FIXED_TERM"), "team:hr", 1, true);
		assertRow(item("workshop-safety", "Production", "PERMANENT"), "manager", 1, true);
		assertRow(item("meet-manager", "", "PERMANENT"), "manager", 2, true);
		assertRow(item("read-handbook", "", "PERMANENT"), "employee", 5, false);
		assertRow(item("crm-training", "Sales", "PERMANENT"), "manager", 10, false);
	}

	@Test
	void writesTheSourceOnEveryRowAndUsesUniqueCodes() throws IOException {
		DmnModelInstance model = Dmn.readModelFromFile(Path.of("dmn", "onboarding-checklist.dmn").toFile());
		assertThat(model.getModelElementsByType(Rule.class)).hasSize(10)
			.allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
		List<Object> all = items("Anyone", "Production", "PERMANENT").stream().map(row -> row.get("itemCode")).toList();
		assertThat(all).doesNotHaveDuplicates();
	}

	private static void assertRow(Map<String, Object> row, String responsible, int offset, boolean required) {
		assertThat(row.get("responsible")).as(row.get("itemCode") + " responsible").isEqualTo(responsible);
		assertThat(((Number) row.get("dueOffsetDays")).intValue()).as(row.get("itemCode") + " offset")
			.isEqualTo(offset);
		assertThat(row.get("required")).as(row.get("itemCode") + " required").isEqualTo(required);
		assertThat((String) row.get("itemTitle")).isNotBlank();
	}

}
