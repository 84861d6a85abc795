package kz.prometric.erp.workflow;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.prometric.erp.identity.IdentityManagement;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ties every webapp login (Tasklist, Cockpit, Admin) to an ERP session of its own and
 * checks it on every request, before the webapps read their login from the HTTP session:
 * <ul>
 * <li>a successful webapp login opens an ERP session and records its id in the HTTP
 * session;</li>
 * <li>when that ERP session has ended (logout everywhere, refresh-token reuse) or the
 * account is blocked, the HTTP session is invalidated: the request, and every later one,
 * is unauthenticated;</li>
 * <li>the webapps' own logout ends the ERP session and the HTTP session;</li>
 * <li>a successful login writes the person's own Tasklist filters
 * ({@link TasklistFilters}).</li>
 * </ul>
 * Groups and tenants are recomputed on every request by the webapps themselves
 * ({@code camunda.bpm.webapp.auth.cache.time-to-live: 0}), so a removed membership ends
 * at once too.
 */
class WebappSessionGuard extends OncePerRequestFilter {

	static final String ERP_SESSION_ATTRIBUTE = "prometric.erpSessionId";

	/** The session attribute under which the webapps keep their logins. */
	private static final String WEBAPP_AUTHENTICATIONS = "authenticatedUser";

	private static final Pattern LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+$");

	private static final Pattern LOGOUT = Pattern.compile(".*/api/admin/auth/user/[^/]+/logout$");

	private final IdentityManagement identity;

	private final TasklistFilters tasklistFilters;

	WebappSessionGuard(IdentityManagement identity, TasklistFilters tasklistFilters) {
		this.identity = identity;
		this.tasklistFilters = tasklistFilters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			endIfItsErpSessionEnded(session);
		}
		chain.doFilter(request, response);
		if (!"POST".equals(request.getMethod()) || response.getStatus() != HttpServletResponse.SC_OK) {
			return;
		}
		String path = request.getRequestURI();
		if (LOGIN.matcher(path).matches()) {
			Optional<HttpSession> loggedIn = Optional.ofNullable(request.getSession(false));
			loggedIn.ifPresent(this::bind);
			// the person's own Tasklist filters, as his roles and teams are now
			loggedIn.flatMap(WebappSessionGuard::loggedInQuietly).ifPresent(this.tasklistFilters::refresh);
		}
		else if (LOGOUT.matcher(path).matches()) {
			Optional.ofNullable(request.getSession(false)).ifPresent(this::end);
		}
	}

	private void endIfItsErpSessionEnded(HttpSession session) {
		Optional<String> user;
		try {
			user = loggedIn(session);
		}
		catch (IllegalStateException ex) {
			// invalidated meanwhile
			return;
		}
		if (user.isEmpty()) {
			return;
		}
		UUID erpSession = erpSession(session).orElseGet(() -> bind(session));
		if (erpSession == null || !this.identity.isSessionOf(erpSession, user.get())) {
			invalidate(session);
		}
	}

	/** Opens the ERP session of a fresh webapp login. */
	private UUID bind(HttpSession session) {
		synchronized (this) {
			Optional<UUID> bound = erpSession(session);
			if (bound.isPresent()) {
				return bound.get();
			}
			Optional<String> user = loggedIn(session);
			if (user.isEmpty()) {
				return null;
			}
			UUID opened = this.identity.openSessionFor(user.get()).orElse(null);
			if (opened != null) {
				session.setAttribute(ERP_SESSION_ATTRIBUTE, opened.toString());
			}
			return opened;
		}
	}

	private void end(HttpSession session) {
		erpSession(session).ifPresent(this.identity::logout);
		invalidate(session);
	}

	private static Optional<String> loggedIn(HttpSession session) {
		if (session.getAttribute(WEBAPP_AUTHENTICATIONS) instanceof Authentications authentications) {
			List<UserAuthentication> logins = authentications.getAuthentications();
			return logins.stream().map(UserAuthentication::getIdentityId).findFirst();
		}
		return Optional.empty();
	}

	private static Optional<String> loggedInQuietly(HttpSession session) {
		try {
			return loggedIn(session);
		}
		catch (IllegalStateException ex) {
			// invalidated meanwhile
			return Optional.empty();
		}
	}

	private static Optional<UUID> erpSession(HttpSession session) {
		Object id = session.getAttribute(ERP_SESSION_ATTRIBUTE);
		try {
			return Optional.ofNullable(id).map(Object::toString).map(UUID::fromString);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static void invalidate(HttpSession session) {
		try {
			session.invalidate();
		}
		catch (IllegalStateException ex) {
			// already invalidated
		}
	}

}
