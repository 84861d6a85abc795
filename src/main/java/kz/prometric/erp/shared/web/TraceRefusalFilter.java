package kz.prometric.erp.shared.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.shared.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code TRACE} is refused everywhere ({@code /api}, {@code /camunda},
 * {@code /engine-rest}, static files) with 405 problem+json, before anything else runs
 * and without echoing the request (its headers carry credentials). Tomcat lets
 * {@code TRACE} through to this filter only so that the refusal can have our problem
 * shape; nothing behind it ever sees one.
 */
class TraceRefusalFilter extends OncePerRequestFilter {

	static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	private final ObjectMapper mapper;

	TraceRefusalFilter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("TRACE".equalsIgnoreCase(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, ALLOWED);
			Problems.write(response, this.mapper,
					Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "TRACE is not supported"));
			return;
		}
		chain.doFilter(request, response);
	}

}
