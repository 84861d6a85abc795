package kz.prometric.erp.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import kz.prometric.erp.organization.InvitationSent;
import kz.prometric.erp.organization.WorkspaceManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails an invitation to the invited address once the invitation is committed. The
 * link's secret is minted here, in the sending transaction, and is never stored anywhere
 * but in the mail; the link leads a new user through registration into the workspace.
 */
@Component
class InvitationMails {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneId.of("Asia/Almaty"));

	private final Mailer mailer;

	private final WorkspaceManagement workspaces;

	private final String publicUrl;

	InvitationMails(Mailer mailer, WorkspaceManagement workspaces,
			@Value("${prometric.public-url:http://localhost:8080}") String publicUrl) {
		this.mailer = mailer;
		this.workspaces = workspaces;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(InvitationSent invitation) {
		this.workspaces.mintInvitationToken(invitation.invitationId()).ifPresent(token -> {
			String role = invitation.role().name().toLowerCase(Locale.ROOT);
			String text = """
					Hello,

					%s invited you to join the workspace "%s" in Prometric ERP as %s.

					Open this link to accept; if you have no account yet, you register there with this \
					e-mail address and land in the workspace:

					%s/invitations/%s

					Integrators: POST /api/auth/invitation with {"token": "%s"} shows the invitation; \
					POST /api/invitations/accept with the same body accepts it when logged in as this \
					address (or POST /api/invitations/%s/accept with a confirmed address).

					The invitation is valid until %s. Do not forward this mail: the link is yours.
					""".formatted(invitation.invitedByName(), invitation.workspaceName(), role, this.publicUrl, token,
					token, invitation.invitationId(), DATE.format(invitation.expiresAt()));
			this.mailer.send(invitation.email(), "Invitation to " + invitation.workspaceName() + " on Prometric ERP",
					text);
		});
	}

}
