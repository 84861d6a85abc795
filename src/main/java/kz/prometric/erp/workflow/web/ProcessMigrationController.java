package kz.prometric.erp.workflow.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.Problems;
import kz.prometric.erp.workflow.ProcessMigrations;
import kz.prometric.erp.workflow.ProcessMigrations.Migration;
import kz.prometric.erp.workflow.ProcessMigrations.MigrationSummary;
import kz.prometric.erp.workflow.ProcessMigrations.Outcome;
import kz.prometric.erp.workflow.ProcessMigrations.State;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process owners move their workspace's running instances of a process to another
 * version: a dry run first, then the migration (synchronous, or engine batches for many
 * instances), and its record.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/process-migrations")
@Tag(name = "Processes")
class ProcessMigrationController {

	private final ProcessMigrations migrations;

	ProcessMigrationController(ProcessMigrations migrations) {
		this.migrations = migrations;
	}

	/**
	 * {@code dryRun: true}: 200 with what would move and why not. Otherwise 201 (moved,
	 * in the request), 202 (batches started; GET the migration for progress) or 422
	 * (nothing moved, every instance that cannot move with its reason).
	 */
	@PostMapping
	@Operation(summary = "Migrate the workspace's running instances of a process to another version "
			+ "(process owners; dryRun: true reports without changing anything)")
	ResponseEntity<?> migrate(@PathVariable UUID workspaceId,
			@Valid @RequestBody StartProcessMigrationRequest request) {
		String target = (request.targetDefinitionId() == null || request.targetDefinitionId().isBlank()) ? null
				: request.targetDefinitionId().strip();
		if (request.dryRun()) {
			return ResponseEntity
				.ok(this.migrations.dryRun(workspaceId, CurrentUser.id(), request.processKey().strip(), target));
		}
		Migration migration = this.migrations.migrate(workspaceId, CurrentUser.id(), request.processKey().strip(),
				target);
		URI location = URI.create("/api/workspaces/" + workspaceId + "/process-migrations/" + migration.id());
		if (migration.state() == State.REFUSED) {
			List<FieldViolation> errors = migration.instances()
				.stream()
				.filter(i -> i.outcome() == Outcome.NOT_MOVABLE)
				.map(i -> new FieldViolation("processInstances", describe(i)))
				.toList();
			ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule",
					"Nothing moved: " + errors.size() + " of " + migration.total()
							+ " instances cannot be migrated to the target version",
					errors);
			problem.setProperty("migrationId", migration.id());
			problem.setProperty("instances",
					migration.instances().stream().filter(i -> i.outcome() == Outcome.NOT_MOVABLE).toList());
			return ResponseEntity.unprocessableEntity()
				.location(location)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		if (migration.state() == State.RUNNING) {
			return ResponseEntity.accepted().location(location).body(migration);
		}
		return ResponseEntity.created(location).body(migration);
	}

	@GetMapping
	@Operation(summary = "The workspace's process migrations, newest first (process owners)")
	PageResult<MigrationSummary> list(@PathVariable UUID workspaceId, PageQuery page) {
		if (page.sortProperty() != null && !page.sortProperty().equals("startedAt")) {
			throw new InvalidInputException("sort", "cannot sort by '" + page.sortProperty() + "'; allowed: startedAt");
		}
		return this.migrations.list(workspaceId, CurrentUser.id(), page.page(), page.size());
	}

	@GetMapping("/{migrationId}")
	@Operation(summary = "A process migration: state, progress and the per-instance report (process owners)")
	Migration get(@PathVariable UUID workspaceId, @PathVariable UUID migrationId) {
		return this.migrations.get(workspaceId, CurrentUser.id(), migrationId);
	}

	private static String describe(ProcessMigrations.InstanceReport instance) {
		return "instance " + instance.processInstanceId()
				+ ((instance.businessKey() != null) ? " (business key " + instance.businessKey() + ")" : "") + ": "
				+ String.join("; ", instance.reasons());
	}

	/**
	 * {@code processKey}: the process (its id in the BPMN); {@code targetDefinitionId}:
	 * optional, a definition of the key that is shared or the workspace's own (default:
	 * the version new instances of the workspace start from); {@code dryRun}: required,
	 * so that nothing moves by a forgotten flag.
	 */
	record StartProcessMigrationRequest(
			@NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z_][\\w.\\-]*",
					message = "must be a process key (letters, digits, _ . -)") String processKey,
			@Size(max = 64) String targetDefinitionId, @NotNull Boolean dryRun) {
	}

}
