package kz.prometric.erp.workflow;

import java.util.List;

/**
 * A person tried to set or remove variables that the task's form does not offer them (or
 * an external task does not declare as output): the names are in
 * {@link #refusedVariables()} and in the message. Nothing has changed.
 */
public final class ProcessVariablesRefused extends EngineCommandRefused {

	private static final long serialVersionUID = 1L;

	ProcessVariablesRefused(String what, List<String> refusedVariables, String why) {
		super("Refused variables " + refusedVariables + " on " + what + ": " + why, refusedVariables);
	}

}
