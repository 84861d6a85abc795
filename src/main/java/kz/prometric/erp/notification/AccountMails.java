package kz.prometric.erp.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import kz.prometric.erp.identity.EmailVerificationRequested;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.PasswordChanged;
import kz.prometric.erp.identity.PasswordResetRequested;
import kz.prometric.erp.identity.RegistrationRepeated;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails about a user's own account, once the change is committed: the link that confirms
 * the e-mail address, a note to an account's owner when someone tries to register with
 * the address again, the link that resets a forgotten password, and a note that the
 * password was changed. The link's token is minted here, in the sending transaction: a
 * failed send rolls it back, and the token is never stored anywhere but in the mail.
 */
@Component
class AccountMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH)
		.withZone(ZoneId.of("Asia/Almaty"));

	private final Mailer mailer;

	private final IdentityManagement identity;

	private final String publicUrl;

	AccountMails(Mailer mailer, IdentityManagement identity,
			@Value("${prometric.public-url:http://localhost:8080}") String publicUrl) {
		this.mailer = mailer;
		this.identity = identity;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(EmailVerificationRequested request) {
		this.identity.mintVerificationToken(request.verificationId()).ifPresent(token -> {
			String link = this.publicUrl + "/api/auth/verify-email?token=" + token;
			String opening = switch (request.reason()) {
				case REGISTERED, RESENT -> """
						Hello %s,

						please confirm that this is your e-mail address for Prometric ERP: open the link below \
						and press "Confirm". You can log in already; you need a confirmed address to accept \
						invitations to workspaces.""".formatted(request.firstName());
				case REGISTERED_AGAIN -> """
						Hello,

						someone registered again with this e-mail address on Prometric ERP. The address has an \
						account that nobody has confirmed yet. If that registration was yours, open the link below \
						and press "Confirm": the account becomes yours with the password you chose in it, and \
						everyone else logged in to it is logged out.""";
			};
			String text = """
					%s

					%s

					Integrators: POST /api/auth/verify-email with {"token": "%s"}.

					The link works once, until %s (Almaty time). If you did not register, ignore this mail \
					and do not confirm.
					""".formatted(opening, link, token, TIME.format(request.expiresAt()));
			this.mailer.send(request.email(), "Confirm your e-mail address for Prometric ERP", text);
		});
	}

	@ApplicationModuleListener
	void on(RegistrationRepeated repeated) {
		this.mailer.send(repeated.email(), "Someone tried to register with your e-mail address", """
				Hello %s,

				someone tried to register a new Prometric ERP account with this e-mail address, which already \
				has your account. Nothing was changed. If it was you, log in at %s with your password.
				If it was not you, you need not do anything.
				""".formatted(repeated.firstName(), this.publicUrl));
	}

	@ApplicationModuleListener
	void on(PasswordResetRequested request) {
		this.identity.mintPasswordResetToken(request.resetId()).ifPresent(token -> {
			String link = this.publicUrl + "/password/reset?token=" + token;
			this.mailer.send(request.email(), "Reset your Prometric ERP password", """
					Hello %s,

					someone (we hope you) asked to reset the password of your Prometric ERP account. \
					To choose a new password, open this link:

					%s

					Integrators: POST /api/auth/reset-password with {"token": "%s", "newPassword": "..."}.

					The link works once, until %s (Almaty time); choosing a new password logs you out \
					everywhere. If you did not ask, ignore this mail: your password stays as it is.
					""".formatted(request.firstName(), link, token, TIME.format(request.expiresAt())));
		});
	}

	@ApplicationModuleListener
	void on(PasswordChanged changed) {
		String how = switch (changed.how()) {
			case CHANGED -> "was changed on " + TIME.format(changed.occurredAt())
					+ " (Almaty time) by someone logged in to your account; every other session of it was ended.";
			case RESET -> "was reset on " + TIME.format(changed.occurredAt())
					+ " (Almaty time) with a link mailed to this address; every session of it was ended.";
		};
		this.mailer.send(changed.email(), "Your Prometric ERP password was changed", """
				Hello %s,

				the password of your Prometric ERP account %s

				If it was you, nothing more is needed. If it was not you, reset your password at once at \
				%s/password/forgot and tell your workspace administrator.
				""".formatted(changed.firstName(), how, this.publicUrl));
	}

}
