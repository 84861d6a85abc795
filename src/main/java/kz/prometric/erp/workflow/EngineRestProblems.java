package kz.prometric.erp.workflow;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the engine's JAX-RS APIs ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/**}) answer errors. Camunda answers refusals on other tenants'
 * objects with 500 or 403 and a message that tells whether the id exists
 * ({@code ENGINE-13034 … belongs to no authenticated tenant},
 * {@code AuthorizationException} naming the resource), while an unknown id gets 404 or a
 * {@code NullValueException} (500). Here:
 * <ul>
 * <li>an unknown id, an object of a tenant the caller does not belong to, and an object
 * the caller may not see or touch, on a route that addresses an object by id, all get the
 * same answer: 404 {@code {"type":"InvalidRequestException","message":"Nothing found at
 * <path>"}};</li>
 * <li>a refusal on a route that addresses nothing by id (creating a deployment, say) is
 * 403 with a message naming no resource;</li>
 * <li>a {@link ClientRefusal} answers its own 4xx status (an engine exception whose class
 * name ends in {@code Refused} 400), the ERP's domain exceptions their usual ones (404,
 * 403, 409, 422, 400), a concurrent change 409, any other engine exception a client
 * caused 400;</li>
 * <li>only faults of the platform (database, transaction) answer 500, with a generic
 * message; the details go to the log.</li>
 * </ul>
 * Registered in every Jersey application of the server through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable},
 * with a priority above Camunda's own mappers of the same types.
 */
public final class EngineRestProblems {

	static final String NOT_FOUND_TYPE = "InvalidRequestException";

	/** Path parameters that name the engine, not an object. */
	private static final Set<String> NOT_OBJECT_IDS = Set.of("name");

	/**
	 * How the engine words "no such object" (unknown ids; the checks vary by command).
	 */
	private static final Pattern NOT_FOUND = Pattern.compile(
			"(?i).*(is null|not found|doesn't exist|does not exist|no \\w[\\w ]* found|cannot find|couldn't find).*",
			Pattern.DOTALL);

	/**
	 * For each kind of tenant-scoped object the engine REST addresses by
	 * {@code /<kind>/{id}}, whether the current user sees it: the engine's own query,
	 * which applies the tenant and authorization checks of the request's authentication.
	 */
	private static final Map<String, BiPredicate<ProcessEngine, String>> VISIBLE = Map.ofEntries(
			Map.entry("task", (e, id) -> e.getTaskService().createTaskQuery().taskId(id).count() > 0),
			Map.entry("process-instance",
					(e, id) -> e.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0),
			Map.entry("execution", (e, id) -> e.getRuntimeService().createExecutionQuery().executionId(id).count() > 0),
			Map.entry("variable-instance",
					(e, id) -> e.getRuntimeService().createVariableInstanceQuery().variableId(id).count() > 0),
			Map.entry("job", (e, id) -> e.getManagementService().createJobQuery().jobId(id).count() > 0),
			Map.entry("incident", (e, id) -> e.getRuntimeService().createIncidentQuery().incidentId(id).count() > 0),
			Map.entry("external-task",
					(e, id) -> e.getExternalTaskService().createExternalTaskQuery().externalTaskId(id).count() > 0),
			Map.entry("batch", (e, id) -> e.getManagementService().createBatchQuery().batchId(id).count() > 0),
			Map.entry("history/process-instance",
					(e, id) -> e.getHistoryService()
						.createHistoricProcessInstanceQuery()
						.processInstanceId(id)
						.count() > 0),
			Map.entry("history/activity-instance",
					(e, id) -> e.getHistoryService()
						.createHistoricActivityInstanceQuery()
						.activityInstanceId(id)
						.count() > 0),
			Map.entry("history/variable-instance",
					(e, id) -> e.getHistoryService().createHistoricVariableInstanceQuery().variableId(id).count() > 0),
			Map.entry("history/detail",
					(e, id) -> e.getHistoryService().createHistoricDetailQuery().detailId(id).count() > 0),
			Map.entry("history/job-log",
					(e, id) -> e.getHistoryService().createHistoricJobLogQuery().logId(id).count() > 0),
			Map.entry("history/external-task-log",
					(e, id) -> e.getHistoryService().createHistoricExternalTaskLogQuery().logId(id).count() > 0),
			Map.entry("history/decision-instance",
					(e, id) -> e.getHistoryService()
						.createHistoricDecisionInstanceQuery()
						.decisionInstanceId(id)
						.count() > 0),
			Map.entry("history/batch",
					(e, id) -> e.getHistoryService().createHistoricBatchQuery().batchId(id).count() > 0),
			Map.entry("user", (e, id) -> e.getIdentityService().createUserQuery().userId(id).count() > 0),
			Map.entry("group", (e, id) -> e.getIdentityService().createGroupQuery().groupId(id).count() > 0),
			Map.entry("tenant", (e, id) -> e.getIdentityService().createTenantQuery().tenantId(id).count() > 0),
			Map.entry("authorization",
					(e, id) -> e.getAuthorizationService().createAuthorizationQuery().authorizationId(id).count() > 0),
			Map.entry("filter", (e, id) -> e.getFilterService().createFilterQuery().filterId(id).count() > 0));

