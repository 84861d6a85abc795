package kz.prometric.erp.shared;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem documents every error of the API answers with, and writes
 * them where no MVC handler runs (security filters).
 */
public final class Problems {

	public static final String TYPE_PREFIX = "urn:prometric:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	public static ProblemDetail of(HttpStatus status, String type, String detail, List<FieldViolation> errors) {
		ProblemDetail problem = of(status, type, detail);
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		mapper.writeValue(response.getOutputStream(), problem);
	}

}
