package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.workflow.ProcessVersions.ActivityChanges;
import kz.prometric.erp.workflow.ProcessVersions.DefinitionChange;
import kz.prometric.erp.workflow.ProcessVersions.FieldChanges;
import kz.prometric.erp.workflow.ProcessVersions.Rule;
import kz.prometric.erp.workflow.ProcessVersions.RuleChanges;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison a deployment record shows, on the shipped files changed as a process
 * owner would change them.
 */
class DefinitionDiffsTests {

	static final String TABLE = "dmn/deal-probability.dmn";

	@Test
	void findsAChangedRowByItsInputs() throws IOException {
		RuleChanges changes = DefinitionDiffs.rules(shipped(TABLE), ModelerUploads.changedProbabilityTable(),
				"deal-probability");

		assertThat(changes.added()).isEmpty();
		assertThat(changes.removed()).isEmpty();
		assertThat(changes.changed()).singleElement().satisfies(row -> {
			assertThat(row.before().id()).isEqualTo("Rule_NewMediumCompany");
			assertThat(row.before().outputEntries()).containsExactly("10");
			assertThat(row.after().outputEntries()).containsExactly("33");
			assertThat(row.after().inputEntries()).containsExactly("\"NEW\"", "[1000000..10000000[", "\"COMPANY\"");
		});
		assertThat(changes.orderChanged()).isFalse();
		assertThat(changes.hitPolicyAfter()).isEqualTo("FIRST");
		assertThat(changes.inputs()).containsExactly("Stage", "Deal value", "Customer type");
	}

	@Test
	void tellsAddedAndRemovedRowsAndAnotherOrder() throws IOException {
		String table = new String(shipped(TABLE), StandardCharsets.UTF_8);
		String lost = between(table, "<rule id=\"Rule_LostAlways\">", "</rule>");
		String won = between(table, "<rule id=\"Rule_WonAlways\">", "</rule>");
		// the lost row moves before the won row, and a new row replaces nothing
		String changed = table.replace(won + "\n", "")
			.replace(lost, lost + "\n      " + won)
			.replace("<rule id=\"Rule_NewSmallCompany\">",
					"<rule id=\"Rule_Vip\"><inputEntry id=\"I1\"><text>\"VIP\"</text></inputEntry>"
							+ "<inputEntry id=\"I2\"><text>-</text></inputEntry><inputEntry id=\"I3\"><text>-</text>"
							+ "</inputEntry><outputEntry id=\"O1\"><text>90</text></outputEntry></rule>\n"
							+ "      <rule id=\"Rule_NewSmallCompany\">");
		RuleChanges reordered = DefinitionDiffs.rules(shipped(TABLE), changed.getBytes(StandardCharsets.UTF_8),
				"deal-probability");

		assertThat(reordered.orderChanged()).isTrue();
		assertThat(reordered.changed()).isEmpty();
		assertThat(reordered.removed()).isEmpty();
		assertThat(reordered.added()).extracting(Rule::id).containsExactly("Rule_Vip");
		assertThat(reordered.added().get(0).inputEntries()).containsExactly("\"VIP\"", "-", "-");

		RuleChanges back = DefinitionDiffs.rules(changed.getBytes(StandardCharsets.UTF_8), shipped(TABLE),
				"deal-probability");
		assertThat(back.removed()).extracting(Rule::id).containsExactly("Rule_Vip");
		assertThat(DefinitionDiffs.summary(change("decision", back))).contains("1 row removed", "rows reordered");
	}

	@Test
	void listsActivitiesAddedRemovedAndRenamed() throws IOException {
		String process = new String(shipped("processes/deal-lifecycle.bpmn"), StandardCharsets.UTF_8);
		String changed = process.replace("name=\"Qualify deal\"", "name=\"Qualify\"")
			.replace("Task_NegotiateDeal\"", "Task_NegotiateHard\"");

		ActivityChanges changes = DefinitionDiffs.activities(process.getBytes(StandardCharsets.UTF_8),
				changed.getBytes(StandardCharsets.UTF_8), "deal-lifecycle");

		assertThat(changes.renamed()).singleElement().satisfies(r -> {
			assertThat(r.id()).isEqualTo("Task_QualifyDeal");
			assertThat(r.nameAfter()).isEqualTo("Qualify");
		});
		assertThat(changes.added()).extracting(ProcessVersions.Activity::id).containsExactly("Task_NegotiateHard");
		assertThat(changes.removed()).extracting(ProcessVersions.Activity::id).containsExactly("Task_NegotiateDeal");
		assertThat(changes.added().get(0).type()).isEqualTo("userTask");
	}

	@Test
	void listsFormFieldsAddedAndRemoved() {
		byte[] before = """
				{"id":"f","components":[{"key":"a","type":"textfield"},{"type":"group","components":[{"key":"b"}]}]}"""
			.getBytes(StandardCharsets.UTF_8);
		byte[] after = """
				{"id":"f","components":[{"key":"a","type":"textfield"},{"key":"c"}]}"""
			.getBytes(StandardCharsets.UTF_8);

		FieldChanges changes = DefinitionDiffs.fields(new ObjectMapper(), before, after);

		assertThat(changes.added()).containsExactly("c");
		assertThat(changes.removed()).containsExactly("b");
	}

	@Test
	void givesNoDetailForAFileItCannotRead() throws IOException {
		assertThat(
				DefinitionDiffs.rules(shipped(TABLE), "<not dmn".getBytes(StandardCharsets.UTF_8), "deal-probability"))
			.isNull();
		assertThat(DefinitionDiffs.rules(shipped(TABLE), shipped(TABLE), "no-such-decision")).isNull();
		assertThat(DefinitionDiffs.activities(null, "x".getBytes(StandardCharsets.UTF_8), "p")).isNull();
		// a new table: every row added
		assertThat(DefinitionDiffs.rules(null, shipped(TABLE), "deal-probability").added()).hasSize(23);
	}

	private static DefinitionChange change(String kind, RuleChanges rules) {
		return new DefinitionChange(kind, "k", ProcessVersions.CHANGED, null, null, rules, null, null);
	}

	private static byte[] shipped(String file) throws IOException {
		return Files.readAllBytes(Path.of(file));
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return text.substring(from, text.indexOf(end, from) + end.length());
	}

}
