package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.workflow.ProcessVersions.Activity;
import kz.prometric.erp.workflow.ProcessVersions.ActivityChanges;
import kz.prometric.erp.workflow.ProcessVersions.ChangedRule;
import kz.prometric.erp.workflow.ProcessVersions.FieldChanges;
import kz.prometric.erp.workflow.ProcessVersions.RenamedActivity;
import kz.prometric.erp.workflow.ProcessVersions.Rule;
import kz.prometric.erp.workflow.ProcessVersions.RuleChanges;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputClause;
import org.camunda.bpm.model.dmn.instance.OutputClause;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * What changed in one definition between two files: the rows of a decision table, the
 * activities of a process, the fields of a form. Pure functions of the two files'
 * contents; a file that cannot be read gives no detail ({@code null}), never an error
 * (the audit must not stop a deployment the engine accepted).
 */
final class DefinitionDiffs {

	private DefinitionDiffs() {
	}

	/**
	 * The rows of decision {@code key}'s table: a row is its input entries and output
	 * entries. Rows found in both files unchanged are left out; a row whose inputs are
	 * found in the other file with other outputs (or, failing that, whose rule id is) is
	 * changed; the rest is added or removed. {@code orderChanged} tells that the rows
	 * both files have stand in another order (which matters for hit policy FIRST).
	 */
	static RuleChanges rules(byte[] before, byte[] after, String key) {
		Table old = table(before, key);
		Table now = table(after, key);
		if (now == null) {
			return null;
		}
		List<Rule> removed = new ArrayList<>((old != null) ? old.rules() : List.of());
		List<Rule> added = new ArrayList<>(now.rules());
		// rows in both, unchanged
		for (Iterator<Rule> it = added.iterator(); it.hasNext();) {
			Rule row = it.next();
			Rule same = removed.stream().filter(r -> sameRow(r, row)).findFirst().orElse(null);
			if (same != null) {
				removed.remove(same);
				it.remove();
			}
		}
		List<String> oldCommon = common(old, now);
		List<String> newCommon = common(now, old);
		List<ChangedRule> changed = new ArrayList<>();
		pair(removed, added, changed, (a, b) -> a.inputEntries().equals(b.inputEntries()));
		pair(removed, added, changed, (a, b) -> a.id() != null && a.id().equals(b.id()));
		return new RuleChanges((old != null) ? old.hitPolicy() : null, now.hitPolicy(), now.inputs(), now.outputs(),
				added, removed, changed, !oldCommon.equals(newCommon));
	}

	/**
	 * The activities of process {@code key} (also inside sub-processes) added, removed or
	 * renamed, by id.
	 */
	static ActivityChanges activities(byte[] before, byte[] after, String key) {
		Map<String, Activity> old = activitiesOf(before, key);
		Map<String, Activity> now = activitiesOf(after, key);
		if (now == null) {
			return null;
		}
		Map<String, Activity> was = (old != null) ? old : Map.of();
		List<Activity> added = now.values().stream().filter(a -> !was.containsKey(a.id())).toList();
		List<Activity> removed = was.values().stream().filter(a -> !now.containsKey(a.id())).toList();
		List<RenamedActivity> renamed = now.values()
			.stream()
			.filter(a -> was.containsKey(a.id()) && !Objects.equals(was.get(a.id()).name(), a.name()))
			.map(a -> new RenamedActivity(a.id(), was.get(a.id()).name(), a.name()))
			.toList();
		return new ActivityChanges(added, removed, renamed);
	}

	/** The keys of a form's fields added or removed. */
	static FieldChanges fields(ObjectMapper mapper, byte[] before, byte[] after) {
		Set<String> old = fieldsOf(mapper, before);
		Set<String> now = fieldsOf(mapper, after);
		if (now == null) {
			return null;
		}
		Set<String> was = (old != null) ? old : Set.of();
		return new FieldChanges(now.stream().filter(f -> !was.contains(f)).toList(),
				was.stream().filter(f -> !now.contains(f)).toList());
	}

	/** One line for a list: "1 row changed, 2 added", "activities: 1 added". */
	static String summary(ProcessVersions.DefinitionChange change) {
		List<String> parts = new ArrayList<>();
		if (change.rules() != null) {
			count(parts, change.rules().changed().size(), "row changed", "rows changed");
			count(parts, change.rules().added().size(), "row added", "rows added");
			count(parts, change.rules().removed().size(), "row removed", "rows removed");
			if (change.rules().orderChanged()) {
				parts.add("rows reordered");
			}
			if (!Objects.equals(change.rules().hitPolicyBefore(), change.rules().hitPolicyAfter())
					&& change.rules().hitPolicyBefore() != null) {
				parts.add("hit policy " + change.rules().hitPolicyBefore() + " \u2192 "
						+ change.rules().hitPolicyAfter());
			}
		}
		if (change.activities() != null) {
			count(parts, change.activities().added().size(), "activity added", "activities added");
			count(parts, change.activities().removed().size(), "activity removed", "activities removed");
			count(parts, change.activities().renamed().size(), "activity renamed", "activities renamed");
		}
		if (change.fields() != null) {
			count(parts, change.fields().added().size(), "field added", "fields added");
			count(parts, change.fields().removed().size(), "field removed", "fields removed");
		}
		String detail = parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
		return switch (change.status()) {
			case ProcessVersions.ADDED -> "new" + detail;
			case ProcessVersions.BACK_TO_DEFAULT -> "back to the shared default" + detail;
			case ProcessVersions.CHANGED ->
				(change.after() != null && change.after().own() && (change.before() == null || !change.before().own())
						? "own version instead of the shared default" : "changed") + detail;
			default -> "unchanged";
		};
	}

