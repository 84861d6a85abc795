package kz.prometric.erp.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether process owners may deploy their workspace's own versions themselves
 * ({@code prometric.processes.owner-deployments}, on unless configured off). An
 * installation that wants only its platform administrators to change processes switches
 * it off; they deploy a workspace's own versions on its behalf either way. What a
 * deployment may contain is the deployment guard's ({@link DeploymentGuard}): expressions
 * reach only the application's delegate and listener beans ({@link ProcessBeans}).
 */
@Component
class OwnerDeployments {

	static final String SWITCHED_OFF = "Process owners do not deploy on this installation "
			+ "(prometric.processes.owner-deployments is off); "
			+ "a platform administrator can deploy your workspace's version for you";

	private volatile boolean enabled;

	OwnerDeployments(@Value("${prometric.processes.owner-deployments:true}") boolean enabled) {
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
