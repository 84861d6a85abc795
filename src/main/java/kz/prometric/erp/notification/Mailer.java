package kz.prometric.erp.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text e-mail through Spring Mail when an SMTP server is configured
 * ({@code spring.mail.host}); without one (a development run) it writes the mail to the
 * log instead. A failure to send propagates, so the event publication stays incomplete
 * and is retried.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender,
			@Value("${prometric.mail.from:Prometric ERP <no-reply@prometric.local>}") String from) {
		this.sender = sender;
		this.from = from;
	}

	void send(String to, String subject, String text) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.info("No SMTP server configured (spring.mail.host); mail to {} not sent:\nSubject: {}\n\n{}", to,
					subject, text);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		mail.send(message);
		log.info("Sent '{}' to {}", subject, to);
	}

	/**
	 * Sends an HTML e-mail with a plain-text alternative; like {@link #send}, a failure
	 * propagates (so the event publication is retried).
	 */
	void sendHtml(String to, String subject, String text, String html) {
		sendHtml(to, subject, text, html, null);
	}

	/**
	 * Like {@link #sendHtml(String, String, String, String)}, with a file attached
	 * ({@code attachment} may be null).
	 */
	void sendHtml(String to, String subject, String text, String html, Attachment attachment) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.info("No SMTP server configured (spring.mail.host); HTML mail to {} not sent:\nSubject: {}\n\n{}", to,
					subject, text);
			return;
		}
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
			if (attachment != null) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			mail.send(message);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Cannot build the mail '" + subject + "'", ex);
		}
		log.info("Sent '{}' to {}", subject, to);
	}

	/** A file attached to a mail. */
	record Attachment(String fileName, byte[] content, String contentType) {
	}

}
