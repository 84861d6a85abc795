package kz.prometric.erp.workflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.workflow.ProcessDeployments;
import kz.prometric.erp.workflow.ProcessDeployments.DeploymentResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Process owners deploy their workspace's own versions of processes, decision tables and
 * forms: the same files Camunda Modeler deploys.
 */
@RestController
@Tag(name = "Processes")
class ProcessDeploymentController {

	private static final int MAX_NAME = 200;

	private final ProcessDeployments deployments;

	ProcessDeploymentController(ProcessDeployments deployments) {
		this.deployments = deployments;
	}

	/**
	 * {@code multipart/form-data}: {@code files} (one or more .bpmn, .dmn, .form files),
	 * optional {@code deployment-name}. Not restricted by {@code consumes}, so a caller
	 * outside the workspace gets its 404 whatever they send.
	 */
	@PostMapping("/api/workspaces/{workspaceId}/process-deployments")
	@Operation(summary = "Deploy the workspace's own version of BPMN, DMN or form files (process owners; "
			+ "multipart/form-data: files, deployment-name)")
	ResponseEntity<DeploymentResult> deploy(@PathVariable UUID workspaceId,
			@RequestParam(name = "deployment-name", required = false) String name,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		this.deployments.requireProcessOwner(workspaceId, CurrentUser.id());
		String deploymentName = (name == null || name.isBlank()) ? "workspace" : name.strip();
		if (deploymentName.length() > MAX_NAME) {
			throw new BusinessRuleViolation("deployment-name", "At most " + MAX_NAME + " characters");
		}
		Map<String, byte[]> content = new LinkedHashMap<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			String fileName = file.getOriginalFilename();
			if (fileName == null || fileName.isBlank() || file.isEmpty()) {
				throw new BusinessRuleViolation("files", "Every file needs a name and content");
			}
			try {
				content.put(fileName.strip(), file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		DeploymentResult result = this.deployments.deploy(workspaceId, CurrentUser.id(), deploymentName, content);
		return ResponseEntity.created(URI.create("/engine-rest/deployment/" + result.id())).body(result);
	}

}
