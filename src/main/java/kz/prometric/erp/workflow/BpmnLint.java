package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The error rules of bpmnlint's {@code recommended} set, which Camunda Modeler shows (and
 * {@code .ci/bpmnlint} runs over the shipped files), checked in Java on every deployment:
 * a process owner's file that Modeler would flag red is refused with the rule's name.
 * Warnings (fake join, superfluous gateway or termination) are not errors there and not
 * here.
 */
final class BpmnLint {

	private BpmnLint() {
	}

	/** The problems of a parsed BPMN file, each as "element: problem (rule)". */
	static List<String> problems(BpmnModelInstance model) {
		List<String> problems = new ArrayList<>();
		Set<String> drawn = new HashSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(idOf(shape.getBpmnElement())));
		model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(idOf(edge.getBpmnElement())));
		for (Process process : model.getModelElementsByType(Process.class)) {
			container(process.getId(), process.getFlowElements(), false, problems);
		}
		for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
			if (!isAdHoc(sub)) {
				container(sub.getId(), sub.getFlowElements(), sub.triggeredByEvent(), problems);
			}
		}
		// from the flows' source and target (a file need not list a node's incoming and
		// outgoing flows; Modeler does)
		Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();
		Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			outgoing.computeIfAbsent(flow.getSource(), n -> new ArrayList<>()).add(flow);
			incoming.computeIfAbsent(flow.getTarget(), n -> new ArrayList<>()).add(flow);
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			node(node, incoming.getOrDefault(node, List.of()), outgoing.getOrDefault(node, List.of()), problems);
		}
		Set<String> flows = new HashSet<>();
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			String condition = (flow.getConditionExpression() != null)
					? flow.getConditionExpression().getTextContent().strip() : "";
			if (!flows.add(idOf(flow.getSource()) + "→" + idOf(flow.getTarget()) + "|" + condition)) {
				problems.add(flow.getId() + ": duplicates another sequence flow (no-duplicate-sequence-flows)");
			}
		}
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if ((element instanceof FlowNode || element instanceof SequenceFlow) && !drawn.contains(element.getId())) {
				problems.add(element.getId() + ": is not drawn in the diagram (no-bpmndi)");
			}
		}
		return problems;
	}

	private static void container(String id, Collection<FlowElement> elements, boolean eventSubProcess,
			List<String> problems) {
		List<StartEvent> starts = elements.stream()
			.filter(StartEvent.class::isInstance)
			.map(StartEvent.class::cast)
			.toList();
		if (starts.isEmpty()) {
			problems.add(id + ": has no start event (start-event-required)");
		}
		if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
			problems.add(id + ": has no end event (end-event-required)");
		}
		if (starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).count() > 1) {
			problems.add(id + ": has more than one blank start event (single-blank-start-event)");
		}
		for (StartEvent start : starts) {
			if (eventSubProcess && start.getEventDefinitions().isEmpty()) {
				problems.add(start.getId() + ": the start event of an event sub-process needs an event "
						+ "(event-sub-process-typed-start-event)");
			}
			if (!eventSubProcess && !start.getEventDefinitions().isEmpty()
					&& start.getParentElement() instanceof SubProcess) {
				problems.add(start.getId()
						+ ": a sub-process must start with a blank start event (sub-process-blank-start-event)");
			}
		}
	}

	private static void node(FlowNode node, List<SequenceFlow> incoming, List<SequenceFlow> outgoing,
			List<String> problems) {
		if (isAdHoc(node.getParentElement())) {
			return;
		}
		boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
		boolean compensation = node instanceof Activity activity && activity.isForCompensation();
		if (node instanceof ComplexGateway) {
			problems.add(node.getId() + ": complex gateways are not supported (no-complex-gateway)");
		}
		if (node instanceof InclusiveGateway) {
			problems.add(node.getId() + ": inclusive gateways are not supported (no-inclusive-gateway)");
		}
		if (node instanceof Event event && definitions(event).size() > 1) {
			problems.add(node.getId() + ": has more than one event definition (single-event-definition)");
		}
		if (eventSubProcess || compensation) {
			return;
		}
		if (incoming.isEmpty() && outgoing.isEmpty() && !(node instanceof BoundaryEvent)) {
			problems.add(node.getId() + ": is not connected (no-disconnected)");
			return;
		}
		if (incoming.isEmpty() && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent)
				&& !(node instanceof IntermediateCatchEvent catchEvent && isLink(catchEvent))) {
			problems.add(node.getId() + ": has no incoming sequence flow (no-implicit-start)");
		}
		if (outgoing.isEmpty() && !(node instanceof EndEvent)
				&& !(node instanceof IntermediateThrowEvent throwEvent && isLink(throwEvent))
				&& !(node instanceof BoundaryEvent boundary && !boundary.getEventDefinitions().isEmpty()
						&& boundary.getEventDefinitions()
							.iterator()
							.next()
							.getElementType()
							.getTypeName()
							.equals("compensateEventDefinition"))) {
			problems.add(node.getId() + ": has no outgoing sequence flow (no-implicit-end)");
		}
		if (node instanceof Gateway && incoming.size() > 1 && outgoing.size() > 1) {
			problems.add(node.getId() + ": joins and forks at once (no-gateway-join-fork)");
		}
		boolean conditionalSource = node instanceof ExclusiveGateway || node instanceof InclusiveGateway;
		boolean anyConditional = outgoing.stream().anyMatch(f -> f.getConditionExpression() != null);
		if (outgoing.size() > 1 && (conditionalSource || anyConditional)) {
			for (SequenceFlow flow : outgoing) {
				if (flow.getConditionExpression() == null && !isDefault(node, flow)) {
					problems.add(flow.getId() + ": leaves " + node.getId()
							+ " without a condition and is not its default flow (conditional-flows)");
				}
			}
		}
		else if (outgoing.size() > 1 && !(node instanceof Gateway)) {
			problems.add(node.getId() + ": splits without a gateway (no-implicit-split)");
		}
		boolean forkingGateway = node instanceof Gateway && outgoing.size() > 1 && !(node instanceof ParallelGateway)
				&& !(node instanceof EventBasedGateway);
		boolean needsLabel = node instanceof Activity || node instanceof Event || forkingGateway;
		if (needsLabel && (node.getName() == null || node.getName().isBlank())) {
			problems.add(node.getId() + ": has no name (label-required)");
		}
	}

	private static boolean isDefault(FlowNode node, SequenceFlow flow) {
		ModelElementInstance fallback = null;
		if (node instanceof ExclusiveGateway gateway) {
			fallback = gateway.getDefault();
		}
		else if (node instanceof InclusiveGateway gateway) {
			fallback = gateway.getDefault();
		}
		else if (node instanceof ComplexGateway gateway) {
			fallback = gateway.getDefault();
		}
		else if (node instanceof Activity activity) {
			fallback = activity.getAttributeValue("default") != null ? flowById(activity) : null;
		}
		return fallback != null && fallback == flow;
	}

	private static ModelElementInstance flowById(Activity activity) {
		return activity.getModelInstance().getModelElementById(activity.getAttributeValue("default"));
	}

	private static Collection<EventDefinition> definitions(Event event) {
		Collection<EventDefinition> found = new ArrayList<>();
		event.getChildElementsByType(EventDefinition.class).forEach(found::add);
		return found;
	}

	private static boolean isLink(Event event) {
		return definitions(event).stream().anyMatch(LinkEventDefinition.class::isInstance);
	}

	private static boolean isAdHoc(ModelElementInstance element) {
		return element != null && "adHocSubProcess".equals(element.getElementType().getTypeName());
	}

	private static String idOf(BaseElement element) {
		return (element != null) ? element.getId() : null;
	}

}
