package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.shared.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task and filter queries that carry expressions ({@code ${...}} or
 * {@code #{...}}), in the query string or anywhere in a JSON body (including
 * {@code orQueries} entries and unicode-escaped text). Camunda 7.24 community has no
 * patch for expressions in {@code orQueries} (CVE-2026-109432); ad-hoc and stored query
 * expressions are also switched off in the engine configuration.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

	private static final int MAX_QUERY_BODY = 256 * 1024;

	private final ObjectMapper mapper;

	QueryExpressionGuard(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().toLowerCase();
		return !(path.contains("task") || path.contains("filter"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && containsExpression(decode(query))) {
			refuse(response);
			return;
		}
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
			// form posts (e.g. the webapp login) are read by the container; check the
			// decoded parameters
			boolean expression = request.getParameterMap()
				.values()
				.stream()
				.flatMap(Arrays::stream)
				.anyMatch(QueryExpressionGuard::containsExpression);
			if (expression) {
				refuse(response);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_QUERY_BODY) {
			Problems.write(response, this.mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
					"Task and filter requests are limited to " + MAX_QUERY_BODY + " bytes"));
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
		if (body.length > MAX_QUERY_BODY) {
			Problems.write(response, this.mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
					"Task and filter requests are limited to " + MAX_QUERY_BODY + " bytes"));
			return;
		}
		if (body.length > 0 && bodyContainsExpression(body)) {
			refuse(response);
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private boolean bodyContainsExpression(byte[] body) {
		String raw = new String(body, StandardCharsets.UTF_8);
		if (containsExpression(raw) || containsExpression(decode(raw))) {
			return true;
		}
		try {
			return containsExpression(this.mapper.readTree(body));
		}
		catch (JsonProcessingException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static boolean containsExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return containsExpression(node.asText());
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (containsExpression(field.getKey()) || containsExpression(field.getValue())) {
				return true;
			}
		}
		for (JsonNode element : node) {
			if (!node.isObject() && containsExpression(element)) {
				return true;
			}
		}
		return false;
	}

	static boolean containsExpression(String text) {
		return text != null && (text.contains("${") || text.contains("#{"));
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private void refuse(HttpServletResponse response) throws IOException {
		Problems.write(response, this.mapper, Problems.of(HttpStatus.BAD_REQUEST, "expression-not-allowed",
				"Expressions (${...} or #{...}) are not allowed in task or filter queries"));
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
