package kz.prometric.erp.notification;

import java.util.stream.Collectors;

import kz.prometric.erp.hr.OnboardingStarted;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The welcome e-mail to a new employee, sent once the step that decided it has committed
 * (overdue onboarding items are notifications: {@link DomainNotifications}).
 */
@Component
class EmployeeMails {

	private final Mailer mailer;

	private final String publicUrl;

	EmployeeMails(Mailer mailer, @Value("${prometric.public-url:http://localhost:8080}") String publicUrl) {
		this.mailer = mailer;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(OnboardingStarted started) {
		String company = started.companyName().isBlank() ? "the company" : started.companyName();
		String items = started.items().stream().map(item -> "- " + item).collect(Collectors.joining("\n"));
		String invitation = started.invited()
				? "You have also been invited to the company's workspace in Prometric ERP: log in (or register with this"
						+ " e-mail address) at " + this.publicUrl + " and accept the invitation."
				: "You already have access to the company's workspace in Prometric ERP at " + this.publicUrl + ".";
		this.mailer.send(started.email(), "Welcome to " + company,
				"""
						Hello %s,

						welcome to %s%s! Your first working day is %s.

						%s

						Your onboarding checklist:
						%s
						""".formatted(started.name(), company,
						(started.position() == null || started.position().isBlank()) ? "" : " as " + started.position(),
						started.startDate(), invitation, items));
	}

}
