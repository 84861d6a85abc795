package kz.prometric.erp.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * Reads one address's mailbox in the test run's GreenMail (without scanning every mail of
 * the run).
 */
public final class Mailboxes {

	public static final String VERIFICATION_SUBJECT = "Confirm your e-mail address for Prometric ERP";

	private static final Pattern TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");

	private Mailboxes() {
	}

	/** Every mail delivered to the address so far, oldest first. */
	public static List<MimeMessage> of(GreenMail greenMail, String email) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(email.toLowerCase());
		if (user == null) {
			return List.of();
		}
		for (int attempt = 1;; attempt++) {
			try {
				List<MimeMessage> mails = new ArrayList<>();
				for (StoredMessage message : greenMail.getManagers()
					.getImapHostManager()
					.getInbox(user)
					.getMessages()) {
					mails.add(message.getMimeMessage());
				}
				return mails;
			}
			catch (java.util.ConcurrentModificationException ex) {
				// GreenMail's inbox list grew while it was read (a mail arriving): read
				// again
				if (attempt == 10) {
					throw ex;
				}
			}
			catch (FolderException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/** The decoded text of a plain-text mail. */
	public static String text(MimeMessage mail) {
		try {
			return String.valueOf(mail.getContent());
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The tokens of the confirmation mails to the address, oldest first. */
	public static List<String> verificationTokens(GreenMail greenMail, String email) {
		return of(greenMail, email).stream()
			.filter(m -> VERIFICATION_SUBJECT.equals(subject(m)))
			.map(m -> token(text(m)))
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Waits until the address has received {@code count} confirmation mails and answers
	 * the token of the newest.
	 */
	public static String awaitVerificationToken(GreenMail greenMail, String email, int count) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> verificationTokens(greenMail, email).size() >= count);
		List<String> tokens = verificationTokens(greenMail, email);
		return tokens.get(tokens.size() - 1);
	}

	static Optional<String> token(String text) {
		Matcher matcher = TOKEN.matcher(text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * A mail's parts: text parts by content type (decoded), attachments by file name
	 * (bytes).
	 */
	public static java.util.Map<String, Object> parts(jakarta.mail.Part part) throws Exception {
		java.util.Map<String, Object> parts = new java.util.HashMap<>();
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				parts.putAll(parts(multipart.getBodyPart(i)));
			}
		}
		else if (part.getFileName() != null) {
			parts.put(part.getFileName(), part.getInputStream().readAllBytes());
		}
		else if (part.isMimeType("text/*")) {
			parts.put(part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT),
					part.getContent());
		}
		return parts;
	}

}
