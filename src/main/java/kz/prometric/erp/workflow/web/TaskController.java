package kz.prometric.erp.workflow.web;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.workflow.TaskManagement.Scope;
import kz.prometric.erp.workflow.TaskManagement.TaskDetail;
import kz.prometric.erp.workflow.TaskManagement.TaskFilter;
import kz.prometric.erp.workflow.TaskManagement.TaskHistoryEntry;
import kz.prometric.erp.workflow.TaskManagement.TaskView;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/tasks")
@Tag(name = "Tasks")
class TaskController {

	private final TaskManagement tasks;

	TaskController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	@Operation(summary = "Open process tasks of the workspace the caller may work (scope mine: assigned to me; "
			+ "team: not yet taken, offered to one of my groups; all (default): both), each with its business object; "
			+ "filter by processKey, dueBefore, objectKind + objectId; sort by dueDate (default), priority, "
			+ "createdAt or name")
	PageResult<TaskView> list(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @Size(max = 10) String scope,
			@RequestParam(required = false) @Size(max = 100) String processKey,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueBefore,
			@RequestParam(required = false) @Size(max = 50) String objectKind,
			@RequestParam(required = false) UUID objectId, PageQuery page) {
		return this.tasks.tasks(workspaceId, CurrentUser.id(), new TaskFilter(scope(scope), processKey,
				(dueBefore != null) ? dueBefore.toInstant() : null, objectKind, objectId), page);
	}

	@GetMapping("/history")
	@Operation(summary = "Tasks of the workspace's processes, open and finished, with who completed them; "
			+ "objectKind + objectId: only those of one business object; sort by createdAt (default, ascending)")
	PageResult<TaskHistoryEntry> history(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @Size(max = 50) String objectKind,
			@RequestParam(required = false) UUID objectId, PageQuery page) {
		return this.tasks.history(workspaceId, CurrentUser.id(), objectKind, objectId, page);
	}

	@GetMapping("/{taskId}")
	@Operation(summary = "One task the caller may work, with its form's fields and their current values")
	TaskDetail get(@PathVariable UUID workspaceId, @PathVariable String taskId) {
		return this.tasks.task(workspaceId, CurrentUser.id(), taskId);
	}

	@PostMapping("/{taskId}/claim")
	@Operation(summary = "Take the task (409 when someone else has it)")
	ResponseEntity<Void> claim(@PathVariable UUID workspaceId, @PathVariable String taskId) {
		this.tasks.claim(workspaceId, CurrentUser.id(), taskId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{taskId}/unclaim")
	@Operation(summary = "Give the task back to its candidates (409 when someone else has it)")
	ResponseEntity<Void> unclaim(@PathVariable UUID workspaceId, @PathVariable String taskId) {
		this.tasks.unclaim(workspaceId, CurrentUser.id(), taskId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{taskId}/complete")
	@Operation(summary = "Complete the task with its form's fields, validated as the form declares them "
			+ "(422 naming the field; nothing changes); 409 when someone else has it")
	ResponseEntity<Void> complete(@PathVariable UUID workspaceId, @PathVariable String taskId,
			@Valid @RequestBody CompleteTaskRequest request) {
		this.tasks.complete(workspaceId, CurrentUser.id(), taskId, request.variables());
		return ResponseEntity.noContent().build();
	}

	private static Scope scope(String scope) {
		if (scope == null || scope.isBlank()) {
			return null;
		}
		try {
			return Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("scope", "must be mine, team or all");
		}
	}

	/** The form's fields by variable name, as JSON values. */
	record CompleteTaskRequest(@Size(max = 200) Map<String, Object> variables) {
	}

}
