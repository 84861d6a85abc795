package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kz.prometric.erp.workflow.ProcessViews.ProcessView;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import org.springframework.stereotype.Service;

/**
 * A process's BPMN diagram as inline SVG, drawn on the server from the deployed
 * definition's diagram interchange (no script in the browser): tasks as rounded boxes
 * with their names, events as circles, gateways as diamonds, sequence flows as lines with
 * arrowheads. The steps the instance waits in carry the class {@code current}, the steps
 * it has finished the class {@code completed}; each shape carries its BPMN id in
 * {@code data-element-id}. Every text is escaped. The geometry of a definition is read
 * once and kept (a deployed definition never changes).
 */
@Service("processDiagrams")
public class ProcessDiagrams {

	private static final double PADDING = 10;

	private static final double CHAR_WIDTH = 6.2;

	private static final double LINE_HEIGHT = 13;

	private final RepositoryService repository;

	private final HistoryService history;

	private final Map<String, Diagram> diagrams = new ConcurrentHashMap<>();

	ProcessDiagrams(RepositoryService repository, HistoryService history) {
		this.repository = repository;
		this.history = history;
	}

	/**
	 * The diagram of a process instance the caller has been shown (a {@link ProcessView}
	 * from {@link ProcessViews#forObject}): its current steps highlighted, the steps it
	 * has finished shaded. Empty when the definition has no diagram.
	 */
	public String svg(ProcessView process) {
		Set<String> completed = new LinkedHashSet<>();
		for (HistoricActivityInstance activity : this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(process.instanceId())
			.finished()
			.list()) {
			completed.add(activity.getActivityId());
		}
		return svg(process.definitionId(), process.currentStepIds(), completed);
	}

	/**
	 * The diagram of a deployed definition with the given steps highlighted as current
	 * and completed.
	 */
	public String svg(String definitionId, Collection<String> current, Collection<String> completed) {
		Diagram diagram = this.diagrams.computeIfAbsent(definitionId, this::read);
		return diagram.render(Set.copyOf(current), Set.copyOf(completed));
	}

