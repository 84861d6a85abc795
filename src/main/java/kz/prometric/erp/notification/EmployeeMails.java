package kz.prometric.erp.notification;

import java.util.stream.Collectors;

import kz.prometric.erp.hr.OnboardingItemOverdue;
import kz.prometric.erp.hr.OnboardingStarted;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails of an employee's onboarding, sent once the step that decided them has
 * committed: the welcome to the new employee, and for an overdue required item a reminder
 * to whoever may do it and a notice to the employee's manager.
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

	@ApplicationModuleListener
	void on(OnboardingItemOverdue overdue) {
		String reminder = """
				Hello,

				the onboarding item "%s" of %s was due on %s and is still open (reminder %d of 3).
				Please complete it in Tasklist (%s/camunda/app/tasklist/) or mark it done there.
				""".formatted(overdue.itemTitle(), overdue.employeeName(), overdue.dueOn(), overdue.reminder(),
				this.publicUrl);
		for (String to : overdue.responsibleEmails()) {
			this.mailer.send(to, "Overdue onboarding item: " + overdue.itemTitle(), reminder);
		}
		if (overdue.managerEmail() != null) {
			this.mailer.send(overdue.managerEmail(), "Onboarding of " + overdue.employeeName() + " is late", """
					Hello,

					the required onboarding item "%s" of %s, due on %s, is still open (reminder %d of 3 sent to %s).
					""".formatted(overdue.itemTitle(), overdue.employeeName(), overdue.dueOn(), overdue.reminder(),
					overdue.responsibleEmails().isEmpty() ? "nobody: no one may do it yet"
							: String.join(", ", overdue.responsibleEmails())));
		}
	}

}
