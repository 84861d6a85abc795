package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.stereotype.Component;

/**
 * What a deployment must satisfy beyond being safe ({@link WorkspaceDeployments#unsafe}),
 * checked by {@link DeploymentGuard} on the files a deployment brings, with every reason
 * listed:
 * <ul>
 * <li><b>beans</b>: an expression may name only the beans {@link ProcessBeans} allows;
 * other names are process variables;</li>
 * <li><b>the process's contract</b> ({@link ProcessContract}, registered by the module
 * owning the process): its messages, user tasks and variables are still there, and a file
 * named like a shared default still defines the default's processes and decisions;</li>
 * <li><b>lint</b>: bpmnlint's recommended error rules ({@link BpmnLint});</li>
 * <li><b>forms</b>: every form a user task or start event names is in the deployment
 * (binding {@code deployment}) or among the shared forms;</li>
 * <li><b>decision tables</b> (a workspace's own version): the default's outputs are kept,
 * inputs are only those the default reads (the code gives nothing else), and the hit
 * policy is the default's.</li>
 * </ul>
 */
@Component
class DeploymentChecks {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([A-Za-z_$][\\w$]*)(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
			"false", "null", "empty", "div", "mod", "instanceof");

	/** Names the engine itself puts into an expression's scope. */
	private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask",
			"variableScope", "authenticatedUserId");

	private final ProcessBeans beans;

	private final Map<String, ProcessContract> contracts = new LinkedHashMap<>();

	private final WorkspaceDeployments deployments;

	private final ObjectMapper mapper;

	DeploymentChecks(ProcessBeans beans, List<ProcessContract> contracts, WorkspaceDeployments deployments,
			ObjectMapper mapper) {
		this.beans = beans;
		contracts.forEach(contract -> this.contracts.put(contract.key(), contract));
		this.deployments = deployments;
		this.mapper = mapper;
	}

	/**
	 * The reasons to refuse {@code sent} (the files the deployment brings), given the
	 * deployment's whole set {@code whole} (sent and carried); for a workspace's own
	 * version also its decision tables against the shared defaults.
	 */
	List<String> reasons(Map<String, byte[]> sent, Map<String, byte[]> whole, boolean workspace) {
		Set<String> reasons = new LinkedHashSet<>();
		Map<String, byte[]> shared = this.deployments.sharedFiles();
		Map<String, JsonNode> forms = forms(whole);
		Set<String> sharedForms = new HashSet<>();
		shared.forEach((key, bytes) -> {
			if (key.startsWith("F:")) {
				sharedForms.add(key.substring(2, key.indexOf('@')));
			}
		});
		sent.forEach((name, bytes) -> {
			if (WorkspaceDeployments.isBpmn(name)) {
				BpmnModelInstance model = parse(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
				if (model != null) {
					bpmn(name, bytes, model, forms, sharedForms, whole.keySet(), shared, reasons);
				}
			}
			else if (workspace && WorkspaceDeployments.isDmn(name)) {
				DmnModelInstance model = parse(() -> Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
				if (model != null) {
					dmn(name, model, shared, reasons);
				}
			}
		});
		return List.copyOf(reasons);
	}

	private void bpmn(String file, byte[] bytes, BpmnModelInstance model, Map<String, JsonNode> forms,
			Set<String> sharedForms, Set<String> resources, Map<String, byte[]> shared, Collection<String> reasons) {
		BpmnLint.problems(model).forEach(problem -> reasons.add(file + ": " + problem));
		Set<String> processKeys = new LinkedHashSet<>();
		model.getModelElementsByType(Process.class).forEach(p -> processKeys.add(p.getId()));
		keptKeys(file, "process", "P:", processKeys, shared, reasons);
		Map<String, Element> elements = processElements(bytes);
		for (Process process : model.getModelElementsByType(Process.class)) {
			Set<String> names = new HashSet<>();
			if (elements.containsKey(process.getId())) {
				walk(file, elements.get(process.getId()), names, reasons);
			}
			Set<String> formIds = formsOf(file, process, forms, sharedForms, resources, reasons);
			formIds.forEach(id -> fieldKeys(forms.get(id), names));
			ProcessContract contract = this.contracts.get(process.getId());
			if (contract != null) {
				contract(file, process, contract, names, reasons);
			}
		}
	}

	/** Expressions' beans, and the names a process uses (variables and parameters). */
	private void walk(String file, Element element, Set<String> names, Collection<String> reasons) {
		String id = element.hasAttribute("id") ? element.getAttribute("id") : element.getLocalName();
		for (String attribute : List.of("name", "target", "source", "elementVariable", "collection", "variables")) {
			if (CAMUNDA_NS.equals(element.getNamespaceURI()) && element.hasAttribute(attribute)) {
				names.add(element.getAttribute(attribute));
			}
			if (element.hasAttributeNS(CAMUNDA_NS, attribute)) {
				names.add(element.getAttributeNS(CAMUNDA_NS, attribute));
			}
		}
		List<String> texts = new ArrayList<>();
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			texts.add(attributes.item(i).getNodeValue());
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				texts.add(child.getNodeValue());
			}
		}
		for (String text : texts) {
			Matcher expression = WorkspaceDeployments.EXPRESSION.matcher(text);
			while (expression.find()) {
				identifiers(expression.group(1)).forEach(name -> {
					if (this.beans.isBean(name) && !this.beans.allowed().contains(name)) {
						reasons.add(file + ": " + id + " calls the bean '" + name + "'; expressions may call only the "
								+ "application's delegate and listener beans and " + ProcessBeans.LOOKUP
								+ ", and read process variables");
					}
					names.add(name);
				});
			}
		}
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				walk(file, child, names, reasons);
			}
		}
	}

	/** The names an expression reads at its top level (not properties, not functions). */
	static Set<String> identifiers(String expression) {
		String bare = STRING.matcher(expression).replaceAll("''");
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(bare);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (matcher.group(2) == null && !KEYWORDS.contains(name) && !ENGINE_NAMES.contains(name)) {
				found.add(name);
			}
		}
		return found;
	}

	private Set<String> formsOf(String file, Process process, Map<String, JsonNode> forms, Set<String> sharedForms,
			Set<String> resources, Collection<String> reasons) {
		Set<String> used = new LinkedHashSet<>();
		Collection<ModelElementInstance> elements = new ArrayList<>(
				process.getModelInstance().getModelElementsByType(UserTask.class));
		process.getModelInstance()
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)
			.forEach(elements::add);
		for (ModelElementInstance element : elements) {
			String id = element.getAttributeValue("id");
			String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
			String binding = element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
			String formKey = element.getAttributeValueNs(CAMUNDA_NS, "formKey");
			if (formRef != null && !formRef.contains("${")) {
				boolean inDeployment = forms.containsKey(formRef);
				if (!inDeployment && ("deployment".equals(binding) || !sharedForms.contains(formRef))) {
					reasons.add(file + ": " + id + " shows the form '" + formRef + "', which "
							+ ("deployment".equals(binding) ? "the deployment does not hold" : "does not exist")
							+ "; deploy the form with the process");
				}
				used.add(formRef);
			}
			if (formKey != null && formKey.startsWith("camunda-forms:deployment:")) {
				String resource = formKey.substring("camunda-forms:deployment:".length());
				if (!resources.contains(resource)) {
					reasons.add(file + ": " + id + " shows the form file '" + resource
							+ "', which the deployment does not hold");
				}
				forms.entrySet()
					.stream()
					.filter(e -> resource.equals(e.getValue().path("$resource").asText()))
					.forEach(e -> used.add(e.getKey()));
			}
		}
		return used;
	}

	private static void contract(String file, Process process, ProcessContract contract, Set<String> names,
			Collection<String> reasons) {
		Set<String> messages = new HashSet<>();
		process.getModelInstance().getModelElementsByType(MessageEventDefinition.class).forEach(definition -> {
			if (definition.getMessage() != null && definition.getMessage().getName() != null) {
				messages.add(definition.getMessage().getName());
			}
		});
		process.getModelInstance().getModelElementsByType(ReceiveTask.class).forEach(task -> {
			if (task.getMessage() != null && task.getMessage().getName() != null) {
				messages.add(task.getMessage().getName());
			}
		});
		Set<String> userTasks = new HashSet<>();
		process.getModelInstance().getModelElementsByType(UserTask.class).forEach(task -> userTasks.add(task.getId()));
		String what = file + ": process '" + contract.key() + "' ";
		contract.messages()
			.stream()
			.filter(m -> !messages.contains(m))
			.sorted()
			.forEach(m -> reasons.add(what + "no longer receives the message '" + m
					+ "', which the ERP sends to its instances (keep an event with this message name)"));
		contract.userTasks()
			.stream()
			.filter(t -> !userTasks.contains(t))
			.sorted()
			.forEach(t -> reasons.add(what + "no longer has the user task '" + t
					+ "', which the ERP looks its tasks up by (keep the task's id)"));
		contract.variables()
			.stream()
			.filter(v -> !names.contains(v))
			.sorted()
			.forEach(v -> reasons.add(what + "no longer sets the variable '" + v
					+ "', which the ERP reads (keep the form field or parameter of that name)"));
	}

	/**
	 * A file named like a shared default (by file name) still defines the default's
	 * definitions of that kind.
	 */
	private static void keptKeys(String file, String kind, String prefix, Set<String> defined,
			Map<String, byte[]> shared, Collection<String> reasons) {
		String base = baseName(file);
		for (String key : sharedKeysOfFile(base, prefix, shared)) {
			if (!defined.contains(key)) {
				reasons.add(file + ": no longer defines the " + kind + " '" + key + "' the shared " + base
						+ " defines; keep its id (the ERP starts and evaluates it by this key)");
			}
		}
	}

	private static Set<String> sharedKeysOfFile(String base, String prefix, Map<String, byte[]> shared) {
		Set<String> keys = new LinkedHashSet<>();
		shared.forEach((key, bytes) -> {
			if (key.startsWith(prefix) && key.contains("@")
					&& baseName(key.substring(key.indexOf('@') + 1)).equals(base)) {
				keys.add(key.substring(prefix.length(), key.indexOf('@')));
			}
		});
		return keys;
	}

	private void dmn(String file, DmnModelInstance model, Map<String, byte[]> shared, Collection<String> reasons) {
		Set<String> defined = new LinkedHashSet<>();
		model.getModelElementsByType(Decision.class).forEach(d -> defined.add(d.getId()));
		keptKeys(file, "decision", "D:", defined, shared, reasons);
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			byte[] defaultFile = sharedFile(shared, "D:" + decision.getId());
			if (defaultFile == null || !(decision.getExpression() instanceof DecisionTable table)) {
				continue;
			}
			DmnModelInstance defaults = parse(() -> Dmn.readModelFromStream(new ByteArrayInputStream(defaultFile)));
			if (defaults == null || !(defaults.getModelElementById(decision.getId()) instanceof Decision original)
					|| !(original.getExpression() instanceof DecisionTable originalTable)) {
				continue;
			}
			String what = file + ": decision '" + decision.getId() + "' ";
			Set<String> outputs = outputs(table);
			outputs(originalTable).stream()
				.filter(o -> !outputs.contains(o))
				.forEach(o -> reasons.add(what + "no longer has the output '" + o + "', which the ERP reads"));
			Set<String> originalInputs = inputs(originalTable);
			inputs(table).stream()
				.filter(i -> !originalInputs.contains(i))
				.forEach(i -> reasons.add(what + "reads the input '" + i + "', which the ERP does not give (it gives: "
						+ String.join(", ", originalInputs) + ")"));
			if (table.getHitPolicy() != originalTable.getHitPolicy()
					|| table.getAggregation() != originalTable.getAggregation()) {
				reasons.add(what + "changes the hit policy from " + originalTable.getHitPolicy()
						+ ((originalTable.getAggregation() != null) ? " " + originalTable.getAggregation() : "")
						+ " to " + table.getHitPolicy()
						+ ((table.getAggregation() != null) ? " " + table.getAggregation() : "")
						+ "; the ERP reads the result as the default gives it");
			}
		}
	}

	private static Set<String> outputs(DecisionTable table) {
		Set<String> names = new LinkedHashSet<>();
		for (Output output : table.getOutputs()) {
			names.add(String.valueOf(output.getName()));
		}
		return names;
	}

	private static Set<String> inputs(DecisionTable table) {
		Set<String> expressions = new LinkedHashSet<>();
		for (Input input : table.getInputs()) {
			if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
				expressions.add(input.getInputExpression().getText().getTextContent().strip());
			}
		}
		return expressions;
	}

	private static byte[] sharedFile(Map<String, byte[]> shared, String key) {
		return shared.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(key + "@"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Form id → parsed form (with {@code $resource}: its file name) of the files. */
	private Map<String, JsonNode> forms(Map<String, byte[]> files) {
		Map<String, JsonNode> forms = new LinkedHashMap<>();
		files.forEach((name, bytes) -> {
			if (name.toLowerCase(Locale.ROOT).endsWith(".form")) {
				try {
					JsonNode form = this.mapper.readTree(bytes);
					if (form != null && form.path("id").isTextual()) {
						((com.fasterxml.jackson.databind.node.ObjectNode) form).put("$resource", name);
						forms.put(form.path("id").asText(), form);
					}
				}
				catch (java.io.IOException | ClassCastException ex) {
					// not a form: the engine's parser says so
				}
			}
		});
		return forms;
	}

	private static void fieldKeys(JsonNode node, Set<String> names) {
		if (node == null) {
			return;
		}
		if (node.isObject()) {
			if (node.path("key").isTextual()) {
				names.add(node.path("key").asText());
			}
			node.forEach(child -> fieldKeys(child, names));
		}
		else if (node.isArray()) {
			node.forEach(child -> fieldKeys(child, names));
		}
	}

	/** The process elements of a BPMN file as plain DOM, by id. */
	private static Map<String, Element> processElements(byte[] bytes) {
		Map<String, Element> processes = new LinkedHashMap<>();
		try {
			NodeList found = WorkspaceDeployments.parseXml(bytes).getElementsByTagNameNS(BPMN_NS, "process");
			for (int i = 0; i < found.getLength(); i++) {
				Element process = (Element) found.item(i);
				processes.put(process.getAttribute("id"), process);
			}
		}
		catch (Exception ex) {
			// the model API read it; nothing more to find
		}
		return processes;
	}

	private static String baseName(String name) {
		int slash = name.lastIndexOf('/');
		return (slash >= 0) ? name.substring(slash + 1) : name;
	}

	private static <M> M parse(java.util.function.Supplier<M> parser) {
		try {
			return parser.get();
		}
		catch (RuntimeException ex) {
			// the engine's parser reports what is wrong with the file
			return null;
		}
	}

}
