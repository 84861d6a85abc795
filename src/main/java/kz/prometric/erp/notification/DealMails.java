package kz.prometric.erp.notification;

import kz.prometric.erp.crm.DealEvents.DealCloseDateReached;
import kz.prometric.erp.organization.OrganizationManagement;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminds a deal's owner by e-mail when its expected close date has come and it is still
 * open.
 */
@Component
class DealMails {

	private final Mailer mailer;

	private final OrganizationManagement organizations;

	DealMails(Mailer mailer, OrganizationManagement organizations) {
		this.mailer = mailer;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(DealCloseDateReached reached) {
		if (reached.assignedTo() == null) {
			return;
		}
		this.organizations.employeeInWorkspace(reached.workspaceId(), reached.assignedTo())
			.ifPresent(owner -> this.mailer.send(owner.email(), "Deal \"" + reached.title() + "\" is due to close", """
					Hello %s,

					the expected close date of the deal "%s" has come and the deal is still open.
					Move it on, win or lose it, or set a new expected close date.
					""".formatted(owner.name(), reached.title())));
	}

}
