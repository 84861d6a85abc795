package kz.prometric.erp.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where a login attempt comes from: the client address of the current HTTP request as the
 * servlet container reports it ({@code getRemoteAddr()}). Behind a proxy, Tomcat's
 * {@code RemoteIpValve} puts the client address there, reading {@code X-Forwarded-For}
 * only from the trusted proxies ({@code server.tomcat.remoteip.internal-proxies}); a
 * header sent by anyone else is ignored, so the source cannot be forged. IPv6 addresses
 * count by their /64 network, since one host usually holds a whole /64.
 */
final class LoginSource {

	/** Password checks outside any HTTP request (none today). */
	static final String INTERNAL = "internal";

	private LoginSource() {
	}

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	static String current() {
		String bound = CURRENT.get();
		if (bound != null) {
			return bound;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return of(servlet.getRequest());
		}
		return INTERNAL;
	}

	static String of(HttpServletRequest request) {
		return normalize(request.getRemoteAddr());
	}

	static String normalize(String address) {
		if (address == null || address.isBlank()) {
			return INTERNAL;
		}
		if (address.indexOf(':') >= 0) {
			try {
				// a literal, never a name: no DNS lookup happens here
				byte[] bytes = InetAddress.getByName(address.strip()).getAddress();
				if (bytes.length == 16) {
					return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
				}
			}
			catch (UnknownHostException ex) {
				// not an address literal: keep it as it is (shortened)
			}
		}
		String stripped = address.strip();
		return (stripped.length() > 64) ? stripped.substring(0, 64) : stripped;
	}

	/**
	 * Binds the request's source address to the thread for every request, before any
	 * other filter (Spring's request context is not bound yet where Spring Security
	 * checks basic authentication for the engine REST API).
	 */
	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String previous = CURRENT.get();
			CURRENT.set(of(request));
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (previous == null) {
					CURRENT.remove();
				}
				else {
					CURRENT.set(previous);
				}
			}
		}

	}

}