	private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

	private EngineRestProblems() {
	}

	/** The answer for an error {@code error}, thrown by the engine or by a resource. */
	static Response answer(Throwable error, UriInfo uri) {
		Throwable cause = (error instanceof RestException rest && rest.getCause() != null) ? rest.getCause() : error;
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof ClientRefusal refusal) {
				return respond(refusal.status(), t.getClass().getSimpleName(), refusal.getMessage());
			}
			if (t instanceof ProcessEngineException && t.getClass().getSimpleName().endsWith("Refused")) {
				// an engine refusal named as such (e.g. ProcessVariablesRefused) without
				// the marker
				return respond(400, t.getClass().getSimpleName(), t.getMessage());
			}
		}
		if (isHidden(error) || isHidden(cause) || (addressesAnObject(uri) && saysNotFound(error))) {
			return notFound(uri);
		}
		if (cause instanceof AuthorizationException) {
			return addressesAnObject(uri) ? notFound(uri)
					: respond(403, "AuthorizationException", "You are not allowed to do this");
		}
		for (Throwable t = cause; t != null; t = t.getCause()) {
			Response erp = erpAnswer(t, uri);
			if (erp != null) {
				return erp;
			}
		}
		if (cause instanceof OptimisticLockingException) {
			return respond(409, "OptimisticLockingException",
					"The process was changed by another request at the same time; reload and retry");
		}
		if (DatabaseConstraints.isUnavailable(error)) {
			// restart, failover, no connection in time: nothing was kept, the same
			// request
			// can be sent again (docs/operations.md)
			log.warn("Engine request to {}: database unavailable", (uri != null) ? uri.getPath() : "?");
			return Response
				.fromResponse(respond(503, "DatabaseUnavailable",
						"The database is not reachable at the moment; nothing was saved, retry the request"))
				.header("Retry-After", "5")
				.build();
		}
		if (isPlatformFault(error)) {
			log.error("Engine request to {} failed", (uri != null) ? uri.getPath() : "?", error);
			return respond(500, "ServerError", "An unexpected error occurred");
		}
		if (error instanceof WebApplicationException web) {
			return ExceptionHandlerHelper.getInstance().getResponse(web);
		}
		if (cause instanceof NullPointerException || cause instanceof IllegalArgumentException
				|| cause instanceof ClassCastException || cause instanceof NumberFormatException) {
			// a resource read a value the request lacks or garbles
			log.debug("Engine request to {} is incomplete", (uri != null) ? uri.getPath() : "?", error);
			return respond(400, "InvalidRequestException", "The request is incomplete or has invalid values");
		}
		if (error instanceof RestException || cause instanceof ProcessEngineException) {
			Response camunda = ExceptionHandlerHelper.getInstance().getResponse(error);
			if (camunda.getStatus() >= 500) {
				// the engine refused what the client asked (a state, a value, a model):
				// 400
				log.debug("Engine refused a request to {}", (uri != null) ? uri.getPath() : "?", error);
				return respond(400, error.getClass().getSimpleName(), error.getMessage());
			}
			return camunda;
		}
		log.error("Engine request to {} failed", (uri != null) ? uri.getPath() : "?", error);
		return respond(500, "ServerError", "An unexpected error occurred");
	}

	/**
	 * Errors that mean "no such object for you": unknown, another tenant's, or an engine
	 * resource's own 404.
	 */
	private static boolean isHidden(Throwable error) {
		if (error instanceof RestException rest) {
			return rest.getStatus() == Response.Status.NOT_FOUND;
		}
		return error instanceof NullValueException
				|| error instanceof org.camunda.bpm.engine.exception.NotFoundException || isTenantRefusal(error);
	}

	/**
	 * The engine's tenant check, {@code ENGINE-13034 Cannot … no authenticated tenant},
	 * also when a resource re-wrapped only its message.
	 */
	private static boolean isTenantRefusal(Throwable error) {
		return error != null && error.getMessage() != null && (error.getMessage().contains("ENGINE-13034")
				|| error.getMessage().contains("belongs to no authenticated tenant"));
	}

	/** Whether the error, or one it wraps, tells that an object does not exist. */
	private static boolean saysNotFound(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			boolean engineOrRest = t instanceof ProcessEngineException || t instanceof RestException;
			if (engineOrRest && (isTenantRefusal(t)
					|| (t.getMessage() != null && NOT_FOUND.matcher(t.getMessage()).matches()))) {
				return true;
			}
		}
		return false;
	}

	private static Response erpAnswer(Throwable t, UriInfo uri) {
		if (t instanceof NotFoundException) {
			return notFound(uri);
		}
		if (t instanceof ForbiddenException) {
			return respond(403, "ForbiddenException", t.getMessage());
		}
		if (t instanceof ConflictException) {
			return respond(409, "ConflictException", t.getMessage());
		}
		if (t instanceof BusinessRuleViolation) {
			return respond(422, "BusinessRuleViolation", t.getMessage());
		}
		if (t instanceof InvalidInputException) {
			return respond(400, "InvalidInputException", t.getMessage());
		}
		return null;
	}

	private static boolean isPlatformFault(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof SQLException || t instanceof org.apache.ibatis.exceptions.PersistenceException
					|| t instanceof org.springframework.dao.DataAccessException
					|| t instanceof org.springframework.transaction.TransactionException) {
				return !(t instanceof org.springframework.dao.OptimisticLockingFailureException);
			}
		}
		return false;
	}

	/** Whether the request's path names an object by id (beyond the engine's name). */
	private static boolean addressesAnObject(UriInfo uri) {
		return uri != null && uri.getPathParameters().keySet().stream().anyMatch(p -> !NOT_OBJECT_IDS.contains(p));
	}

	private static Response notFound(UriInfo uri) {
		return respond(404, NOT_FOUND_TYPE, "Nothing found at " + ((uri != null) ? uri.getPath() : "this address"));
	}

	private static Response respond(int status, String type, String message) {
		ExceptionDto dto = new ExceptionDto();
		dto.setType(type);
		dto.setMessage(message);
		return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	/** Registers the mappers below in every Jersey application (engine REST, webapps). */
	public static final class Registration implements ForcedAutoDiscoverable {

		@Override
		public void configure(FeatureContext context) {
			if (!context.getConfiguration().isRegistered(EngineExceptions.class)) {
				context.register(EngineExceptions.class);
				context.register(RestExceptions.class);
				context.register(OtherExceptions.class);
				context.register(VisibilityCheck.class);
			}
		}

	}

	/**
	 * Before a request on {@code /<kind>/{id}/…} runs, checks with the engine's own
	 * query, as the caller, that the object is visible to them; if not, answers 404 as
	 * for an unknown id. Without it some engine commands check a property of the object
	 * before its tenant (a task's process, a job's state) or ignore unknown ids (204),
	 * and so tell what exists; a few do not check the tenant at all (a task's comments
	 * and attachments).
	 */
	@Priority(Priorities.AUTHORIZATION)
	public static final class VisibilityCheck implements ContainerRequestFilter {

		@Context
		UriInfo uri;

		@Override
		public void filter(ContainerRequestContext request) {
			String id = this.uri.getPathParameters(true).getFirst("id");
			if (id == null) {
				return;
			}
			List<PathSegment> segments = this.uri.getPathSegments(true);
			int start = 0;
			String engineName = null;
			if (segments.size() > 2 && segments.get(0).getPath().equals("engine")) {
				engineName = segments.get(1).getPath();
				start = 2;
			}
			if (segments.size() < start + 2) {
				return;
			}
			String kind = segments.get(start).getPath();
			int idAt = start + 1;
			if (kind.equals("history") && segments.size() > start + 2) {
				kind = "history/" + segments.get(start + 1).getPath();
				idAt = start + 2;
			}
			BiPredicate<ProcessEngine, String> visible = VISIBLE.get(kind);
			if (visible == null || !id.equals(segments.get(idAt).getPath())) {
				return;
			}
			ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
			if (engine != null && !visible.test(engine, id)) {
				request.abortWith(notFound(this.uri));
			}
		}

	}

	/** Engine exceptions, before Camunda's {@code ProcessEngineExceptionHandler}. */
	@Priority(Priorities.USER - 100)
	public static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		@Context
		UriInfo uri;

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return answer(exception, this.uri);
		}

	}

	/**
	 * The REST resources' own exceptions (often wrapping an engine exception as 500),
	 * before Camunda's {@code RestExceptionHandler}.
	 */
	@Priority(Priorities.USER - 100)
	public static final class RestExceptions implements ExceptionMapper<RestException> {

		@Context
		UriInfo uri;

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception, this.uri);
		}

	}

	/**
	 * Everything else a request can raise (the ERP's domain exceptions from delegates,
	 * JAX-RS's own), before Camunda's catch-all {@code ExceptionHandler}.
	 */
	@Priority(Priorities.USER - 100)
	public static final class OtherExceptions implements ExceptionMapper<RuntimeException> {

		@Context
		UriInfo uri;

		@Override
		public Response toResponse(RuntimeException exception) {
			return answer(exception, this.uri);
		}

	}

}