	private static void count(List<String> parts, int n, String one, String many) {
		if (n > 0) {
			parts.add(n + " " + ((n == 1) ? one : many));
		}
	}

	private static void pair(List<Rule> removed, List<Rule> added, List<ChangedRule> changed,
			java.util.function.BiPredicate<Rule, Rule> match) {
		for (Iterator<Rule> it = removed.iterator(); it.hasNext();) {
			Rule was = it.next();
			Rule now = added.stream().filter(r -> match.test(was, r)).findFirst().orElse(null);
			if (now != null) {
				added.remove(now);
				it.remove();
				changed.add(new ChangedRule(was, now));
			}
		}
	}

	/** The rows of {@code table} the other table has too, in {@code table}'s order. */
	private static List<String> common(Table table, Table other) {
		if (table == null || other == null) {
			return List.of();
		}
		return table.rules()
			.stream()
			.filter(r -> other.rules().stream().anyMatch(o -> sameRow(o, r)))
			.map(DefinitionDiffs::signature)
			.toList();
	}

	private static boolean sameRow(Rule a, Rule b) {
		return a.inputEntries().equals(b.inputEntries()) && a.outputEntries().equals(b.outputEntries());
	}

	private static String signature(Rule rule) {
		return String.join("\u0000", rule.inputEntries()) + "\u0001" + String.join("\u0000", rule.outputEntries());
	}

	private record Table(String hitPolicy, List<String> inputs, List<String> outputs, List<Rule> rules) {
	}

	private static Table table(byte[] bytes, String key) {
		if (bytes == null) {
			return null;
		}
		try {
			var model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
			if (!(model.getModelElementById(key) instanceof Decision decision)
					|| !(decision.getExpression() instanceof DecisionTable table)) {
				return null;
			}
			List<String> inputs = table.getInputs().stream().map(DefinitionDiffs::label).toList();
			List<String> outputs = table.getOutputs().stream().map(DefinitionDiffs::label).toList();
			List<Rule> rules = table.getRules()
				.stream()
				.map(rule -> new Rule(rule.getId(),
						rule.getInputEntries().stream().map(e -> text(e.getText())).toList(),
						rule.getOutputEntries().stream().map(e -> text(e.getText())).toList(),
						(rule.getDescription() != null) ? rule.getDescription().getTextContent().strip() : null))
				.toList();
			return new Table((table.getHitPolicy() != null) ? table.getHitPolicy().name() : "UNIQUE", inputs, outputs,
					rules);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String label(InputClause input) {
		if (input.getLabel() != null && !input.getLabel().isBlank()) {
			return input.getLabel();
		}
		return (input.getInputExpression() != null) ? text(input.getInputExpression().getText()) : input.getId();
	}

	private static String label(OutputClause output) {
		if (output.getLabel() != null && !output.getLabel().isBlank()) {
			return output.getLabel();
		}
		return (output.getName() != null) ? output.getName() : output.getId();
	}

	private static String text(Text text) {
		return (text != null && text.getTextContent() != null) ? text.getTextContent().strip() : "";
	}

	private static Map<String, Activity> activitiesOf(byte[] bytes, String key) {
		if (bytes == null) {
			return null;
		}
		try {
			BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
			if (!(model.getModelElementById(key) instanceof Process process)) {
				return null;
			}
			Map<String, Activity> activities = new LinkedHashMap<>();
			collect(process.getFlowElements(), activities);
			return activities;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void collect(Collection<FlowElement> elements, Map<String, Activity> into) {
		for (FlowElement element : elements) {
			if (element instanceof org.camunda.bpm.model.bpmn.instance.Activity) {
				into.put(element.getId(),
						new Activity(element.getId(), element.getName(), element.getElementType().getTypeName()));
			}
			if (element instanceof SubProcess sub) {
				collect(sub.getFlowElements(), into);
			}
		}
	}

	private static Set<String> fieldsOf(ObjectMapper mapper, byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		try {
			Set<String> keys = new LinkedHashSet<>();
			collect(mapper.readTree(bytes), keys);
			return keys;
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static void collect(JsonNode node, Set<String> keys) {
		JsonNode components = node.path("components");
		for (JsonNode component : components) {
			if (component.path("key").isTextual()) {
				keys.add(component.path("key").asText());
			}
			collect(component, keys);
		}
	}

}
