package kz.prometric.erp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries end to end on the real database: a deal won through the API reaches
 * each subscribed receiver once, signed; failures are retried on the back-off schedule
 * until the first 2xx; other workspaces' events and other kinds never arrive; a row held
 * by a worker that died is sent when its lease runs out. The worker is run by the tests
 * (it is off in the test profile), as if the time were the one given.
 */
@ErpIntegrationTest
class WebhookDeliveryTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	TargetPolicy policy;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper mapper;

	@Test
	void deliversAWonDealOnceToEachSubscriptionSignedWithItsSecret() throws Exception {
		TestData.User owner = this.data.user("Aidana");
		TestData.Org org = this.data.organization(owner, "Aidana Hooks");
		try (Receiver first = Receiver.start(); Receiver second = Receiver.start(); Receiver other = Receiver.start()) {
			JsonNode firstHook = subscribe(owner, org.workspaceId(), first.url(), List.of("deal.won"));
			JsonNode secondHook = subscribe(owner, org.workspaceId(), second.url(), List.of("deal.lost", "deal.won"));
			JsonNode otherHook = subscribe(owner, org.workspaceId(), other.url(), List.of("invoice.paid"));

			UUID dealId = winADeal(owner, org.workspaceId());
			awaitDeliveries(owner, org.workspaceId(), id(firstHook), 1);
			awaitDeliveries(owner, org.workspaceId(), id(secondHook), 1);
			// the senders' pool, as the scheduled worker runs it
			this.worker.dispatch(Instant.now());
			await().atMost(Duration.ofSeconds(20))
				.until(() -> first.requests().size() == 1 && second.requests().size() == 1);
			this.worker.runDue(Instant.now().plus(Duration.ofHours(2)));

			assertThat(first.requests()).hasSize(1);
			assertThat(second.requests()).hasSize(1);
			assertThat(other.requests()).as("a subscription to other kinds").isEmpty();
			assertThat(deliveries(owner, org.workspaceId(), id(otherHook))).isEmpty();
			Receiver.Request request = first.requests().get(0);
			assertSigned(request, firstHook.path("secret").asText());
			assertSigned(second.requests().get(0), secondHook.path("secret").asText());
			JsonNode body = this.mapper.readTree(request.body());
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.header("Content-Type")).startsWith("application/json");
			assertThat(request.header("Prometric-Event-Kind")).isEqualTo("deal.won");
			assertThat(request.header("Prometric-Event-Id")).isEqualTo(body.path("id").asText());
			assertThat(second.requests().get(0).header("Prometric-Event-Id")).as("one event, one id")
				.isEqualTo(body.path("id").asText());
			assertThat(body.path("kind").asText()).isEqualTo("deal.won");
			assertThat(body.path("workspaceId").asText()).isEqualTo(org.workspaceId().toString());
			assertThat(body.path("subject").path("type").asText()).isEqualTo("deal");
			assertThat(body.path("subject").path("id").asText()).isEqualTo(dealId.toString());
			assertThat(body.path("data").path("dealId").asText()).isEqualTo(dealId.toString());
			assertThat(body.path("data").path("value").asText()).isEqualTo("500000.00");
			assertThat(Instant.parse(body.path("occurredAt").asText())).isBefore(Instant.now());
			assertThat(this.jdbc.queryForObject(
					"select count(*) from evt_business_event where kind = 'deal.won' and subject_id = ?", Long.class,
					dealId))
				.as("the catalogue stores the fact once")
				.isEqualTo(1);
			JsonNode delivery = deliveries(owner, org.workspaceId(), id(firstHook)).get(0);
			assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
			assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
			JsonNode detail = this.api
				.get(hooks(org.workspaceId()) + "/" + id(firstHook) + "/deliveries/" + delivery.path("id").asText(),
						owner.token())
				.json();
			assertThat(detail.path("attemptLog")).hasSize(1);
			assertThat(detail.path("attemptLog").get(0).path("statusCode").asInt()).isEqualTo(200);
		}
	}

	@Test
	void retriesWhileTheReceiverAnswers500AndStopsAfterItsFirst2xx() throws Exception {
		TestData.User owner = this.data.user("Berik");
		TestData.Org org = this.data.organization(owner, "Berik Retries");
		try (Receiver receiver = Receiver.start()) {
			receiver.answer(500);
			JsonNode hook = subscribe(owner, org.workspaceId(), receiver.url(), List.of("deal.won"));
			winADeal(owner, org.workspaceId());
			awaitDeliveries(owner, org.workspaceId(), id(hook), 1);
			Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

			this.worker.runDue(start);
			JsonNode afterFirst = deliveries(owner, org.workspaceId(), id(hook)).get(0);
			this.worker.runDue(start.plusSeconds(10));
			Instant second = Instant.parse(afterFirst.path("nextAttemptAt").asText());
			this.worker.runDue(second);
			JsonNode afterSecond = deliveries(owner, org.workspaceId(), id(hook)).get(0);
			receiver.answer(204);
			Instant third = Instant.parse(afterSecond.path("nextAttemptAt").asText());
			this.worker.runDue(third);
			this.worker.runDue(third.plus(Duration.ofHours(3)));

			assertThat(afterFirst.path("status").asText()).isEqualTo("PENDING");
			assertThat(afterFirst.path("lastStatusCode").asInt()).isEqualTo(500);
			assertThat(Duration.between(start, second)).as("first retry after 30 s").isEqualTo(Duration.ofSeconds(30));
			assertThat(Duration.between(second, third)).as("then 1 minute").isEqualTo(Duration.ofMinutes(1));
			assertThat(receiver.requests()).as("two 500s, then one 204, then nothing").hasSize(3);
			assertThat(receiver.requests()).extracting(r -> r.header("Prometric-Event-Id"))
				.containsOnly(receiver.requests().get(0).header("Prometric-Event-Id"));
			receiver.requests().forEach(r -> assertSigned(r, hook.path("secret").asText()));
			JsonNode delivered = deliveries(owner, org.workspaceId(), id(hook)).get(0);
			assertThat(delivered.path("status").asText()).isEqualTo("DELIVERED");
			assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
			assertThat(delivered.has("nextAttemptAt")).isFalse();
			JsonNode log = this.api
				.get(hooks(org.workspaceId()) + "/" + id(hook) + "/deliveries/" + delivered.path("id").asText(),
						owner.token())
				.json()
				.path("attemptLog");
			assertThat(log).extracting(a -> a.path("statusCode").asInt()).containsExactly(500, 500, 204);
		}
	}

	@Test
	void failsADeliveryWhoseNextAttemptWouldFallAfterTheEventsDay() {
		TestData.User owner = this.data.user("Dana");
		TestData.Org org = this.data.organization(owner, "Dana Late");
		try (Receiver receiver = Receiver.start()) {
			receiver.answer(503);
			JsonNode hook = subscribe(owner, org.workspaceId(), receiver.url(), List.of("deal.won"));
			winADeal(owner, org.workspaceId());
			JsonNode pending = awaitDeliveries(owner, org.workspaceId(), id(hook), 1).get(0);
			Instant occurredAt = Instant.parse(pending.path("occurredAt").asText());

			this.worker.runDue(occurredAt.plus(Duration.ofHours(24)).minusSeconds(10));
			this.worker.runDue(occurredAt.plus(Duration.ofHours(30)));

			assertThat(receiver.requests()).hasSize(1);
			JsonNode failed = deliveries(owner, org.workspaceId(), id(hook)).get(0);
			assertThat(failed.path("status").asText()).isEqualTo("FAILED");
			assertThat(failed.path("lastError").asText()).isEqualTo("HTTP 503");
		}
	}

	@Test
	void neverDeliversAnotherWorkspacesEvents() throws Exception {
		TestData.User alpha = this.data.user("Alpha");
		TestData.Org a = this.data.organization(alpha, "Alpha Isolated");
		TestData.User bravo = this.data.user("Bravo");
		TestData.Org b = this.data.organization(bravo, "Bravo Isolated");
		try (Receiver alphas = Receiver.start(); Receiver bravos = Receiver.start()) {
			JsonNode alphaHook = subscribe(alpha, a.workspaceId(), alphas.url(), List.of("*"));
			JsonNode bravoHook = subscribe(bravo, b.workspaceId(), bravos.url(), List.of("*"));

			winADeal(bravo, b.workspaceId());
			await().atMost(Duration.ofSeconds(20))
				.until(() -> deliveries(bravo, b.workspaceId(), id(bravoHook)).stream()
					.anyMatch(d -> d.path("eventKind").asText().equals("deal.won")));
			this.data.customer(alpha, a.workspaceId(), "Alpha's Own Customer");
			awaitDeliveries(alpha, a.workspaceId(), id(alphaHook), 1);
			this.worker.runDue(Instant.now());

			assertThat(alphas.requests()).extracting(r -> this.mapper.readTree(r.body()).path("kind").asText())
				.containsExactly("customer.created");
			assertThat(alphas.requests()).extracting(r -> this.mapper.readTree(r.body()).path("workspaceId").asText())
				.containsOnly(a.workspaceId().toString());
			assertThat(bravos.requests()).extracting(r -> this.mapper.readTree(r.body()).path("kind").asText())
				.contains("customer.created", "deal.created", "deal.stage-changed", "deal.won");
			assertThat(bravos.requests()).extracting(r -> this.mapper.readTree(r.body()).path("workspaceId").asText())
				.containsOnly(b.workspaceId().toString());
		}
	}

	@Test
	void refusesPrivateTargetsWhenTheSettingIsOffAtSubscriptionAndAtDelivery() {
		TestData.User owner = this.data.user("Erlan");
		TestData.Org org = this.data.organization(owner, "Erlan Guarded");
		try (Receiver receiver = Receiver.start()) {
			JsonNode hook = subscribe(owner, org.workspaceId(), receiver.url(), List.of("deal.won"));
			this.policy.allowPrivateTargets(false);
			try {
				for (String url : List.of(receiver.url(), "https://127.0.0.1/hook", "https://localhost/hook",
						"https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
						"https://169.254.169.254/latest/meta-data", "https://0.0.0.0/hook", "https://224.0.0.1/hook",
						"https://[::1]/hook", "https://[fd00:ec2::254]/hook", "https://[fe80::1]/hook",
						"https://[::ffff:127.0.0.1]/hook", "https://100.64.0.1/hook")) {
					Api.Response refused = this.api.post(hooks(org.workspaceId()), owner.token(),
							Map.of("url", url, "events", List.of("deal.won")));
					assertThat(refused.status()).as(url + " " + refused).isEqualTo(422);
					assertThat(refused.contentType()).startsWith("application/problem+json");
					assertThat(refused.errorFields()).as(url).containsExactly("url");
				}
				Api.Response publicTarget = this.api.post(hooks(org.workspaceId()), owner.token(),
						Map.of("url", "https://203.0.113.10/hook", "events", List.of("deal.won")));
				assertThat(publicTarget.status()).as(publicTarget.toString()).isEqualTo(201);

				// a subscription made while allowed is refused when it is sent
				winADeal(owner, org.workspaceId());
				awaitDeliveries(owner, org.workspaceId(), id(hook), 1);
				this.worker.runDue(Instant.now());
			}
			finally {
				this.policy.allowPrivateTargets(true);
			}

			assertThat(receiver.requests()).isEmpty();
			JsonNode refused = deliveries(owner, org.workspaceId(), id(hook)).get(0);
			assertThat(refused.path("status").asText()).isEqualTo("PENDING");
			assertThat(refused.path("lastError").asText()).startsWith("Refused:");
		}
	}

	@Test
	void sendsARowHeldByAWorkerThatDiedOnceItsLeaseRunsOut() {
		TestData.User owner = this.data.user("Gaukhar");
		TestData.Org org = this.data.organization(owner, "Gaukhar Crash");
		try (Receiver receiver = Receiver.start()) {
			JsonNode hook = subscribe(owner, org.workspaceId(), receiver.url(), List.of("deal.won"));
			winADeal(owner, org.workspaceId());
			String deliveryId = awaitDeliveries(owner, org.workspaceId(), id(hook), 1).get(0).path("id").asText();
			Instant now = Instant.now();
			// a node claimed the row, then died before sending or recording anything
			this.jdbc.update("update hook_delivery set locked_until = ?, lease_token = ? where id = ?",
					java.sql.Timestamp.from(now.plus(DeliveryWorker.LEASE)), UUID.randomUUID(),
					UUID.fromString(deliveryId));

			this.worker.runDue(now.plusSeconds(5));
			int whileLeased = receiver.requests().size();
			this.worker.runDue(now.plus(DeliveryWorker.LEASE).plusSeconds(1));

			assertThat(whileLeased).as("nothing sent while the dead worker's lease runs").isZero();
			assertThat(receiver.requests()).hasSize(1);
			assertThat(deliveries(owner, org.workspaceId(), id(hook)).get(0).path("status").asText())
				.isEqualTo("DELIVERED");
		}
	}

	@Test
	void redeliversTheSameEventOnRequest() throws Exception {
		TestData.User owner = this.data.user("Zhanna");
		TestData.Org org = this.data.organization(owner, "Zhanna Again");
		try (Receiver receiver = Receiver.start()) {
			JsonNode hook = subscribe(owner, org.workspaceId(), receiver.url(), List.of("deal.won"));
			winADeal(owner, org.workspaceId());
			String deliveryId = awaitDeliveries(owner, org.workspaceId(), id(hook), 1).get(0).path("id").asText();
			this.worker.runDue(Instant.now());
			String path = hooks(org.workspaceId()) + "/" + id(hook) + "/deliveries/" + deliveryId;

			Api.Response again = this.api.post(path + "/redeliver", owner.token(), null);
			Api.Response unknown = this.api.post(
					hooks(org.workspaceId()) + "/" + id(hook) + "/deliveries/" + UUID.randomUUID() + "/redeliver",
					owner.token(), null);

			assertThat(again.status()).as(again.toString()).isEqualTo(200);
			assertThat(again.json().path("status").asText()).isEqualTo("DELIVERED");
			assertThat(again.json().path("attemptLog")).extracting(a -> a.path("manual").asBoolean())
				.containsExactly(false, true);
			assertThat(receiver.requests()).hasSize(2);
			assertThat(receiver.requests().get(1).header("Prometric-Event-Id"))
				.isEqualTo(receiver.requests().get(0).header("Prometric-Event-Id"));
			assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
			assertSigned(receiver.requests().get(1), hook.path("secret").asText());
			assertThat(unknown.status()).isEqualTo(404);
		}
	}

	@Test
	void signsWithTheRotatedSecretAndNeverShowsASecretAgain() throws Exception {
		TestData.User owner = this.data.user("Kairat");
		TestData.Org org = this.data.organization(owner, "Kairat Rotates");
		try (Receiver receiver = Receiver.start()) {
			JsonNode hook = subscribe(owner, org.workspaceId(), receiver.url(), List.of("deal.won"));
			String path = hooks(org.workspaceId()) + "/" + id(hook);

			Api.Response read = this.api.get(path, owner.token());
			Api.Response list = this.api.get(hooks(org.workspaceId()), owner.token());
			Api.Response rotated = this.api.post(path + "/secret", owner.token(), null);
			winADeal(owner, org.workspaceId());
			awaitDeliveries(owner, org.workspaceId(), id(hook), 1);
			this.worker.runDue(Instant.now());

			assertThat(hook.path("secret").asText()).startsWith("whsec_").hasSizeGreaterThan(40);
			assertThat(read.json().has("secret")).isFalse();
			assertThat(list.text()).doesNotContain(hook.path("secret").asText()).doesNotContain("whsec_");
			String secret = rotated.json().path("secret").asText();
			assertThat(secret).startsWith("whsec_").isNotEqualTo(hook.path("secret").asText());
			assertSigned(receiver.requests().get(0), secret);
		}
	}

	@Test
	void letsOnlyTheOwnerAndAdminsManageWebhooks() {
		TestData.User owner = this.data.user("Madi");
		TestData.Org org = this.data.organization(owner, "Madi Roles");
		TestData.User admin = this.data.user("Nurlan");
		TestData.User manager = this.data.user("Olzhas");
		TestData.User member = this.data.user("Perizat");
		TestData.User stranger = this.data.user("Rustem");
		this.data.join(owner, org.workspaceId(), admin, "ADMIN");
		this.data.join(owner, org.workspaceId(), manager, "MANAGER");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		JsonNode hook = subscribe(owner, org.workspaceId(), "https://203.0.113.10/hook", List.of("*"));
		Map<String, Object> body = Map.of("url", "https://203.0.113.11/hook", "events", List.of("deal.won"));
		String one = hooks(org.workspaceId()) + "/" + id(hook);

		assertThat(this.api.post(hooks(org.workspaceId()), admin.token(), body).status()).isEqualTo(201);
		assertThat(this.api.patch(one, admin.token(), Map.of("active", false)).status()).isEqualTo(200);
		for (TestData.User below : List.of(manager, member)) {
			assertThat(this.api.post(hooks(org.workspaceId()), below.token(), body).status()).isEqualTo(403);
			assertThat(this.api.get(hooks(org.workspaceId()), below.token()).status()).isEqualTo(403);
			assertThat(this.api.get(one, below.token()).status()).isEqualTo(403);
			assertThat(this.api.delete(one, below.token()).status()).isEqualTo(403);
		}
		assertThat(this.api.get(hooks(org.workspaceId()), stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.post(hooks(org.workspaceId()), stranger.token(), body).status()).isEqualTo(404);
		assertThat(this.api.get(one, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(one, owner.token()).json().path("active").asBoolean()).isFalse();
		assertThat(this.api.delete(one, owner.token()).status()).isEqualTo(204);
		assertThat(this.api.get(one, owner.token()).status()).isEqualTo(404);
	}

	// helpers

	private JsonNode subscribe(TestData.User owner, UUID workspaceId, String url, List<String> events) {
		Api.Response created = this.api.post(hooks(workspaceId), owner.token(), Map.of("url", url, "events", events));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/webhooks/" + created.json().path("id").asText());
		return created.json();
	}

	/** A deal created and won through the API; answers its id. */
	private UUID winADeal(TestData.User owner, UUID workspaceId) {
		UUID customer = this.data.customer(owner, workspaceId, "Customer " + UUID.randomUUID());
		String dealId = this.data
			.deal(owner, workspaceId, customer, "Won deal",
					Map.of("products", List
						.of(Map.of("productName", "Installation service", "quantity", "1", "unitPrice", "500000.00"))))
			.path("id")
			.asText();
		Api.Response won = this.api.post("/api/workspaces/" + workspaceId + "/deals/" + dealId + "/stage",
				owner.token(), Map.of("stage", "WON"));
		assertThat(won.status()).as(won.toString()).isEqualTo(200);
		return UUID.fromString(dealId);
	}

	private List<JsonNode> deliveries(TestData.User owner, UUID workspaceId, String hookId) {
		return this.api.get(hooks(workspaceId) + "/" + hookId + "/deliveries", owner.token()).items();
	}

	/** Waits until the event listeners have put {@code count} rows in the outbox. */
	private List<JsonNode> awaitDeliveries(TestData.User owner, UUID workspaceId, String hookId, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(owner, workspaceId, hookId).size() >= count);
		return deliveries(owner, workspaceId, hookId);
	}

	/**
	 * The receiver's check, written independently of the application's code: the
	 * signature is {@code v1=} hex HMAC-SHA256 of {@code timestamp.body} with the secret,
	 * and the timestamp is within five minutes.
	 */
	private static void assertSigned(Receiver.Request request, String secret) {
		try {
			String timestamp = request.header("Prometric-Timestamp");
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = "v1=" + HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
			assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					request.header("Prometric-Signature").getBytes(StandardCharsets.UTF_8)))
				.as("signature of %s", request.header("Prometric-Event-Id"))
				.isTrue();
			assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String hooks(UUID workspaceId) {
		return "/api/workspaces/" + workspaceId + "/webhooks";
	}

	private static String id(JsonNode hook) {
		return hook.path("id").asText();
	}

}
