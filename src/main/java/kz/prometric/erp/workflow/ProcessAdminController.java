package kz.prometric.erp.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.NotFoundException;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For platform administrators: deploy what a process owner changed in {@code processes/},
 * {@code dmn/} or {@code forms/} on the server's disk without a restart. Running
 * instances keep their version.
 */
@RestController
@Tag(name = "Administration")
class ProcessAdminController {

	private final ProcessResourcesDeployer deployer;

	private final IdentityManagement identity;

	private final Path directory;

	ProcessAdminController(ProcessResourcesDeployer deployer, IdentityManagement identity,
			@Value("${prometric.deployment.directory:.}") Path directory) {
		this.deployer = deployer;
		this.identity = identity;
		this.directory = directory;
	}

	@PostMapping("/api/admin/processes/redeploy")
	@Operation(summary = "Deploy changed BPMN, DMN and form files from the server's folders (platform admins)")
	RedeployResponse redeploy() {
		boolean admin = this.identity.findById(CurrentUser.id()).map(UserAccount::platformAdmin).orElse(false);
		if (!admin) {
			throw new ForbiddenException("Only platform administrators redeploy processes");
		}
		if (!Files.isDirectory(this.directory)) {
			throw new NotFoundException("Process folder", this.directory);
		}
		DeploymentWithDefinitions deployment;
		try {
			deployment = this.deployer.deployFrom(this.directory);
		}
		catch (DeploymentRefused ex) {
			throw new BusinessRuleViolation("The deployment is refused",
					ex.reasons().stream().map(reason -> new FieldViolation("files", reason)).toList());
		}
		List<String> versions = new ArrayList<>();
		if (deployment != null) {
			Optional.ofNullable(deployment.getDeployedProcessDefinitions())
				.ifPresent(l -> l.forEach(d -> versions.add(d.getKey() + ":" + d.getVersion())));
			Optional.ofNullable(deployment.getDeployedDecisionDefinitions())
				.ifPresent(l -> l.forEach(d -> versions.add(d.getKey() + ":" + d.getVersion())));
		}
		return new RedeployResponse(versions);
	}

	/** The definitions that got a new version (empty when nothing changed). */
	record RedeployResponse(List<String> newVersions) {
	}

}
