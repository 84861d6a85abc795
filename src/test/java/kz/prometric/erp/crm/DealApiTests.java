package kz.prometric.erp.crm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal API as an integrator uses it: creation, stage moves, bad input, other tenants,
 * retries and races.
 */
@ErpIntegrationTest
class DealApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	HistoryService history;

	/**
	 * A row for stage NEW in deal-probability.dmn: its output entry is group 1 + value +
	 * group 2.
	 */
	static final Pattern NEW_STAGE_ROW = Pattern.compile(
			"(?s)(<inputEntry[^>]*>\\s*<text>(?:\"|&quot;)NEW(?:\"|&quot;)</text>.*?<outputEntry[^>]*>\\s*<text>)\\d+(</text>)");

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Bauyrzhan");
		this.org = this.data.organization(this.owner, "Bauyrzhan Foods");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Almaty Retail LLP");
	}

	@Test
	void createsADealInStageNewWithTheDecidedProbability() {
		Api.Response valid = this.api.post(deals(), this.owner.token(),
				Map.of("customerId", this.customerId, "title", "Flour supply 2027", "expectedCloseDate", "2027-03-31",
						"products", List.of(Map.of("productName", "Flour 50 kg", "quantity", "100", "unitPrice",
								"25000.00", "discountPercent", "2.5"))));

		assertThat(valid.status()).as(valid.toString()).isEqualTo(201);
		assertThat(valid.header("Location")).endsWith("/deals/" + valid.json().path("id").asText());
		assertThat(valid.json().path("stage").asText()).isEqualTo("NEW");
		assertThat(valid.json().path("value").decimalValue()).isEqualByComparingTo("2437500.00");
		assertThat(valid.json().path("currency").asText()).isEqualTo("KZT");
		assertThat(valid.json().path("probability").asInt()).isBetween(1, 99);
	}

	@Test
	void keepsAProbabilitySetByHandAcrossStageChanges() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Oil", Map.of());
		int decided = deal.path("probability").asInt();

		Api.Response patched = this.api.patch(deal(deal), this.owner.token(), Map.of("probability", 87));
		Api.Response moved = this.api.post(deal(deal) + "/stage", this.owner.token(), Map.of("stage", "QUALIFIED"));

		assertThat(patched.json().path("probability").asInt()).isEqualTo(87);
		assertThat(moved.json().path("probability").asInt()).isEqualTo(87);
		assertThat(decided).isNotEqualTo(87);
	}

	@Test
	void changesProbabilityWithTheStageFromTheDecisionTable() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Rice", Map.of());

		Api.Response qualified = this.api.post(deal(deal) + "/stage", this.owner.token(), Map.of("stage", "QUALIFIED"));
		Api.Response negotiating = this.api.post(deal(deal) + "/stage", this.owner.token(),
				Map.of("stage", "NEGOTIATION"));

		assertThat(qualified.json().path("probability").asInt()).isGreaterThan(deal.path("probability").asInt());
		assertThat(negotiating.json().path("probability").asInt())
			.isGreaterThan(qualified.json().path("probability").asInt());
	}

	@Test
	void refusesToWinAWonDealOrMoveALostOne() {
		JsonNode won = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Won", aLine());
		JsonNode lost = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Lost", Map.of());
		this.api.post(deal(won) + "/stage", this.owner.token(), Map.of("stage", "WON"));
		this.api.post(deal(lost) + "/stage", this.owner.token(), Map.of("stage", "LOST", "lostReason", "Too late"));

		Api.Response again = this.api.post(deal(won) + "/stage", this.owner.token(), Map.of("stage", "WON"));
		Api.Response reopen = this.api.post(deal(lost) + "/stage", this.owner.token(), Map.of("stage", "QUALIFIED"));
		Api.Response edit = this.api.patch(deal(won), this.owner.token(), Map.of("title", "Changed"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().path("detail").asText()).contains("final");
		assertThat(reopen.status()).isEqualTo(409);
		assertThat(edit.status()).isEqualTo(409);
	}

	static Stream<Arguments> badDeals() {
		return Stream.of(Arguments.of("negative value", Map.of("title", "X", "value", "-1"), 400, "value"),
				Arguments.of("title of 10,000 characters", Map.of("title", "x".repeat(10_000)), 400, "title"),
				Arguments.of("malformed date", Map.of("title", "X", "expectedCloseDate", "31.12.2026"), 400,
						"expectedCloseDate"),
				Arguments.of("impossible date", Map.of("title", "X", "expectedCloseDate", "2026-02-30"), 400,
						"expectedCloseDate"),
				Arguments.of("value with tiyn fractions", Map.of("title", "X", "value", "10.001"), 400, "value"),
				Arguments.of("negative quantity",
						Map.of("title", "X", "products",
								List.of(Map.of("productName", "P", "quantity", "-2", "unitPrice", "1"))),
						400, "products[0].quantity"),
				Arguments.of("discount above 100",
						Map.of("title", "X", "products",
								List.of(Map.of("productName", "P", "quantity", "1", "unitPrice", "1", "discountPercent",
										"120"))),
						400, "products[0].discountPercent"),
				Arguments.of("unknown customer", Map.of("title", "X", "customerId", UUID.randomUUID()), 422,
						"customerId"),
				Arguments.of("unknown assignee", Map.of("title", "X", "assignedTo", UUID.randomUUID()), 422,
						"assignedTo"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badDeals")
	void refusesBadInputAndStoresNothing(String what, Map<String, Object> fields, int status, String field) {
		Map<String, Object> body = new HashMap<>(fields);
		body.putIfAbsent("customerId", this.customerId);

		Api.Response refused = this.api.post(deals(), this.owner.token(), body);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errorFields()).contains(field);
		assertThat(this.api.get(deals(), this.owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void refusesAnotherWorkspacesCustomerAndUnknownStage() {
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Foods");
		UUID foreignCustomer = this.data.customer(stranger, other.workspaceId(), "Foreign LLP");

		Api.Response foreign = this.api.post(deals(), this.owner.token(),
				Map.of("customerId", foreignCustomer, "title", "Sneaky"));
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Honest", Map.of());
		Api.Response unknownStage = this.api.post(deal(deal) + "/stage", this.owner.token(),
				Map.of("stage", "ALMOST_WON"));

		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.errorFields()).containsExactly("customerId");
		assertThat(unknownStage.status()).isEqualTo(400);
		assertThat(unknownStage.errorFields()).containsExactly("stage");
	}

	@Test
	void answersNotFoundOnEveryDealRouteOfAnotherWorkspace() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Secret deal", Map.of());
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org strangerOrg = this.data.organization(stranger, "Stranger LLP");

		List<Api.Response> answers = List.of(this.api.get(deals(), stranger.token()),
				this.api.get(deal(deal), stranger.token()),
				this.api.patch(deal(deal), stranger.token(), Map.of("title", "Mine")),
				this.api.post(deal(deal) + "/stage", stranger.token(), Map.of("stage", "WON")),
				this.api.post(deals(), stranger.token(), Map.of("customerId", this.customerId, "title", "X")),
				this.api.get("/api/workspaces/" + strangerOrg.workspaceId() + "/deals/" + deal.path("id").asText(),
						stranger.token()),
				this.api.post("/api/workspaces/" + strangerOrg.workspaceId() + "/deals/" + deal.path("id").asText()
						+ "/stage", stranger.token(), Map.of("stage", "WON")));

		assertThat(answers).allSatisfy(a -> {
			assertThat(a.status()).as(a.toString()).isEqualTo(404);
			assertThat(a.text()).doesNotContain("Secret deal");
		});
		assertThat(this.api.get(deal(deal), this.owner.token()).json().path("stage").asText()).isEqualTo("NEW");
	}

	@Test
	void refusesToDeleteACustomerWhoHasDeals() {
		this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Keeps the customer", Map.of());

		Api.Response refused = this.api
			.delete("/api/workspaces/" + this.org.workspaceId() + "/customers/" + this.customerId, this.owner.token());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(this.api
			.get("/api/workspaces/" + this.org.workspaceId() + "/customers/" + this.customerId, this.owner.token())
			.status()).isEqualTo(200);
	}

	@Test
	void showsDealTasksOnlyToTheDealsWorkspace() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Visible", Map.of());
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org strangerOrg = this.data.organization(stranger, "Stranger Co");
		UUID strangerCustomer = this.data.customer(stranger, strangerOrg.workspaceId(), "Their customer");
		JsonNode theirs = this.data.deal(stranger, strangerOrg.workspaceId(), strangerCustomer, "Theirs", Map.of());

		Api.Response ownerTasks = this.api.get("/engine-rest/task?processDefinitionKey=deal-lifecycle",
				this.owner.token());
		Api.Response strangerTasks = this.api.get("/engine-rest/task?processDefinitionKey=deal-lifecycle",
				stranger.token());

		assertThat(ownerTasks.json()).extracting(t -> t.path("tenantId").asText())
			.containsOnly(this.org.workspaceId().toString());
		assertThat(ownerTasks.json()).extracting(t -> t.path("name").asText())
			.anySatisfy(name -> assertThat(name).startsWith("Qualify deal · "));
		assertThat(strangerTasks.json()).extracting(t -> t.path("tenantId").asText())
			.containsOnly(strangerOrg.workspaceId().toString());
		assertThat(strangerTasks.text()).doesNotContain(deal.path("id").asText());
		assertThat(theirs.path("id").asText()).isNotBlank();
	}

	@Test
	void winsOnceWhenTheSameWinIsSentTwiceAtTheSameTimeWithOneKey() throws Exception {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Race", aLine());
		String key = "win-" + UUID.randomUUID();

		Callable<Api.Response> win = () -> this.api.send("POST", deal(deal) + "/stage", this.owner.token(),
				Map.of("stage", "WON"), Map.of("Idempotency-Key", key));
		List<Api.Response> answers = Concurrently.run(Collections.nCopies(2, win));

		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
		assertThat(answers).extracting(a -> a.json().path("stage").asText()).containsOnly("WON");
		assertThat(answers).extracting(a -> a.header("Idempotent-Replayed")).containsExactlyInAnyOrder("true", "false");
		assertThat(wonEndsOf(deal)).isEqualTo(1);
		Api.Response retry = this.api.send("POST", deal(deal) + "/stage", this.owner.token(), Map.of("stage", "WON"),
				Map.of("Idempotency-Key", key));
		assertThat(retry.status()).isEqualTo(200);
		Api.Response otherRequestSameKey = this.api.send("POST", deal(deal) + "/stage", this.owner.token(),
				Map.of("stage", "LOST", "lostReason", "x"), Map.of("Idempotency-Key", key));
		assertThat(otherRequestSameKey.status()).isEqualTo(422);
	}

	@Test
	void winsOnceWhenTwoWinsRaceWithoutKey() throws Exception {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Race", aLine());

		Callable<Api.Response> win = () -> this.api.post(deal(deal) + "/stage", this.owner.token(),
				Map.of("stage", "WON"));
		List<Api.Response> answers = Concurrently.run(Collections.nCopies(2, win));

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(wonEndsOf(deal)).isEqualTo(1);
	}

	@Test
	void usesAChangedDecisionRowAfterARedeployWithoutCodeChange() throws Exception {
		TestData.User admin = this.data.platformAdmin();
		Path dmn = Files.createDirectories(Path.of("target/redeploy-test/dmn"));
		String original = Files.readString(Path.of("dmn/deal-probability.dmn"));
		String changed = NEW_STAGE_ROW.matcher(original).replaceAll("$142$2");
		assertThat(changed).isNotEqualTo(original);
		Files.writeString(dmn.resolve("deal-probability.dmn"), changed);
		try {
			Api.Response redeployed = this.api.post("/api/admin/processes/redeploy", admin.token(), null);
			assertThat(redeployed.status()).as(redeployed.toString()).isEqualTo(200);
			assertThat(redeployed.text()).contains("deal-probability");
			JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Changed rule",
					Map.of());
			assertThat(deal.path("probability").asInt()).isEqualTo(42);
		}
		finally {
			Files.writeString(dmn.resolve("deal-probability.dmn"), original);
			this.api.post("/api/admin/processes/redeploy", admin.token(), null);
		}
		JsonNode after = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Original rule", Map.of());
		assertThat(after.path("probability").asInt()).isNotEqualTo(42);
		assertThat(this.api.post("/api/admin/processes/redeploy", this.owner.token(), null).status()).isEqualTo(403);
	}

	/** How often the deal's process ended as won. */
	private long wonEndsOf(JsonNode deal) {
		return this.history.createHistoricActivityInstanceQuery()
			.activityId(DealLifecycle.END_DEAL_WON)
			.processInstanceId(this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(DealLifecycle.KEY)
				.processInstanceBusinessKey(deal.path("id").asText())
				.singleResult()
				.getId())
			.count();
	}

	/** One product line, so the deal can be won. */
	static Map<String, Object> aLine() {
		return Map.of("products",
				List.of(Map.of("productName", "Installation service", "quantity", "1", "unitPrice", "500000.00")));
	}

	private String deals() {
		return "/api/workspaces/" + this.org.workspaceId() + "/deals";
	}

	private String deal(JsonNode deal) {
		return deals() + "/" + deal.path("id").asText();
	}

}
