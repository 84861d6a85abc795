package kz.prometric.erp.workflow;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A deployment the ERP does not accept, with every reason (a script task, a Java class
 * name, a tenant the caller does not own...). Thrown inside the deployment's command
 * before anything is stored, so nothing changes. The engine REST API answers it like the
 * ERP's API: {@link #status()} with the reasons, never 500.
 */
public class DeploymentRefused extends AuthorizationException implements ClientRefusal {

	private static final long serialVersionUID = 1L;

	private final List<String> reasons;

	private final int status;

	DeploymentRefused(List<String> reasons) {
		this(422, reasons);
	}

	DeploymentRefused(int status, List<String> reasons) {
		super("The deployment is refused: " + String.join("; ", reasons));
		this.status = status;
		this.reasons = List.copyOf(reasons);
	}

	static DeploymentRefused forbidden(String reason) {
		return new DeploymentRefused(403, List.of(reason));
	}

	@Override
	public int status() {
		return this.status;
	}

	/** Why, one entry per problem found. */
	public List<String> reasons() {
		return this.reasons;
	}

}
