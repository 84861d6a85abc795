package kz.prometric.erp.workflow;

import java.io.InputStream;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The engine's DMN engine with a cache of results for the decision tables whose result
 * depends on nothing but their inputs: every input is a plain variable, and every input
 * entry and output entry is a literal (numbers, strings, booleans, ranges, dates,
 * {@code not(...)}, {@code -}), so no entry reads another variable or the clock
 * ({@code today()}, {@code now()}). For such a table the same deployed version and the
 * same input values always give the same result; the cache answers from the second
 * evaluation on. Every other decision is evaluated as before.
 *
 * <p>
 * Why: the FEEL engine builds its whole library of built-in functions for every unary
 * test it evaluates, so a 23-rule table with three inputs (deal probability, on each deal
 * creation and stage change) cost about 10 % of the order-to-cash benchmark's CPU
 * (docs/benchmarks.md). Nothing observable changes: the key is the decision definition's
 * id, so a new version (a redeployment, a workspace's own table) is a new key, and at the
 * shipped history level ({@code audit}) the engine writes no history for decision
 * evaluations. The engine's decision metrics count only real evaluations.
 */
final class DecisionResultCache implements DmnEngine {

	/** Distinct input combinations kept (least recently used go first). */
	static final int MAX_ENTRIES = 10_000;

	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*");

	/** Words a literal entry may contain: FEEL's literals and literal constructors. */
	private static final Set<String> LITERAL_WORDS = Set.of("not", "true", "false", "null", "date", "time", "and",
			"duration");

	private final DmnEngine engine;

	/** Per decision definition id: the input variables, or empty when not cacheable. */
	private final Map<String, Optional<List<String>>> inputsByDefinition = new ConcurrentHashMap<>();

	private final Map<Key, DmnDecisionResult> results = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, DmnDecisionResult> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	private final AtomicLong hits = new AtomicLong();

	DecisionResultCache(DmnEngine engine) {
		this.engine = engine;
	}

	@Override
	public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variables) {
		Key key = key(decision, variables);
		if (key == null) {
			return this.engine.evaluateDecision(decision, variables);
		}
		DmnDecisionResult cached;
		synchronized (this.results) {
			cached = this.results.get(key);
		}
		if (cached != null) {
			this.hits.incrementAndGet();
			return copy(cached);
		}
		DmnDecisionResult result = this.engine.evaluateDecision(decision, variables);
		synchronized (this.results) {
			this.results.put(key, copy(result));
		}
		return result;
	}

	@Override
	public DmnDecisionResult evaluateDecision(DmnDecision decision, Map<String, Object> variables) {
		return evaluateDecision(decision, Variables.fromMap(variables).asVariableContext());
	}

	/** Evaluations answered from the cache so far (for tests and diagnostics). */
	long hits() {
		return this.hits.get();
	}

	private Key key(DmnDecision decision, VariableContext variables) {
		if (!(decision instanceof DecisionDefinition definition) || definition.getId() == null) {
			return null;
		}
		List<String> inputs = this.inputsByDefinition.computeIfAbsent(definition.getId(), (id) -> inputsOf(decision))
			.orElse(null);
		if (inputs == null) {
			return null;
		}
		Object[] values = new Object[inputs.size()];
		for (int i = 0; i < values.length; i++) {
			TypedValue value = variables.resolve(inputs.get(i));
			Object plain = (value != null) ? value.getValue() : null;
			if (plain != null && !(plain instanceof String || plain instanceof Number || plain instanceof Boolean
					|| plain instanceof Date || plain instanceof Temporal)) {
				return null;
			}
			values[i] = plain;
		}
		return new Key(definition.getId(), Arrays.asList(values));
	}

	/**
	 * The variables a decision table reads, when its result depends on them alone; empty
	 * otherwise.
	 */
	static Optional<List<String>> inputsOf(DmnDecision decision) {
		if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)
				|| !decision.getRequiredDecisions().isEmpty()) {
			return Optional.empty();
		}
		List<String> inputs = new ArrayList<>();
		for (DmnDecisionTableInputImpl input : table.getInputs()) {
			DmnExpressionImpl expression = input.getExpression();
			if (expression == null || !isFeel(expression) || expression.getExpression() == null
					|| !VARIABLE.matcher(expression.getExpression().trim()).matches()) {
				return Optional.empty();
			}
			inputs.add(expression.getExpression().trim());
		}
		for (DmnDecisionTableRuleImpl rule : table.getRules()) {
			if (!allLiteral(rule.getConditions()) || !allLiteral(rule.getConclusions())) {
				return Optional.empty();
			}
		}
		return Optional.of(List.copyOf(inputs));
	}

	private static boolean allLiteral(Collection<DmnExpressionImpl> expressions) {
		for (DmnExpressionImpl expression : expressions) {
			if (expression == null || expression.getExpression() == null || expression.getExpression().isBlank()) {
				continue;
			}
			if (!isFeel(expression)) {
				return false;
			}
			String withoutStrings = STRING_LITERAL.matcher(expression.getExpression()).replaceAll("\"\"");
			if (withoutStrings.replace("\"\"", "").contains("\"")) {
				return false; // an unterminated string: the engine reports it
			}
			Matcher words = WORD.matcher(withoutStrings);
			while (words.find()) {
				if (!LITERAL_WORDS.contains(words.group())) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean isFeel(DmnExpressionImpl expression) {
		String language = expression.getExpressionLanguage();
		return language == null || language.toLowerCase().contains("feel");
	}

	private static DmnDecisionResult copy(DmnDecisionResult result) {
		List<DmnDecisionResultEntries> rows = new ArrayList<>(result.size());
		for (DmnDecisionResultEntries row : result) {
			DmnDecisionResultEntriesImpl copy = new DmnDecisionResultEntriesImpl();
			copy.putAllValues(row.getEntryMapTyped());
			rows.add(copy);
		}
		return new DmnDecisionResultImpl(rows);
	}

	private record Key(String definitionId, List<Object> inputs) {
	}

	// everything else as the engine's own DMN engine does it

	@Override
	public DmnEngineConfiguration getConfiguration() {
		return this.engine.getConfiguration();
	}

	@Override
	public List<DmnDecision> parseDecisions(InputStream inputStream) {
		return this.engine.parseDecisions(inputStream);
	}

	@Override
	public List<DmnDecision> parseDecisions(DmnModelInstance dmnModelInstance) {
		return this.engine.parseDecisions(dmnModelInstance);
	}

	@Override
	public DmnDecision parseDecision(String decisionKey, InputStream inputStream) {
		return this.engine.parseDecision(decisionKey, inputStream);
	}

	@Override
	public DmnDecision parseDecision(String decisionKey, DmnModelInstance dmnModelInstance) {
		return this.engine.parseDecision(decisionKey, dmnModelInstance);
	}

	@Override
	public DmnDecisionRequirementsGraph parseDecisionRequirementsGraph(InputStream inputStream) {
		return this.engine.parseDecisionRequirementsGraph(inputStream);
	}

	@Override
	public DmnDecisionRequirementsGraph parseDecisionRequirementsGraph(DmnModelInstance dmnModelInstance) {
		return this.engine.parseDecisionRequirementsGraph(dmnModelInstance);
	}

	@Override
	public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, Map<String, Object> variables) {
		return this.engine.evaluateDecisionTable(decision, variables);
	}

	@Override
	public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, VariableContext variableContext) {
		return this.engine.evaluateDecisionTable(decision, variableContext);
	}

	@Override
	public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, InputStream inputStream,
			Map<String, Object> variables) {
		return this.engine.evaluateDecisionTable(decisionKey, inputStream, variables);
	}

	@Override
	public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, InputStream inputStream,
			VariableContext variableContext) {
		return this.engine.evaluateDecisionTable(decisionKey, inputStream, variableContext);
	}

	@Override
	public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, DmnModelInstance dmnModelInstance,
			Map<String, Object> variables) {
		return this.engine.evaluateDecisionTable(decisionKey, dmnModelInstance, variables);
	}

	@Override
	public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, DmnModelInstance dmnModelInstance,
			VariableContext variableContext) {
		return this.engine.evaluateDecisionTable(decisionKey, dmnModelInstance, variableContext);
	}

	@Override
	public DmnDecisionResult evaluateDecision(String decisionKey, InputStream inputStream,
			Map<String, Object> variables) {
		return this.engine.evaluateDecision(decisionKey, inputStream, variables);
	}

	@Override
	public DmnDecisionResult evaluateDecision(String decisionKey, InputStream inputStream,
			VariableContext variableContext) {
		return this.engine.evaluateDecision(decisionKey, inputStream, variableContext);
	}

	@Override
	public DmnDecisionResult evaluateDecision(String decisionKey, DmnModelInstance dmnModelInstance,
			Map<String, Object> variables) {
		return this.engine.evaluateDecision(decisionKey, dmnModelInstance, variables);
	}

	@Override
	public DmnDecisionResult evaluateDecision(String decisionKey, DmnModelInstance dmnModelInstance,
			VariableContext variableContext) {
		return this.engine.evaluateDecision(decisionKey, dmnModelInstance, variableContext);
	}

}
