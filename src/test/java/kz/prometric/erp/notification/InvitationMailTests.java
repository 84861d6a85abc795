package kz.prometric.erp.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ErpIntegrationTest
class InvitationMailTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Test
	void emailsTheInviteeOnceTheInvitationIsCommitted() throws Exception {
		TestData.User owner = this.data.user("Saule");
		TestData.Org org = this.data.organization(owner, "Steppe Logistics");
		String invitee = "newcomer-" + System.nanoTime() + "@example.kz";

		Api.Response invited = this.api.post("/api/workspaces/" + org.workspaceId() + "/invitations", owner.token(),
				Map.of("email", invitee, "role", "MANAGER"));

		assertThat(invited.status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(invitee).size() == 1);
		MimeMessage mail = mailsTo(invitee).get(0);
		assertThat(mail.getSubject()).isEqualTo("Invitation to Steppe Logistics on Prometric ERP");
		assertThat(GreenMailUtil.getBody(mail)).contains("Saule Testov", "as manager",
				invited.json().path("id").asText());
	}

	@Test
	void sendsNothingWhenTheInvitationIsRefused() throws Exception {
		TestData.User owner = this.data.user("Timur");
		TestData.Org org = this.data.organization(owner, "Aral Trade");
		String invitee = "refused-" + System.nanoTime() + "@example.kz";

		Api.Response refused = this.api.post("/api/workspaces/" + org.workspaceId() + "/invitations", owner.token(),
				Map.of("email", invitee, "role", "OWNER"));

		assertThat(refused.status()).isEqualTo(422);
		Thread.sleep(1000);
		assertThat(mailsTo(invitee)).isEmpty();
	}

	private List<MimeMessage> mailsTo(String address) throws Exception {
		return Arrays.stream(this.greenMail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equals(address));
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

}
