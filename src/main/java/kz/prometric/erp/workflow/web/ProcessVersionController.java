package kz.prometric.erp.workflow.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.ProcessVersions;
import kz.prometric.erp.workflow.ProcessVersions.DeploymentRecord;
import kz.prometric.erp.workflow.ProcessVersions.DeploymentRecordDetails;
import kz.prometric.erp.workflow.ProcessVersions.Versions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which versions of its processes and decision tables a workspace uses, the history of
 * its deployments, and the way back to the shared default.
 */
@RestController
@Tag(name = "Processes")
class ProcessVersionController {

	private final ProcessVersions versions;

	ProcessVersionController(ProcessVersions versions) {
		this.versions = versions;
	}

	@GetMapping("/api/workspaces/{workspaceId}/process-versions")
	@Operation(summary = "The version of each process and decision table the workspace uses: its own or the shared "
			+ "default (members)")
	Versions versions(@PathVariable UUID workspaceId) {
		return this.versions.versions(workspaceId, CurrentUser.id());
	}

	@GetMapping("/api/workspaces/{workspaceId}/process-deployments")
	@Operation(summary = "The workspace's deployments, newest first: who, when, what changed (members; "
			+ "page, size, sort=deployedAt[,asc|desc])")
	PageResult<DeploymentRecord> deployments(@PathVariable UUID workspaceId, PageQuery page) {
		return this.versions.deployments(workspaceId, CurrentUser.id(), page);
	}

	@GetMapping("/api/workspaces/{workspaceId}/process-deployments/{deploymentId}")
	@Operation(summary = "One deployment of the workspace with what changed against what it used before: rows of "
			+ "decision tables, activities of processes, fields of forms (members)")
	DeploymentRecordDetails deployment(@PathVariable UUID workspaceId, @PathVariable String deploymentId) {
		return this.versions.deployment(workspaceId, CurrentUser.id(), deploymentId);
	}

	@PostMapping("/api/workspaces/{workspaceId}/process-versions/{kind}/{key}/reset-to-default")
	@Operation(summary = "Use the shared default of a process or decision table again (kind: process or decision; "
			+ "process owners); answers the recorded deployment")
	DeploymentRecordDetails resetToDefault(@PathVariable UUID workspaceId, @PathVariable String kind,
			@PathVariable String key) {
		return this.versions.resetToDefault(workspaceId, CurrentUser.id(), kind, key);
	}

}
