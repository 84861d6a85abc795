package kz.prometric.erp.notification;

import kz.prometric.erp.crm.DealEvents.DealCloseDateReached;
import kz.prometric.erp.hr.HrManagement;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminds a deal's owner by e-mail when its expected close date has come and it is still
 * open.
 */
@Component
class DealMails {

	private final Mailer mailer;

	private final HrManagement hr;

	DealMails(Mailer mailer, HrManagement hr) {
		this.mailer = mailer;
		this.hr = hr;
	}

	@ApplicationModuleListener
	void on(DealCloseDateReached reached) {
		if (reached.assignedTo() == null) {
			return;
		}
		this.hr.employeeInWorkspace(reached.workspaceId(), reached.assignedTo())
			.ifPresent(owner -> this.mailer.send(owner.email(), "Deal \"" + reached.title() + "\" is due to close", """
					Hello %s,

					the expected close date of the deal "%s" has come and the deal is still open.
					Move it on, win or lose it, or set a new expected close date.
					""".formatted(owner.name(), reached.title())));
	}

}
