package kz.prometric.erp.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import kz.prometric.erp.organization.InvitationSent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails an invitation to the invited address once the invitation is committed.
 */
@Component
class InvitationMails {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneId.of("Asia/Almaty"));

	private final Mailer mailer;

	private final String publicUrl;

	InvitationMails(Mailer mailer, @Value("${prometric.public-url:http://localhost:8080}") String publicUrl) {
		this.mailer = mailer;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(InvitationSent invitation) {
		String role = invitation.role().name().toLowerCase(Locale.ROOT);
		String text = """
				Hello,

				%s invited you to join the workspace "%s" in Prometric ERP as %s.

				Log in (or register with this e-mail address) at %s and accept the invitation:
				POST /api/invitations/%s/accept, or see GET /api/invitations.

				The invitation is valid until %s.
				""".formatted(invitation.invitedByName(), invitation.workspaceName(), role, this.publicUrl,
				invitation.invitationId(), DATE.format(invitation.expiresAt()));
		this.mailer.send(invitation.email(), "Invitation to " + invitation.workspaceName() + " on Prometric ERP", text);
	}

}
