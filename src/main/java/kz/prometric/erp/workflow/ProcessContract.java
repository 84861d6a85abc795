package kz.prometric.erp.workflow;

import java.util.Set;

/**
 * What the application's code relies on in a process, so that a workspace's own version
 * of it cannot take it away: the module owning a process registers its contract as a
 * bean, and the deployment guard refuses a version of the process that lacks any of it.
 *
 * @param key the process definition key (the BPMN process id)
 * @param messages the message names the code correlates to the process's instances
 * @param userTasks the user task ids the code finds tasks by
 * @param variables the variables the code reads from the process (set by forms, input
 * parameters or the process): each must still be named in the process or in a form of its
 * user tasks
 */
public record ProcessContract(String key, Set<String> messages, Set<String> userTasks, Set<String> variables) {

	public ProcessContract {
		messages = Set.copyOf(messages);
		userTasks = Set.copyOf(userTasks);
		variables = Set.copyOf(variables);
	}

}
