package kz.prometric.erp.workflow;

/**
 * Marks an exception the engine raises because of what a client sent (for example task
 * variables its form does not declare), not because of a fault. Implemented by runtime
 * exceptions, usually {@link org.camunda.bpm.engine.ProcessEngineException} subclasses
 * thrown by the ERP's engine plugins. The engine REST API and the webapps' API answer it
 * with {@link #status()} (a 4xx) and the exception's message, which must not tell whether
 * any id exists; see {@link EngineRestProblems}.
 */
public interface ClientRefusal {

	/** The HTTP status to answer with: 400, 403, 409 or 422. */
	int status();

	/** What the client is told; names only what the client sent. */
	String getMessage();

}
