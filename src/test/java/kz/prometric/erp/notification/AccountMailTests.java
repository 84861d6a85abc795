package kz.prometric.erp.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ErpIntegrationTest
class AccountMailTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void mailsANewUserALinkThatConfirmsTheAddress() throws Exception {
		String email = "welcome-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";

		register(email, "Zarina");

		String token = Mailboxes.awaitVerificationToken(this.greenMail, email, 1);
		MimeMessage mail = Mailboxes.of(this.greenMail, email).get(0);
		assertThat(Mailboxes.subject(mail)).isEqualTo("Confirm your e-mail address for Prometric ERP");
		assertThat(Mailboxes.text(mail)).contains("Hello Zarina", "/api/auth/verify-email?token=" + token,
				"You can log in already");
		// only the hash is kept: neither the token table nor the event log holds the
		// token
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Long.class, "%" + token + "%"))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from idn_email_verification where token_hash = ?",
				Long.class, token))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from idn_email_verification where token_hash = ?",
				Long.class, sha256(token)))
			.isEqualTo(1);
	}

	@Test
	void tellsTheOwnerWhenSomeoneRegistersWithHisAddressAgain() {
		TestData.User owner = this.data.user("Meruert");

		register(owner.email(), "Intruder");

		await().atMost(Duration.ofSeconds(15)).until(() -> Mailboxes.of(this.greenMail, owner.email()).size() == 2);
		MimeMessage mail = Mailboxes.of(this.greenMail, owner.email()).get(1);
		assertThat(Mailboxes.subject(mail)).isEqualTo("Someone tried to register with your e-mail address");
		assertThat(Mailboxes.text(mail)).contains("Hello Meruert", "Nothing was changed");
		assertThat(Mailboxes.text(mail)).doesNotContain("verify-email");
	}

	@Test
	void warnsThatConfirmingARepeatedRegistrationHandsOverTheAccount() {
		String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		register(email, "First");
		Mailboxes.awaitVerificationToken(this.greenMail, email, 1);

		register(email, "Second");

		Mailboxes.awaitVerificationToken(this.greenMail, email, 2);
		List<MimeMessage> mails = Mailboxes.of(this.greenMail, email);
		assertThat(Mailboxes.text(mails.get(1))).contains("someone registered again", "the password you chose in it",
				"everyone else logged in to it is logged out");
	}

	private static String sha256(String text) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private void register(String email, String firstName) {
		Api.Response registered = this.api.post("/api/auth/register", null,
				Map.of("email", email, "password", TestData.PASSWORD, "firstName", firstName, "lastName", "Testov"));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
	}

}
