package kz.prometric.erp.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where a person starts: Tasklist, Cockpit, Swagger UI.
 */
@Component
class StartupInfo {

	private static final Logger log = LoggerFactory.getLogger(StartupInfo.class);

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	void print(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String base = environment.getProperty("prometric.public-url",
				"http://localhost:" + environment.getProperty("local.server.port", "8080"));
		log.info("""

				  Prometric ERP is running
				    Tasklist    {}/camunda/app/tasklist/
				    Cockpit     {}/camunda/app/cockpit/
				    Swagger UI  {}/swagger-ui.html
				    REST API    {}/api  (register: POST /api/auth/register, login: POST /api/auth/login)
				""", base, base, base, base);
	}

}
