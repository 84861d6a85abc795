package kz.prometric.erp.workflow;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import org.springframework.stereotype.Component;

/**
 * One login for the ERP's pages and Camunda's webapps: a login to the pages also logs the
 * user in to Tasklist, Cockpit and Admin in the same HTTP session, tied to the same ERP
 * session, so the page's "Open in Tasklist" button needs no second login and ending the
 * ERP session ends both ({@link WebappSessionGuard}); like a login to the webapps
 * themselves, it writes the person's own Tasklist filters ({@link TasklistFilters}).
 */
@Component
public class WebappLogins {

	private final ProcessEngine engine;

	private final TasklistFilters tasklistFilters;

	WebappLogins(ProcessEngine engine, TasklistFilters tasklistFilters) {
		this.engine = engine;
		this.tasklistFilters = tasklistFilters;
	}

	public void signIn(HttpSession session, String email, UUID erpSessionId) {
		UserAuthentication login = AuthenticationUtil.createAuthentication(this.engine, email);
		if (login == null) {
			return;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		authentications.addOrReplace(login);
		AuthenticationUtil.updateSession(session, authentications);
		session.setAttribute(WebappSessionGuard.ERP_SESSION_ATTRIBUTE, erpSessionId.toString());
		// his own Tasklist filters, as his roles and teams are now
		this.tasklistFilters.refresh(login.getIdentityId());
	}

}
