package kz.prometric.erp.workflow;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The engine refused what a person asked of it although the engine's own authorizations
 * would allow it: variables a task's form does not declare, or a command that only the
 * ERP's own code may issue (see {@link PersonCommandGuard}). Nothing has changed when it
 * is thrown.
 * <p>
 * It is an {@link AuthorizationException} and a {@link ClientRefusal}: the engine REST
 * API and the webapps' engine API answer 403 with its message, never 500, and never the
 * 404 that hides other tenants' objects: the caller may see the object, they may just not
 * do this to it.
 */
public class EngineCommandRefused extends AuthorizationException implements ClientRefusal {

	private static final long serialVersionUID = 1L;

	private final List<String> refusedVariables;

	EngineCommandRefused(String message) {
		this(message, List.of());
	}

	EngineCommandRefused(String message, List<String> refusedVariables) {
		super(message);
		this.refusedVariables = List.copyOf(refusedVariables);
	}

	/** 403: the caller may see the object; they may not do this to it. */
	@Override
	public int status() {
		return 403;
	}

	/** The variable names that were refused (empty when the whole command was). */
	public List<String> refusedVariables() {
		return this.refusedVariables;
	}

}
