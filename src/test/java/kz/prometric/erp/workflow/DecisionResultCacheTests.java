package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.support.ErpIntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision results are cached only where the table's result depends on its inputs alone,
 * and never outlive the version that produced them.
 */
@ErpIntegrationTest
class DecisionResultCacheTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	DecisionService decisions;

	@Autowired
	RepositoryService repository;

	@Autowired
	WorkspaceDefinitions definitions;

	@Test
	void theShippedDealProbabilityTableIsAnsweredFromTheCacheForTheSameInputs() {
		DecisionResultCache cache = cache();
		Map<String, Object> qualified = Map.of("stage", "QUALIFIED", "dealValue", 2_500_000.0, "customerType",
				"COMPANY");
		Object first = probability(qualified);
		long hits = cache.hits();

		Object again = probability(qualified);
		Object otherStage = probability(
				Map.of("stage", "NEGOTIATION", "dealValue", 2_500_000.0, "customerType", "COMPANY"));

		assertThat(again).isEqualTo(first);
		assertThat(otherStage).isNotEqualTo(first);
		assertThat(cache.hits()).isEqualTo(hits + 1);
	}

	@Test
	void aNewVersionOfATableIsEvaluatedAfreshNotAnsweredWithTheOldVersionsResult() {
		String key = "cache-test-" + UUID.randomUUID().toString().substring(0, 8);
		deploy(key, table(key, "\"A\"", "10"));
		assertThat(evaluate(key, Map.of("grade", "A"))).isEqualTo(10);
		assertThat(evaluate(key, Map.of("grade", "A"))).isEqualTo(10);

		deploy(key, table(key, "\"A\"", "20"));

		assertThat(evaluate(key, Map.of("grade", "A"))).isEqualTo(20);
	}

	@Test
	void aWorkspacesOwnVersionIsAnsweredWithItsOwnResultAndTheSharedOneKeepsItsCachedResult() {
		String key = "cache-tenant-" + UUID.randomUUID().toString().substring(0, 8);
		UUID workspaceA = UUID.randomUUID();
		UUID workspaceB = UUID.randomUUID();
		deploy(key, table(key, "\"A\"", "10"));
		assertThat(evaluate(key, workspaceB)).isEqualTo(10);
		assertThat(evaluate(key, workspaceB)).isEqualTo(10);
		String own = this.repository.createDeployment()
			.name(key)
			.tenantId(workspaceA.toString())
			.addString(key + ".dmn", table(key, "\"A\"", "30"))
			.deploy()
			.getId();
		try {
			long hits = cache().hits();

			assertThat(evaluate(key, workspaceA)).isEqualTo(30);
			assertThat(evaluate(key, workspaceA)).isEqualTo(30);
			assertThat(evaluate(key, workspaceB)).isEqualTo(10);
			// both answered from the cache the second time, each under its own definition
			// id
			assertThat(cache().hits()).isEqualTo(hits + 2);
		}
		finally {
			this.repository.deleteDeployment(own, true);
		}
	}

	@Test
	void tablesReadingTheClockOrOtherVariablesOrComputingOutputsAreNotCached() {
		assertThat(inputs(table("t", "< today()", "1"))).isEmpty();
		assertThat(inputs(table("t", "< now()", "1"))).isEmpty();
		assertThat(inputs(table("t", "> limit", "1"))).isEmpty();
		assertThat(inputs(table("t", "-", "grade + \"x\""))).isEmpty();
		assertThat(inputs(table("t", "\"A\"", "limit"))).isEmpty();
		assertThat(inputs(tableWithInput("t", "grade + 1", "-", "1"))).isEmpty();
		assertThat(inputs(tableWithInput("t", "upper case(grade)", "-", "1"))).isEmpty();
	}

	@Test
	void literalEntriesLikeTheShippedOnesAreCacheable() {
		for (String entry : List.of("-", "\"A\"", "not(\"A\", \"B\")", "[1000000..10000000[", "< 1000000", ">= 500001",
				"<= date(\"2025-12-31\")", "[date(\"2026-01-01\")..date(\"2026-12-31\")]", "true", "]0..2[",
				"\"today()\"")) {
			assertThat(inputs(table("t", entry, "1"))).as(entry).contains(List.of("grade"));
		}
	}

	@Test
	void aTableWhoseEntryReadsTheClockIsEvaluatedEachTime() {
		String key = "cache-clock-" + UUID.randomUUID().toString().substring(0, 8);
		deploy(key, tableWithInput(key, "due", "< today()", "1").replace(" typeRef=\"string\"", ""));
		long hits = cache().hits();

		evaluate(key, Map.of("due", LocalDate.of(2020, 1, 1)));
		evaluate(key, Map.of("due", LocalDate.of(2020, 1, 1)));

		assertThat(cache().hits()).isEqualTo(hits);
	}

	private Object probability(Map<String, Object> variables) {
		return this.decisions.evaluateDecisionByKey("deal-probability")
			.variables(variables)
			.evaluate()
			.getSingleResult()
			.getSingleEntry();
	}

	private Object evaluate(String key, Map<String, Object> variables) {
		var result = this.decisions.evaluateDecisionByKey(key).variables(variables).evaluate();
		return result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
	}

	private Object evaluate(String key, UUID workspaceId) {
		return this.definitions.evaluateDecision(key, workspaceId)
			.variables(Map.of("grade", "A"))
			.evaluate()
			.getSingleResult()
			.getSingleEntry();
	}

	private void deploy(String key, String xml) {
		this.repository.createDeployment().name(key).addString(key + ".dmn", xml).deploy();
	}

	private DecisionResultCache cache() {
		return (DecisionResultCache) ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getDmnEngine();
	}

	private static Optional<List<String>> inputs(String xml) {
		List<DmnDecision> parsed = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
			.buildEngine()
			.parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		return DecisionResultCache.inputsOf(parsed.get(0));
	}

	private static String table(String key, String inputEntry, String outputEntry) {
		return tableWithInput(key, "grade", inputEntry, outputEntry);
	}

	private static String tableWithInput(String key, String inputExpression, String inputEntry, String outputEntry) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="Definitions_%1$s" name="%1$s" namespace="http://prometric.kz/test">
				  <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="P1D">
				    <decisionTable id="DecisionTable_1" hitPolicy="FIRST">
				      <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string"><text>%2$s</text></inputExpression></input>
				      <output id="Output_1" name="points" typeRef="integer" />
				      <rule id="Rule_1">
				        <inputEntry id="InputEntry_1"><text>%3$s</text></inputEntry>
				        <outputEntry id="OutputEntry_1"><text>%4$s</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				"""
			.formatted(key, xmlText(inputExpression), xmlText(inputEntry), xmlText(outputEntry))
			.strip();
	}

	private static String xmlText(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
