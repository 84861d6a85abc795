package kz.prometric.erp.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether process owners may deploy their workspace's own versions themselves
 * ({@code prometric.processes.owner-deployments}, off unless configured). It stays off
 * until the deployment guard also limits the expressions a BPMN file may contain to the
 * beans the application registers for processes: today an expression in a deployed
 * process may call any Spring bean, which only the platform's administrators may be
 * trusted with (docs/security.md). Platform administrators deploy a workspace's own
 * versions on its behalf either way.
 */
@Component
class OwnerDeployments {

	static final String SWITCHED_OFF = "Process owners cannot deploy yet on this installation "
			+ "(prometric.processes.owner-deployments is off until the deployment guard checks expressions); "
			+ "a platform administrator can deploy your workspace's version for you";

	private volatile boolean enabled;

	OwnerDeployments(@Value("${prometric.processes.owner-deployments:false}") boolean enabled) {
		this.enabled = enabled;
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * Switches it at run time: the tests of the shipped default run in the test run's one
	 * application context (the engine REST API finds its engine in a static registry, so
	 * a second context would take it over).
	 */
	void enabled(boolean enabled) {
		this.enabled = enabled;
	}

}
