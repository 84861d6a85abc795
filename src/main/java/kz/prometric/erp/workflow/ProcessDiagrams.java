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

	/**
	 * The kinds of shapes, most specific first: the first whose type an element has is
	 * its kind.
	 */
	private static final List<Map.Entry<Class<?>, String>> KINDS = List.of(Map.entry(Participant.class, "pool"),
			Map.entry(Lane.class, "lane"), Map.entry(TextAnnotation.class, "annotation"),
			Map.entry(SubProcess.class, "subprocess"), Map.entry(Activity.class, "task"),
			Map.entry(EndEvent.class, "end-event"), Map.entry(BoundaryEvent.class, "intermediate-event"),
			Map.entry(IntermediateCatchEvent.class, "intermediate-event"),
			Map.entry(IntermediateThrowEvent.class, "intermediate-event"), Map.entry(Event.class, "start-event"),
			Map.entry(ParallelGateway.class, "parallel-gateway"),
			Map.entry(InclusiveGateway.class, "inclusive-gateway"), Map.entry(EventBasedGateway.class, "event-gateway"),
			Map.entry(Gateway.class, "exclusive-gateway"));

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
		for (Map.Entry<Class<?>, String> kind : KINDS) {
			if (kind.getKey().isInstance(element)) {
				return kind.getValue();
			}
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

	/** Points as SVG lists them: {@code x,y x,y …}. */
	private static String points(double... xy) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i + 1 < xy.length; i += 2) {
			points.append((i > 0) ? " " : "").append(n(xy[i])).append(',').append(n(xy[i + 1]));
		}
		return points.toString();
	}

	/** A path through the points: {@code Mx,y Lx,y …}. */
	private static String track(double... xy) {
		return "M" + points(xy).replace(" ", " L");
	}

	/** How many lines of text fit in {@code height} pixels (at least one). */
	private static int linesIn(double height) {
		return Math.max(1, (int) (height / LINE_HEIGHT));
	}

	private record Shape(String id, String kind, String name, double x, double y, double w, double h, double[] label,
			boolean expanded) {

		boolean container() {
			return "pool".equals(this.kind) || "lane".equals(this.kind) || "subprocess".equals(this.kind);
		}

		double cx() {
			return this.x + this.w / 2;
		}

		double cy() {
			return this.y + this.h / 2;
		}

	}

	private record Edge(String id, String type, String name, List<double[]> points, double[] label) {
	}

	/** How a step is drawn: as current, as completed, or plain. */
	private record Look(String state, String fill, String stroke, String width) {

		static final Look CURRENT = new Look(" current", "#fff3cd", "#d97706", "3");

		static final Look COMPLETED = new Look(" completed", "#e2e3e5", "#444", "1.5");

		static final Look PLAIN = new Look("", "#fff", "#444", "1.5");

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
			double width = maxX - minX + 2 * PADDING;
			double height = maxY - minY + 2 * PADDING;
			Svg svg = new Svg();
			svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "bpmn-diagram", "role", "img", "viewBox",
					n(minX - PADDING) + " " + n(minY - PADDING) + " " + n(width) + " " + n(height), "width", width,
					"style", "max-width:100%;height:auto", "font-family", "sans-serif", "font-size", "11");
			svg.raw("<defs><marker id=\"bpmn-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
					+ "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/>"
					+ "</marker></defs>");
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
			return svg.close("svg").toString();
		}

		private static void shape(Svg svg, Shape s, Set<String> current, Set<String> completed) {
			Look look = current.contains(s.id()) ? Look.CURRENT
					: (completed.contains(s.id()) ? Look.COMPLETED : Look.PLAIN);
			svg.open("g", "class", "bpmn-shape bpmn-" + s.kind() + look.state(), "data-element-id", escape(s.id()));
			if (s.name() != null && !s.name().isBlank()) {
				svg.open("title").raw(escape(s.name())).close("title");
			}
			switch (s.kind()) {
				case "pool", "lane" -> {
					svg.rect(s, 0, "none", "#999", "1");
					svg.sideways(s.name(), s.x() + 15, s.cy());
				}
				case "subprocess" -> {
					svg.rect(s, 10, (look == Look.CURRENT) ? look.fill() : "none", look.stroke(), look.width());
					svg.text(s.name(), s.x() + 8, s.y() + 16, s.w() - 16, 2, "start");
				}
				case "task", "other" -> {
					svg.rect(s, 10, look.fill(), look.stroke(), look.width());
					svg.centred(s.name(), s.cx(), s.cy(), s.w() - 10, linesIn(s.h() - 6));
				}
				case "annotation" -> {
					svg.element("path", "d",
							track(s.x() + 10, s.y(), s.x(), s.y(), s.x(), s.y() + s.h(), s.x() + 10, s.y() + s.h()),
							"fill", "none", "stroke", "#777");
					svg.text(s.name(), s.x() + 5, s.y() + 14, s.w() - 8, linesIn(s.h() - 4), "start");
				}
				case "start-event", "intermediate-event", "end-event" -> {
					double r = Math.min(s.w(), s.h()) / 2;
					svg.circle(s.cx(), s.cy(), r, look.fill(), look.stroke(),
							"end-event".equals(s.kind()) ? "4" : look.width());
					if ("intermediate-event".equals(s.kind())) {
						svg.circle(s.cx(), s.cy(), r - 3, "none", look.stroke(), "1");
					}
					svg.label(s.name(), s.label(), s.cx(), s.y() + s.h() + 14, 90, 3);
				}
				default -> {
					svg.element("polygon", "points",
							points(s.cx(), s.y(), s.x() + s.w(), s.cy(), s.cx(), s.y() + s.h(), s.x(), s.cy()), "fill",
							look.fill(), "stroke", look.stroke(), "stroke-width", look.width());
					gatewayMarker(svg, s.kind(), s.cx(), s.cy(), s.w() / 4);
					svg.label(s.name(), s.label(), s.cx(), s.y() + s.h() + 14, 90, 3);
				}
			}
			svg.close("g");
		}

		private static void gatewayMarker(Svg svg, String kind, double cx, double cy, double size) {
			double d = size * 0.7;
			switch (kind) {
				case "parallel-gateway" ->
					svg.line(track(cx - size, cy, cx + size, cy) + " " + track(cx, cy - size, cx, cy + size), "3");
				case "inclusive-gateway" -> svg.circle(cx, cy, size * 0.9, "none", "#444", "2.5");
				case "event-gateway" -> svg.circle(cx, cy, size * 0.9, "none", "#444", "1");
				default ->
					svg.line(track(cx - d, cy - d, cx + d, cy + d) + " " + track(cx + d, cy - d, cx - d, cy + d), "3");
			}
		}

		private static void edge(Svg svg, Edge e) {
			boolean sequence = "sequenceFlow".equals(e.type());
			boolean arrow = sequence || "messageFlow".equals(e.type());
			double[] xy = new double[2 * e.points().size()];
			for (int i = 0; i < e.points().size(); i++) {
				xy[2 * i] = e.points().get(i)[0];
				xy[2 * i + 1] = e.points().get(i)[1];
			}
			svg.open("g", "class", "bpmn-flow bpmn-" + escape(e.type()), "data-element-id", escape(e.id()));
			svg.element("polyline", "points", points(xy), "fill", "none", "stroke", "#444", "stroke-width", "1.5",
					"marker-end", arrow ? "url(#bpmn-arrow)" : null, "stroke-dasharray", sequence ? null : "4 3");
			double[] mid = e.points().get(e.points().size() / 2);
			svg.label(e.name(), e.label(), mid[0], mid[1] - 5, 80, 2);
			svg.close("g");
		}

	}

	/**
	 * An SVG being written: elements with their attributes in the order given (a null
	 * value leaves an attribute out, a number is written as {@link #n} writes it), and
	 * the shapes and texts a diagram is made of.
	 */
	private static final class Svg {

		private final StringBuilder out = new StringBuilder(8192);

		Svg raw(String markup) {
			this.out.append(markup);
			return this;
		}

		Svg open(String name, Object... attributes) {
			return tag(name, attributes).raw(">");
		}

		Svg close(String name) {
			return raw("</" + name + ">");
		}

		/** An element without content: {@code <name a="v"/>}. */
		Svg element(String name, Object... attributes) {
			return tag(name, attributes).raw("/>");
		}

		private Svg tag(String name, Object... attributes) {
			this.out.append('<').append(name);
			for (int i = 0; i + 1 < attributes.length; i += 2) {
				Object value = attributes[i + 1];
				if (value != null) {
					this.out.append(' ')
						.append(attributes[i])
						.append("=\"")
						.append((value instanceof Double number) ? n(number) : value)
						.append('"');
				}
			}
			return this;
		}

		void rect(Shape s, double radius, String fill, String stroke, String width) {
			element("rect", "x", s.x(), "y", s.y(), "width", s.w(), "height", s.h(), "rx", radius, "fill", fill,
					"stroke", stroke, "stroke-width", width);
		}

		void circle(double cx, double cy, double r, String fill, String stroke, String width) {
			element("circle", "cx", cx, "cy", cy, "r", r, "fill", fill, "stroke", stroke, "stroke-width", width);
		}

		/** A marker's strokes (a gateway's cross or plus). */
		void line(String track, String width) {
			element("path", "d", track, "fill", "none", "stroke", "#444", "stroke-width", width);
		}

		/** A pool's or lane's name, read bottom to top along its left edge. */
		void sideways(String name, double x, double cy) {
			if (name != null) {
				open("text", "transform", "rotate(-90 " + n(x) + " " + n(cy) + ")", "x", x, "y", cy + 4, "text-anchor",
						"middle")
					.raw(escape(name))
					.close("text");
			}
		}

		/** A name wrapped and centred in a box around {@code (cx, cy)}. */
		void centred(String name, double cx, double cy, double width, int max) {
			if (name != null) {
				List<String> lines = wrap(name, width, max);
				lines(lines, cx, cy - (lines.size() - 1) * LINE_HEIGHT / 2 + 4, "middle");
			}
		}

		/**
		 * The name of an event, gateway or flow: in the bounds the diagram gives it (at
		 * least {@code minWidth} wide), else centred at {@code (x, y)} and 20 pixels
		 * wider.
		 */
		void label(String name, double[] bounds, double x, double y, double minWidth, int max) {
			if (name == null || name.isBlank()) {
				return;
			}
			if (bounds != null) {
				text(name, bounds[0] + bounds[2] / 2, bounds[1] + 10, Math.max(bounds[2], minWidth), max, "middle");
			}
			else {
				text(name, x, y, minWidth + 20, max, "middle");
			}
		}

		void text(String text, double x, double y, double width, int max, String anchor) {
			if (text != null) {
				lines(wrap(text, width, max), x, y, anchor);
			}
		}

		private void lines(List<String> lines, double x, double y, String anchor) {
			open("text", "x", x, "y", y, "text-anchor", anchor, "fill", "#212529");
			for (int i = 0; i < lines.size(); i++) {
				open("tspan", "x", x, "dy", (i == 0) ? "0" : n(LINE_HEIGHT)).raw(escape(lines.get(i))).close("tspan");
			}
			close("text");
		}

		@Override
		public String toString() {
			return this.out.toString();
		}

	}

}
