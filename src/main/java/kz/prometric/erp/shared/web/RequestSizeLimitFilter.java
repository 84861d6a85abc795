package kz.prometric.erp.shared.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.shared.Problems;
import kz.prometric.erp.shared.RequestBodyLimit;

import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies of the ERP API larger than {@code prometric.http.max-body-size}
 * with 413, whether the client announces the length or streams it chunked. Routes that
 * declare a {@link RequestBodyLimit} (the document upload) have theirs instead.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final long limit;

	private final List<RequestBodyLimit> routes;

	private final ObjectMapper mapper;

	RequestSizeLimitFilter(long limit, ObjectMapper mapper) {
		this(limit, List.of(), mapper);
	}

	RequestSizeLimitFilter(long limit, List<RequestBodyLimit> routes, ObjectMapper mapper) {
		this.limit = limit;
		this.routes = List.copyOf(routes);
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long allowed = limitOf(request);
		if (request.getContentLengthLong() > allowed) {
			Problems.write(response, this.mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
					"Request body exceeds the limit of " + allowed + " bytes"));
			return;
		}
		chain.doFilter(new LimitedRequest(request, allowed), response);
	}

	private long limitOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (RequestBodyLimit route : this.routes) {
			if (route.method().equalsIgnoreCase(request.getMethod()) && PATHS.match(route.pathPattern(), path)) {
				return route.maxBytes();
			}
		}
		return this.limit;
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit) {
				throw new PayloadTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
