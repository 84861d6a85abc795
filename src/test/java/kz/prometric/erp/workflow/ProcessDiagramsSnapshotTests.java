package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The diagrams drawn exactly as recorded: a frozen BPMN with every shape kind (pools,
 * lanes, an annotation, tasks, sub-processes, events, every gateway, flows with and
 * without labels) drawn plain, with every step current and with every step completed,
 * compared with {@code src/test/resources/diagram-snapshots}. After an intended change of
 * the drawing, {@code -DupdateDiagramSnapshots=true} writes the snapshots anew.
 * <p>
 * For a refactoring, {@code -DdiagramSnapshots=/some/dir} does the same for every shipped
 * process in {@code processes/}: the first run records, the next ones compare.
 */
class ProcessDiagramsSnapshotTests {

	private static final Path FIXTURES = Path.of("src/test/resources/diagram-snapshots");

	@Test
	void everyShapeKindIsDrawnAsRecorded() throws IOException {
		BpmnModelInstance model = Bpmn.readModelFromFile(FIXTURES.resolve("all-shapes.bpmn").toFile());
		boolean update = Boolean.getBoolean("updateDiagramSnapshots");
		for (Variant variant : Variant.values()) {
			compare(FIXTURES.resolve(variant.file("all-shapes")), draw(model, variant), update);
		}
	}

	@Test
	@EnabledIfSystemProperty(named = "diagramSnapshots", matches = ".+")
	void theShippedProcessesAreDrawnAsRecorded() throws IOException {
		Path snapshots = Path.of(System.getProperty("diagramSnapshots"));
		Files.createDirectories(snapshots);
		List<Path> processes;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			processes = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(processes).isNotEmpty();
		for (Path process : processes) {
			BpmnModelInstance model = Bpmn.readModelFromFile(process.toFile());
			String name = process.getFileName().toString().replace(".bpmn", "");
			for (Variant variant : Variant.values()) {
				Path snapshot = snapshots.resolve(variant.file(name));
				compare(snapshot, draw(model, variant), !Files.exists(snapshot));
			}
		}
	}

	private static void compare(Path snapshot, String svg, boolean write) throws IOException {
		if (write) {
			Files.writeString(snapshot, svg);
		}
		assertThat(svg).as(snapshot.toString()).isEqualTo(Files.readString(snapshot));
	}

	private static String draw(BpmnModelInstance model, Variant variant) {
		RepositoryService repository = mock(RepositoryService.class);
		when(repository.getBpmnModelInstance("definition")).thenReturn(model);
		List<String> steps = new ArrayList<>();
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			if (shape.getBpmnElement() != null) {
				steps.add(shape.getBpmnElement().getId());
			}
		}
		Set<String> all = Set.copyOf(steps);
		return new ProcessDiagrams(repository, null).svg("definition", (variant == Variant.CURRENT) ? all : Set.of(),
				(variant == Variant.COMPLETED) ? all : Set.of());
	}

	private enum Variant {

		PLAIN, CURRENT, COMPLETED;

		String file(String name) {
			return name + ((this == PLAIN) ? "" : "-" + name().toLowerCase(java.util.Locale.ROOT)) + ".svg";
		}

	}

}
