package kz.prometric.erp.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.Problems;
import kz.prometric.erp.shared.TooManyRequestsException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception a request can cause into an {@code application/problem+json}
 * answer: 400 for malformed input (naming the field), 403/404/409/413/422/429 for the
 * domain's refusals, and a generic 500 with a correlation id for anything unexpected. No
 * stack trace ever reaches a client.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	/** Seconds a client waits before sending a request the database could not take. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(NotFoundException ex) {
		return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(InvalidInputException ex) {
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "validation", ex.getMessage(), ex.violations()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(BusinessRuleViolation ex) {
		return answer(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule", ex.getMessage(), ex.violations()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(ConflictException ex) {
		List<FieldViolation> errors = (ex.field() != null) ? List.of(new FieldViolation(ex.field(), ex.getMessage()))
				: List.of();
		return answer(Problems.of(HttpStatus.CONFLICT, "conflict", ex.getMessage(), errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(ForbiddenException ex) {
		return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AccessDeniedException ex) {
		return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Access denied"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AuthenticationException ex) {
		return answer(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(TooManyRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(PayloadTooLargeException ex) {
		return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", ex.getMessage()));
	}

	/**
	 * A multipart body that cannot be parsed (a missing or wrong boundary, a cut-off
	 * part): 400. A body over the route's limit while it streams in: 413. (A part over
	 * Spring's multipart limits is {@link MaxUploadSizeExceededException}, 413 below.)
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MultipartException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage()));
			}
		}
		log.info("Refused a multipart body that cannot be read: {}", rootMessage(ex));
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
				"The multipart body cannot be read (boundary, part headers or length)"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(ConstraintViolationException ex) {
		List<FieldViolation> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "validation", "Request has invalid fields", errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No resource at this address"));
		}
		String message = "has an invalid value '" + ex.getValue() + "'";
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "validation", ex.getName() + " " + message,
				List.of(new FieldViolation(ex.getName(), message))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(OptimisticLockingFailureException ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
				"The resource was changed by another request; reload and retry"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(OptimisticLockingException ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
				"The process was moved on by another request at the same time; reload and retry"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MismatchingMessageCorrelationException ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, "conflict", "The process is no longer waiting for this change"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(PessimisticLockingFailureException ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
				"The resource is being changed by another request; retry"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(DataIntegrityViolationException ex) {
		if (DatabaseConstraints.isDataException(ex)) {
			log.info("Refused input the database cannot store: {}", rootMessage(ex));
			return answer(Problems.of(HttpStatus.BAD_REQUEST, "validation",
					"The request contains values that cannot be stored (e.g. NUL characters)"));
		}
		log.info("Refused write that violates a database constraint: {}", rootMessage(ex));
		return answer(Problems.of(HttpStatus.CONFLICT, "conflict", "The request conflicts with existing data"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(Exception ex) {
		if (DatabaseConstraints.isUnavailable(ex)) {
			return databaseUnavailable(ex);
		}
		String correlationId = Optional.ofNullable(MDC.get(CorrelationIdFilter.MDC_KEY))
			.orElse(UUID.randomUUID().toString());
		log.error("Unexpected error [correlationId={}]", correlationId, ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
				"An unexpected error occurred; quote the correlation id when reporting it");
		problem.setProperty("correlationId", correlationId);
		return answer(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new FieldViolation(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new FieldViolation(e.getObjectName(), e.getDefaultMessage())));
		String fields = errors.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
		return generic(Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid fields: " + fields, errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(r -> r.getResolvableErrors()
				.forEach(e -> errors
					.add(new FieldViolation(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
		return generic(Problems.of(HttpStatus.BAD_REQUEST, "validation", "Request has invalid parameters", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof PayloadTooLargeException tooLarge) {
			return generic(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage()));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = fieldPath(mapping);
			String message = describe(mapping);
			return generic(Problems.of(HttpStatus.BAD_REQUEST, "validation", field + " " + message,
					List.of(new FieldViolation(field, message))));
		}
		String duplicate = duplicateField(cause);
		if (duplicate != null) {
			String message = "is given more than once";
			return generic(Problems.of(HttpStatus.BAD_REQUEST, "validation", duplicate + " " + message,
					List.of(new FieldViolation(duplicate, message))));
		}
		String detail = (cause instanceof JsonProcessingException) ? "Malformed JSON body"
				: "Request body is missing or unreadable";
		return generic(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", detail));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return generic(Problems.of(HttpStatus.BAD_REQUEST, "validation", ex.getParameterName() + " is required",
				List.of(new FieldViolation(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return generic(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No resource at this address"));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return generic(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No resource at this address"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", ex.getMessage()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.headers(headers)
			.body(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Send the body as application/json"));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return generic(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Upload is too large"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own exceptions not handled above: keep their status, give them our
		// problem shape.
		HttpStatus status = HttpStatus.valueOf(statusCode.value());
		String detail = (body instanceof ProblemDetail pd && pd.getDetail() != null) ? pd.getDetail()
				: status.getReasonPhrase();
		return ResponseEntity.status(status).headers(headers).body(Problems.of(status, "http", detail));
	}

	/**
	 * The database is restarting or out of reach: 503 with {@code Retry-After}, not a
	 * 500. Nothing of the request was kept, so the client sends it again (with the same
	 * {@code Idempotency-Key} where it used one). docs/operations.md, "When PostgreSQL
	 * goes away".
	 */
	static ResponseEntity<ProblemDetail> databaseUnavailable(Throwable ex) {
		log.warn("Database unavailable: {}", rootMessage(ex));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
					"The database is not reachable at the moment; nothing was saved, retry the request"));
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ResponseEntity<Object> generic(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static String fieldPath(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getFieldName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * The field named by Jackson's strict duplicate detection ("Duplicate field 'x'"),
	 * with the path of the object it is in; null for other errors.
	 */
	private static String duplicateField(Throwable cause) {
		if (!(cause instanceof StreamReadException read) || read.getOriginalMessage() == null) {
			return null;
		}
		Matcher matcher = DUPLICATE_FIELD.matcher(read.getOriginalMessage());
		if (!matcher.matches()) {
			return null;
		}
		JsonParser parser = read.getProcessor();
		if (parser != null && parser.getParsingContext() != null) {
			// the parser stopped on the duplicate: its context is the path to it
			String path = path(parser.getParsingContext());
			if (!path.isEmpty()) {
				return path;
			}
		}
		return matcher.group(1);
	}

	private static String path(JsonStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inArray()) {
				path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
			}
			else if (c.getCurrentName() != null) {
				path.insert(0,
						(path.isEmpty() || path.charAt(0) == '[') ? c.getCurrentName() : c.getCurrentName() + ".");
			}
		}
		return path.toString();
	}

	private static String describe(JsonMappingException ex) {
		if (ex instanceof JsonInputOutput.RefusedValueException refused) {
			return refused.reason();
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof InvalidFormatException format) {
			return "has an invalid value '" + format.getValue() + "' (expected " + simpleType(format.getTargetType())
					+ ")";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "has the wrong type (expected " + simpleType(mismatch.getTargetType()) + ")";
		}
		return "is invalid";
	}

	private static String simpleType(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			StringBuilder values = new StringBuilder("one of ");
			for (int i = 0; i < constants.length; i++) {
				values.append(i == 0 ? "" : ", ").append(constants[i]);
			}
			return values.toString();
		}
		return switch (type.getSimpleName()) {
			case "UUID" -> "a UUID";
			case "LocalDate" -> "a date yyyy-MM-dd";
			case "Instant", "OffsetDateTime" -> "an ISO-8601 timestamp";
			case "Integer", "int", "Long", "long" -> "an integer";
			case "BigDecimal", "Double", "double" -> "a number";
			case "Boolean", "boolean" -> "true or false";
			case "String" -> "a string";
			default -> type.getSimpleName();
		};
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? path : path.substring(dot + 1);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
