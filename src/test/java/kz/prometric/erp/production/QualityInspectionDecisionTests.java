package kz.prometric.erp.production;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per row of {@code dmn/quality-inspection.dmn} (ISO 2859-1 general inspection
 * level II, single sampling, normal inspection): each row is hit at both ends of its lot
 * range and answers its sample size, acceptance number and rework limit; plus the
 * categories that share the general row, the edges between ranges and the lots no row
 * takes.
 */
class QualityInspectionDecisionTests {

	private static final String DECISION = "quality-inspection";

	private static final List<String> matched = new ArrayList<>();

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
			@Override
			public void notify(DmnDecisionTableEvaluationEvent event) {
				event.getMatchingRules().forEach((rule) -> matched.add(rule.getId()));
			}
		}));
		engine = configuration.buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("dmn", "quality-inspection.dmn"))) {
			decision = engine.parseDecision(DECISION, in);
		}
	}

	@BeforeEach
	void forgetMatches() {
		matched.clear();
	}

	private static DmnDecisionResult decide(String productCategory, Object lotSize) {
		return engine.evaluateDecision(decision,
				Variables.createVariables().putValue("productCategory", productCategory).putValue("lotSize", lotSize));
	}

	private static List<Integer> plan(String productCategory, Object lotSize) {
		DmnDecisionResultEntries result = decide(productCategory, lotSize).getSingleResult();
		assertThat(result).as("a plan for %s, lot %s", productCategory, lotSize).isNotNull();
		return List.of(result.<Integer>getEntry("sampleSize"), result.<Integer>getEntry("acceptanceNumber"),
				result.<Integer>getEntry("reworkLimit"));
	}

	@ParameterizedTest(name = "{0}: {1} lots {2}..{3} -> sample {4}, Ac {5}, rework limit {6}")
	@CsvSource({
			// row id, category, smallest lot, largest lot, sample size, acceptance
			// number, rework limit
			"Rule_FinishedGood_SingleUnit    , FINISHED_GOOD,   0.001,       1.999,    1,  0, 2",
			"Rule_FinishedGood_A             , FINISHED_GOOD,       2,       8.999,   13,  0, 2",
			"Rule_FinishedGood_B             , FINISHED_GOOD,       9,      15.999,   13,  0, 2",
			"Rule_FinishedGood_C             , FINISHED_GOOD,      16,      25.999,   13,  0, 2",
			"Rule_FinishedGood_D             , FINISHED_GOOD,      26,      50.999,   13,  0, 2",
			"Rule_FinishedGood_E             , FINISHED_GOOD,      51,      90.999,   13,  0, 2",
			"Rule_FinishedGood_F             , FINISHED_GOOD,      91,     150.999,   13,  0, 2",
			"Rule_FinishedGood_G             , FINISHED_GOOD,     151,     280.999,   50,  1, 2",
			"Rule_FinishedGood_H             , FINISHED_GOOD,     281,     500.999,   50,  1, 2",
			"Rule_FinishedGood_J             , FINISHED_GOOD,     501,    1200.999,   80,  2, 2",
			"Rule_FinishedGood_K             , FINISHED_GOOD,    1201,    3200.999,  125,  3, 2",
			"Rule_FinishedGood_L             , FINISHED_GOOD,    3201,   10000.999,  200,  5, 2",
			"Rule_FinishedGood_M             , FINISHED_GOOD,   10001,   35000.999,  315,  7, 2",
			"Rule_FinishedGood_N             , FINISHED_GOOD,   35001,  150000.999,  500, 10, 2",
			"Rule_FinishedGood_P             , FINISHED_GOOD,  150001,  500000.999,  800, 14, 2",
			"Rule_FinishedGood_Q             , FINISHED_GOOD,  500001,     5000000, 1250, 21, 2",
			"Rule_Component_SingleUnit       , COMPONENT    ,   0.001,       1.999,    1,  0, 3",
			"Rule_Component_A                , COMPONENT    ,       2,       8.999,    5,  0, 3",
			"Rule_Component_B                , COMPONENT    ,       9,      15.999,    5,  0, 3",
			"Rule_Component_C                , COMPONENT    ,      16,      25.999,    5,  0, 3",
			"Rule_Component_D                , COMPONENT    ,      26,      50.999,    5,  0, 3",
			"Rule_Component_E                , COMPONENT    ,      51,      90.999,   20,  1, 3",
			"Rule_Component_F                , COMPONENT    ,      91,     150.999,   20,  1, 3",
			"Rule_Component_G                , COMPONENT    ,     151,     280.999,   32,  2, 3",
			"Rule_Component_H                , COMPONENT    ,     281,     500.999,   50,  3, 3",
			"Rule_Component_J                , COMPONENT    ,     501,    1200.999,   80,  5, 3",
			"Rule_Component_K                , COMPONENT    ,    1201,    3200.999,  125,  7, 3",
			"Rule_Component_L                , COMPONENT    ,    3201,   10000.999,  200, 10, 3",
			"Rule_Component_M                , COMPONENT    ,   10001,   35000.999,  315, 14, 3",
			"Rule_Component_N                , COMPONENT    ,   35001,  150000.999,  500, 21, 3",
			"Rule_Component_P                , COMPONENT    ,  150001,  500000.999,  500, 21, 3",
			"Rule_Component_Q                , COMPONENT    ,  500001,     5000000,  500, 21, 3",
			"Rule_OtherCategories_SingleUnit , RAW_MATERIAL ,   0.001,       1.999,    1,  0, 3",
			"Rule_OtherCategories_A          , RAW_MATERIAL ,       2,       8.999,    3,  0, 3",
			"Rule_OtherCategories_B          , RAW_MATERIAL ,       9,      15.999,    3,  0, 3",
			"Rule_OtherCategories_C          , RAW_MATERIAL ,      16,      25.999,    3,  0, 3",
			"Rule_OtherCategories_D          , RAW_MATERIAL ,      26,      50.999,   13,  1, 3",
			"Rule_OtherCategories_E          , RAW_MATERIAL ,      51,      90.999,   13,  1, 3",
			"Rule_OtherCategories_F          , RAW_MATERIAL ,      91,     150.999,   20,  2, 3",
			"Rule_OtherCategories_G          , RAW_MATERIAL ,     151,     280.999,   32,  3, 3",
			"Rule_OtherCategories_H          , RAW_MATERIAL ,     281,     500.999,   50,  5, 3",
			"Rule_OtherCategories_J          , RAW_MATERIAL ,     501,    1200.999,   80,  7, 3",
			"Rule_OtherCategories_K          , RAW_MATERIAL ,    1201,    3200.999,  125, 10, 3",
			"Rule_OtherCategories_L          , RAW_MATERIAL ,    3201,   10000.999,  200, 14, 3",
			"Rule_OtherCategories_M          , RAW_MATERIAL ,   10001,   35000.999,  315, 21, 3",
			"Rule_OtherCategories_N          , RAW_MATERIAL ,   35001,  150000.999,  315, 21, 3",
			"Rule_OtherCategories_P          , RAW_MATERIAL ,  150001,  500000.999,  315, 21, 3",
			"Rule_OtherCategories_Q          , RAW_MATERIAL ,  500001,     5000000,  315, 21, 3" })
	void answersEachRowsPlanAtBothEndsOfItsLotRange(String rule, String category, BigDecimal smallest,
			BigDecimal largest, int sampleSize, int acceptanceNumber, int reworkLimit) {
		for (BigDecimal lot : List.of(smallest, largest)) {
			matched.clear();
			assertThat(plan(category, lot)).as("lot %s", lot)
				.containsExactly(sampleSize, acceptanceNumber, reworkLimit);
			assertThat(matched).as("lot %s", lot).containsExactly(rule);
		}
	}

	@Test
	void hasACaseForEveryRowAndARowForEveryCase() throws NoSuchMethodException {
		Set<String> rows = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()
			.stream()
			.map((rule) -> rule.getId())
			.collect(Collectors.toCollection(TreeSet::new));
		CsvSource cases = getClass()
			.getDeclaredMethod("answersEachRowsPlanAtBothEndsOfItsLotRange", String.class, String.class,
					BigDecimal.class, BigDecimal.class, int.class, int.class, int.class)
			.getAnnotation(CsvSource.class);
		Set<String> tested = Arrays.stream(cases.value())
			.map((line) -> line.split(",")[0].trim())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(rows).hasSize(48).isEqualTo(tested);
	}

	@ParameterizedTest(name = "{0} is sampled like raw material")
	@ValueSource(strings = { "RAW_MATERIAL", "PACKAGING", "CONSUMABLE", "EQUIPMENT", "OTHER", "SOMETHING_NEW" })
	void samplesEveryOtherCategoryAtAqlFour(String category) {
		assertThat(plan(category, 300)).containsExactly(50, 5, 3);
		assertThat(matched).containsExactly("Rule_OtherCategories_H");
	}

	@Test
	void samplesAProductWithoutCategoryAtAqlFour() {
		assertThat(plan(null, 300)).containsExactly(50, 5, 3);
	}

	@Test
	void tightensFinishedGoodsAgainstComponentsAndOthersOnTheSameLot() {
		assertThat(plan("FINISHED_GOOD", 1000)).containsExactly(80, 2, 2);
		assertThat(plan("COMPONENT", 1000)).containsExactly(80, 5, 3);
		assertThat(plan("RAW_MATERIAL", 1000)).containsExactly(80, 7, 3);
	}

	@ParameterizedTest(name = "lot {1} of {0} -> sample {2}")
	@CsvSource({ "FINISHED_GOOD, 150, 13", "FINISHED_GOOD, 150.5, 13", "FINISHED_GOOD, 151, 50", "COMPONENT, 50, 5",
			"COMPONENT, 51, 20", "RAW_MATERIAL, 25, 3", "RAW_MATERIAL, 26, 13", "RAW_MATERIAL, 8.999, 3",
			"FINISHED_GOOD, 1.999, 1", "FINISHED_GOOD, 2, 13", "FINISHED_GOOD, 500000, 800",
			"FINISHED_GOOD, 500001, 1250" })
	void switchesPlansExactlyAtTheEdgesOfTheLotRanges(String category, BigDecimal lot, int sampleSize) {
		assertThat(plan(category, lot).get(0)).isEqualTo(sampleSize);
		assertThat(matched).hasSize(1);
	}

	@Test
	void acceptsTheLotAsTheWholeNumbersAndDecimalsTheProcessPasses() {
		assertThat(plan("COMPONENT", 120)).containsExactly(20, 1, 3);
		assertThat(plan("COMPONENT", 120L)).containsExactly(20, 1, 3);
		assertThat(plan("COMPONENT", 120.0)).containsExactly(20, 1, 3);
		assertThat(plan("COMPONENT", new BigDecimal("120.000"))).containsExactly(20, 1, 3);
	}

	@ParameterizedTest(name = "no plan for a lot of {0}")
	@ValueSource(strings = { "0", "-1", "-0.001" })
	void hasNoPlanForAnEmptyOrNegativeLot(BigDecimal lot) {
		assertThat(decide("FINISHED_GOOD", lot).getSingleResult()).isNull();
		assertThat(decide("OTHER", lot).getSingleResult()).isNull();
	}

}