	private Diagram read(String definitionId) {
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definitionId);
		List<Shape> shapes = new ArrayList<>();
		List<Edge> edges = new ArrayList<>();
		if (model == null) {
			return new Diagram(shapes, edges);
		}
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			BaseElement element = shape.getBpmnElement();
			Bounds b = shape.getBounds();
			if (element == null || b == null) {
				continue;
			}
			Bounds label = (shape.getBpmnLabel() != null) ? shape.getBpmnLabel().getBounds() : null;
			shapes.add(new Shape(element.getId(), kind(element), name(element), b.getX(), b.getY(), b.getWidth(),
					b.getHeight(),
					(label != null) ? new double[] { label.getX(), label.getY(), label.getWidth() } : null,
					Boolean.TRUE.equals(shape.isExpanded()) || element instanceof SubProcess));
		}
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			BaseElement element = edge.getBpmnElement();
			List<double[]> points = new ArrayList<>();
			for (Waypoint point : edge.getWaypoints()) {
				points.add(new double[] { point.getX(), point.getY() });
			}
			if (element == null || points.size() < 2) {
				continue;
			}
			Bounds label = (edge.getBpmnLabel() != null) ? edge.getBpmnLabel().getBounds() : null;
			edges.add(new Edge(element.getId(), element.getElementType().getTypeName(), name(element), points,
					(label != null) ? new double[] { label.getX(), label.getY(), label.getWidth() } : null));
		}
		return new Diagram(shapes, edges);
	}

	private static String kind(BaseElement element) {
		if (element instanceof Participant) {
			return "pool";
		}
		if (element instanceof Lane) {
			return "lane";
		}
		if (element instanceof TextAnnotation) {
			return "annotation";
		}
		if (element instanceof SubProcess) {
			return "subprocess";
		}
		if (element instanceof Activity) {
			return "task";
		}
		if (element instanceof EndEvent) {
			return "end-event";
		}
		if (element instanceof BoundaryEvent || element instanceof IntermediateCatchEvent
				|| element instanceof IntermediateThrowEvent) {
			return "intermediate-event";
		}
		if (element instanceof Event) {
			return "start-event";
		}
		if (element instanceof ParallelGateway) {
			return "parallel-gateway";
		}
		if (element instanceof InclusiveGateway) {
			return "inclusive-gateway";
		}
		if (element instanceof EventBasedGateway) {
			return "event-gateway";
		}
		if (element instanceof Gateway) {
			return "exclusive-gateway";
		}
		return "other";
	}

	private static String name(BaseElement element) {
		if (element instanceof FlowElement flow) {
			return flow.getName();
		}
		if (element instanceof Participant participant) {
			return participant.getName();
		}
		if (element instanceof Lane lane) {
			return lane.getName();
		}
		if (element instanceof TextAnnotation annotation && annotation.getText() != null) {
			return annotation.getText().getTextContent();
		}
		return null;
	}

	/** Text for SVG: {@code & < > " '} escaped, control characters dropped. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/** Words in lines of about {@code width} pixels, at most {@code max} lines. */
	static List<String> wrap(String text, double width, int max) {
		int perLine = Math.max(4, (int) (width / CHAR_WIDTH));
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.trim().split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		if (lines.size() > max) {
			List<String> cut = new ArrayList<>(lines.subList(0, max));
			cut.set(max - 1, cut.get(max - 1) + "…");
			return cut;
		}
		return lines;
	}

	private static String n(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private record Shape(String id, String kind, String name, double x, double y, double w, double h, double[] label,
			boolean expanded) {

		boolean container() {
			return "pool".equals(this.kind) || "lane".equals(this.kind) || "subprocess".equals(this.kind);
		}

	}

	private record Edge(String id, String type, String name, List<double[]> points, double[] label) {
	}

	private record Diagram(List<Shape> shapes, List<Edge> edges) {

		String render(Set<String> current, Set<String> completed) {
			if (this.shapes.isEmpty()) {
				return "";
			}
			double minX = Double.MAX_VALUE;
			double minY = Double.MAX_VALUE;
			double maxX = -Double.MAX_VALUE;
			double maxY = -Double.MAX_VALUE;
			for (Shape s : this.shapes) {
				minX = Math.min(minX, s.x());
				minY = Math.min(minY, s.y());
				maxX = Math.max(maxX, s.x() + s.w());
				maxY = Math.max(maxY, s.y() + s.h() + (s.label() == null && !s.container() ? 0 : 30));
			}
			for (Edge e : this.edges) {
				for (double[] p : e.points()) {
					minX = Math.min(minX, p[0]);
					minY = Math.min(minY, p[1]);
					maxX = Math.max(maxX, p[0]);
					maxY = Math.max(maxY, p[1]);
				}
			}
			double x0 = minX - PADDING;
			double y0 = minY - PADDING;
			double width = maxX - minX + 2 * PADDING;
			double height = maxY - minY + 2 * PADDING;
			StringBuilder svg = new StringBuilder(8192);
			svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn-diagram\" role=\"img\" viewBox=\"")
				.append(n(x0))
				.append(' ')
				.append(n(y0))
				.append(' ')
				.append(n(width))
				.append(' ')
				.append(n(height))
				.append("\" width=\"")
				.append(n(width))
				.append("\" style=\"max-width:100%;height:auto\" font-family=\"sans-serif\" font-size=\"11\">");
			svg.append(
					"<defs><marker id=\"bpmn-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
				.append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/>")
				.append("</marker></defs>");
			// containers first (pools, lanes, expanded subprocesses), then flows, then
			// nodes
			for (Shape s : this.shapes) {
				if (s.container()) {
					shape(svg, s, current, completed);
				}
			}
			for (Edge e : this.edges) {
				edge(svg, e);
			}
			for (Shape s : this.shapes) {
				if (!s.container()) {
					shape(svg, s, current, completed);
				}
			}
			return svg.append("</svg>").toString();
		}

		private static void shape(StringBuilder svg, Shape s, Set<String> current, Set<String> completed) {
			String state = current.contains(s.id()) ? " current" : (completed.contains(s.id()) ? " completed" : "");
			String fill = current.contains(s.id()) ? "#fff3cd" : (completed.contains(s.id()) ? "#e2e3e5" : "#fff");
			String stroke = current.contains(s.id()) ? "#d97706" : "#444";
			String strokeWidth = current.contains(s.id()) ? "3" : "1.5";
			svg.append("<g class=\"bpmn-shape bpmn-")
				.append(s.kind())
				.append(state)
				.append("\" data-element-id=\"")
				.append(escape(s.id()))
				.append("\">");
			if (s.name() != null && !s.name().isBlank()) {
				svg.append("<title>").append(escape(s.name())).append("</title>");
			}
			double cx = s.x() + s.w() / 2;
			double cy = s.y() + s.h() / 2;
			switch (s.kind()) {
				case "pool", "lane" -> {
					svg.append(rect(s, 0, "none", "#999", "1"));
					if (s.name() != null) {
						double tx = s.x() + 15;
						svg.append("<text transform=\"rotate(-90 ")
							.append(n(tx))
							.append(' ')
							.append(n(cy))
							.append(")\" x=\"")
							.append(n(tx))
							.append("\" y=\"")
							.append(n(cy + 4))
							.append("\" text-anchor=\"middle\">")
							.append(escape(s.name()))
							.append("</text>");
					}
				}
				case "subprocess" -> {
					svg.append(rect(s, 10, current.contains(s.id()) ? fill : "none", stroke, strokeWidth));
					if (s.name() != null) {
						text(svg, s.name(), s.x() + 8, s.y() + 16, s.w() - 16, 2, "start");
					}
				}
				case "task", "other" -> {
					svg.append(rect(s, 10, fill, stroke, strokeWidth));
					if (s.name() != null) {
						List<String> lines = wrap(s.name(), s.w() - 10, Math.max(1, (int) ((s.h() - 6) / LINE_HEIGHT)));
						double top = cy - (lines.size() - 1) * LINE_HEIGHT / 2 + 4;
						lines(svg, lines, cx, top, "middle");
					}
				}
				case "annotation" -> {
					svg.append("<path d=\"M")
						.append(n(s.x() + 10))
						.append(',')
						.append(n(s.y()))
						.append(" L")
						.append(n(s.x()))
						.append(',')
						.append(n(s.y()))
						.append(" L")
						.append(n(s.x()))
						.append(',')
						.append(n(s.y() + s.h()))
						.append(" L")
						.append(n(s.x() + 10))
						.append(',')
						.append(n(s.y() + s.h()))
						.append("\" fill=\"none\" stroke=\"#777\"/>");
					if (s.name() != null) {
						text(svg, s.name(), s.x() + 5, s.y() + 14, s.w() - 8,
								Math.max(1, (int) ((s.h() - 4) / LINE_HEIGHT)), "start");
					}
				}
				default -> {
					if (s.kind().endsWith("event")) {
						double r = Math.min(s.w(), s.h()) / 2;
						String width = "end-event".equals(s.kind()) ? "4" : strokeWidth;
						svg.append(circle(cx, cy, r, fill, stroke, width));
						if ("intermediate-event".equals(s.kind())) {
							svg.append(circle(cx, cy, r - 3, "none", stroke, "1"));
						}
					}
					else {
						svg.append("<polygon points=\"")
							.append(n(cx))
							.append(',')
							.append(n(s.y()))
							.append(' ')
							.append(n(s.x() + s.w()))
							.append(',')
							.append(n(cy))
							.append(' ')
							.append(n(cx))
							.append(',')
							.append(n(s.y() + s.h()))
							.append(' ')
							.append(n(s.x()))
							.append(',')
							.append(n(cy))
							.append("\" fill=\"")
							.append(fill)
							.append("\" stroke=\"")
							.append(stroke)
							.append("\" stroke-width=\"")
							.append(strokeWidth)
							.append("\"/>");
						gatewayMarker(svg, s.kind(), cx, cy, s.w() / 4);
					}
					if (s.name() != null && !s.name().isBlank()) {
						double[] label = s.label();
						double lx = (label != null) ? label[0] + label[2] / 2 : cx;
						double ly = (label != null) ? label[1] + 10 : s.y() + s.h() + 14;
						double lw = (label != null) ? Math.max(label[2], 90) : 110;
						text(svg, s.name(), lx, ly, lw, 3, "middle");
					}
				}
			}
			svg.append("</g>");
		}

		private static void gatewayMarker(StringBuilder svg, String kind, double cx, double cy, double size) {
			switch (kind) {
				case "parallel-gateway" -> svg.append(path("M" + n(cx - size) + "," + n(cy) + " L" + n(cx + size) + ","
						+ n(cy) + " M" + n(cx) + "," + n(cy - size) + " L" + n(cx) + "," + n(cy + size), "3"));
				case "inclusive-gateway" -> svg.append(circle(cx, cy, size * 0.9, "none", "#444", "2.5"));
				case "event-gateway" -> svg.append(circle(cx, cy, size * 0.9, "none", "#444", "1"));
				default -> {
					double d = size * 0.7;
					svg.append(path("M" + n(cx - d) + "," + n(cy - d) + " L" + n(cx + d) + "," + n(cy + d) + " M"
							+ n(cx + d) + "," + n(cy - d) + " L" + n(cx - d) + "," + n(cy + d), "3"));
				}
			}
		}

		private static void edge(StringBuilder svg, Edge e) {
			boolean sequence = "sequenceFlow".equals(e.type());
			boolean message = "messageFlow".equals(e.type());
			StringBuilder points = new StringBuilder();
			for (double[] p : e.points()) {
				if (points.length() > 0) {
					points.append(' ');
				}
				points.append(n(p[0])).append(',').append(n(p[1]));
			}
			svg.append("<g class=\"bpmn-flow bpmn-")
				.append(escape(e.type()))
				.append("\" data-element-id=\"")
				.append(escape(e.id()))
				.append("\"><polyline points=\"")
				.append(points)
				.append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\"")
				.append(sequence || message ? " marker-end=\"url(#bpmn-arrow)\"" : "")
				.append(sequence ? "" : " stroke-dasharray=\"4 3\"")
				.append("/>");
			if (e.name() != null && !e.name().isBlank()) {
				double[] label = e.label();
				double[] mid = e.points().get(e.points().size() / 2);
				double lx = (label != null) ? label[0] + label[2] / 2 : mid[0];
				double ly = (label != null) ? label[1] + 10 : mid[1] - 5;
				double lw = (label != null) ? Math.max(label[2], 80) : 100;
				text(svg, e.name(), lx, ly, lw, 2, "middle");
			}
			svg.append("</g>");
		}

		private static String rect(Shape s, double radius, String fill, String stroke, String width) {
			return "<rect x=\"" + n(s.x()) + "\" y=\"" + n(s.y()) + "\" width=\"" + n(s.w()) + "\" height=\"" + n(s.h())
					+ "\" rx=\"" + n(radius) + "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\""
					+ width + "\"/>";
		}

		private static String circle(double cx, double cy, double r, String fill, String stroke, String width) {
			return "<circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r) + "\" fill=\"" + fill
					+ "\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\"/>";
		}

		private static String path(String d, String width) {
			return "<path d=\"" + d + "\" fill=\"none\" stroke=\"#444\" stroke-width=\"" + width + "\"/>";
		}

		private static void text(StringBuilder svg, String text, double x, double y, double width, int max,
				String anchor) {
			lines(svg, wrap(text, width, max), x, y, anchor);
		}

		private static void lines(StringBuilder svg, List<String> lines, double x, double y, String anchor) {
			svg.append("<text x=\"")
				.append(n(x))
				.append("\" y=\"")
				.append(n(y))
				.append("\" text-anchor=\"")
				.append(anchor)
				.append("\" fill=\"#212529\">");
			for (int i = 0; i < lines.size(); i++) {
				svg.append("<tspan x=\"")
					.append(n(x))
					.append("\" dy=\"")
					.append((i == 0) ? "0" : n(LINE_HEIGHT))
					.append("\">")
					.append(escape(lines.get(i)))
					.append("</tspan>");
			}
			svg.append("</text>");
		}

	}

}
