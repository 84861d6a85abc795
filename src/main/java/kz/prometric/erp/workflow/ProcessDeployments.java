package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.ForbiddenException;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's own versions of processes, decision tables and forms, deployed by its
 * process owners (the same files Camunda Modeler deploys). See
 * {@link WorkspaceDeployments} for what a workspace deployment holds and
 * {@link WorkspaceDefinitions} for which version a workspace then uses.
 */
@Service
public class ProcessDeployments {

	private final WorkspaceManagement workspaces;

	private final WorkspaceDeployments deployments;

	private final OwnerDeployments ownerDeployments;

	ProcessDeployments(WorkspaceManagement workspaces, WorkspaceDeployments deployments,
			OwnerDeployments ownerDeployments) {
		this.workspaces = workspaces;
		this.deployments = deployments;
		this.ownerDeployments = ownerDeployments;
	}

	/**
	 * Deploys {@code files} (name → content: {@code .bpmn}, {@code .dmn}, {@code .form})
	 * into the workspace, completed with the workspace's other current files. Not
	 * idempotent by key but by content: nothing new is deployed when nothing changed. 404
	 * for non-members, 403 without the process owner right, 422 with every reason when a
	 * file is refused (nothing is deployed then).
	 */
	@Transactional
	public DeploymentResult deploy(UUID workspaceId, UUID callerId, String name, Map<String, byte[]> files) {
		requireProcessOwner(workspaceId, callerId);
		if (files.isEmpty()) {
			throw new BusinessRuleViolation("files", "Add at least one .bpmn, .dmn or .form file");
		}
		DeploymentWithDefinitions deployment;
		try {
			deployment = DeploymentRecords.actingAs(
					new DeploymentRecords.Actor(callerId, DeploymentRecords.Channel.ERP_API, null),
					() -> this.deployments.deploy(workspaceId, name, files));
		}
		catch (DeploymentRefused ex) {
			throw new BusinessRuleViolation("The deployment is refused",
					ex.reasons().stream().map(reason -> new FieldViolation("files", reason)).toList());
		}
		catch (ParseException | NotValidException | DmnTransformException ex) {
			// the engine's parser: a file Camunda Modeler would also flag
			String message = String.valueOf(ex.getMessage()).replaceAll("[\\w.$]*Exception:?", "").strip();
			throw new BusinessRuleViolation("files", "A file is not a valid process, table or form: " + message);
		}
		List<String> versions = new ArrayList<>();
		Optional.ofNullable(deployment.getDeployedProcessDefinitions())
			.ifPresent(l -> l.forEach(d -> versions.add(d.getKey() + ":" + d.getVersion())));
		Optional.ofNullable(deployment.getDeployedDecisionDefinitions())
			.ifPresent(l -> l.forEach(d -> versions.add(d.getKey() + ":" + d.getVersion())));
		return new DeploymentResult(deployment.getId(), workspaceId, deployment.getName(),
				deployment.getDeploymentTime().toInstant(), versions);
	}

	/**
	 * 404 when the caller is not a member of the workspace, 403 when they do not hold the
	 * process owner right there or deployments by process owners are switched off
	 * ({@link OwnerDeployments}).
	 */
	@Transactional(readOnly = true)
	public void requireProcessOwner(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		if (!this.workspaces.isProcessOwner(workspaceId, callerId)) {
			throw new ForbiddenException("Only the workspace's process owners deploy its processes, decision "
					+ "tables and forms; ask the workspace's owner for the right");
		}
		if (!this.ownerDeployments.enabled()) {
			throw new ForbiddenException(OwnerDeployments.SWITCHED_OFF);
		}
	}

	/**
	 * A deployment of a workspace: its id, when, and the definitions that got a new
	 * version (key:version; the workspace's whole set when anything changed).
	 */
	public record DeploymentResult(String id, UUID workspaceId, String name, java.time.Instant deployedAt,
			List<String> newVersions) {
	}

}
