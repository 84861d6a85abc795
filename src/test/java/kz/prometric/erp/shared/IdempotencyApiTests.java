package kz.prometric.erp.shared;

import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Idempotency-Key} makes a retry safe for the caller who sent it and for no one
 * else: access is checked before the key is looked at, keys belong to the workspace and
 * the caller, and a replay answers the first answer's exact bytes.
 */
@ErpIntegrationTest
class IdempotencyApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Idem");
		this.org = this.data.organization(this.owner, "Idem Keys LLP");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Idem Buyer LLP");
	}

	@Test
	void answersAStrangerReplayingAnotherWorkspacesKeyExactlyLikeAStrangerWithoutAKey() {
		String key = "order-" + UUID.randomUUID();
		Api.Response first = createOrder(this.owner, key, orderBody("100.00"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		TestData.User stranger = this.data.user("Stranger");
		this.data.organization(stranger, "Stranger Trading LLP");

		Api.Response replay = createOrder(stranger, key, orderBody("100.00"));
		Api.Response withoutKey = createOrder(stranger, null, orderBody("100.00"));
		Api.Response unknownKey = createOrder(stranger, "never-used-" + UUID.randomUUID(), orderBody("100.00"));

		assertThat(replay.status()).as(replay.toString()).isEqualTo(404);
		assertThat(replay.text()).doesNotContain(first.json().path("id").asText())
			.doesNotContain(first.json().path("orderNumber").asText());
		assertThat(replay.header(IdempotentRequests.REPLAYED_HEADER)).isNull();
		for (Api.Response same : new Api.Response[] { withoutKey, unknownKey }) {
			assertThat(same.status()).isEqualTo(replay.status());
			assertThat(same.json().path("detail")).isEqualTo(replay.json().path("detail"));
		}
		assertThat(orderCount(this.owner)).isEqualTo(1);
	}

	@Test
	void treatsAnotherMembersKeyAsANewRequest() {
		String key = "order-" + UUID.randomUUID();
		TestData.User colleague = this.data.user("Colleague");
		this.data.join(this.owner, this.org.workspaceId(), colleague, "MEMBER");
		Api.Response first = createOrder(this.owner, key, orderBody("100.00"));

		Api.Response colleagues = createOrder(colleague, key, orderBody("100.00"));
		Api.Response ownersRetry = createOrder(this.owner, key, orderBody("100.00"));

		assertThat(colleagues.status()).as(colleagues.toString()).isEqualTo(201);
		assertThat(colleagues.header(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("false");
		assertThat(colleagues.json().path("id").asText()).isNotEqualTo(first.json().path("id").asText());
		assertThat(ownersRetry.status()).isEqualTo(201);
		assertThat(ownersRetry.header(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(ownersRetry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
		assertThat(orderCount(this.owner)).isEqualTo(2);
	}

	@Test
	void refusesAReplayOfAManagersStockReceiptToAMemberBelowTheRole() {
		UUID warehouseId = create("/warehouses", Map.of("code", "IDEM-WH", "name", "Idem warehouse"));
		UUID productId = create("/products",
				Map.of("code", "IDEM-P", "name", "Idem product", "unit", "pcs", "price", "10.00"));
		TestData.User member = this.data.user("Junior");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		String key = "receipt-" + UUID.randomUUID();
		Map<String, Object> receipt = Map.of("warehouseId", warehouseId, "productId", productId, "quantity", "5");
		Api.Response first = this.api.send("POST", ws() + "/stock/receipts", this.owner.token(), receipt,
				Map.of(IdempotentRequests.HEADER, key));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);

		Api.Response replay = this.api.send("POST", ws() + "/stock/receipts", member.token(), receipt,
				Map.of(IdempotentRequests.HEADER, key));

		assertThat(replay.status()).as(replay.toString()).isEqualTo(403);
		assertThat(replay.text()).doesNotContain(first.json().path("movement").path("id").asText());
		Api.Response stock = this.api.get(ws() + "/stock?productId=" + productId, this.owner.token());
		assertThat(stock.items()).hasSize(1);
		assertThat(stock.items().get(0).path("onHand").decimalValue()).isEqualByComparingTo("5");
	}

	@Test
	void refusesTheOwnReplayOfAMemberWhoHasBeenRemoved() {
		TestData.User member = this.data.user("Leaver");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		String key = "order-" + UUID.randomUUID();
		Api.Response first = createOrder(member, key, orderBody("100.00"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		Api.Response removed = this.api.delete(ws() + "/members/" + member.id(), this.owner.token());
		assertThat(removed.status()).as(removed.toString()).isBetween(200, 204);

		Api.Response replay = createOrder(member, key, orderBody("100.00"));

		assertThat(replay.status()).as(replay.toString()).isEqualTo(404);
		assertThat(replay.text()).doesNotContain(first.json().path("id").asText());
	}

	@Test
	void refusesTheSameKeyForAnotherRequestOfTheSameCaller() {
		String key = "order-" + UUID.randomUUID();
		assertThat(createOrder(this.owner, key, orderBody("100.00")).status()).isEqualTo(201);

		Api.Response other = createOrder(this.owner, key, orderBody("200.00"));

		assertThat(other.status()).as(other.toString()).isEqualTo(422);
		assertThat(other.errorFields()).containsExactly(IdempotentRequests.HEADER);
		assertThat(orderCount(this.owner)).isEqualTo(1);
	}

	@Test
	void replaysTheFirstAnswerByteForByteWithMoneyInTwoDecimalsAndQuantitiesInThree() {
		String key = "order-" + UUID.randomUUID();
		String body = "{\"customerId\": \"" + this.customerId + "\", \"lines\": ["
				+ "{\"productName\": \"Big\", \"quantity\": 1, \"unitPrice\": 12500000},"
				+ "{\"productName\": \"Small\", \"quantity\": 2.5, \"unitPrice\": 0.10},"
				+ "{\"productName\": \"Long\", \"quantity\": 1, \"unitPrice\": 12345678901234.56}]}";

		Api.Response first = createOrder(this.owner, key, body);
		Api.Response replay = createOrder(this.owner, key, body);
		Api.Response again = createOrder(this.owner, key, body);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(replay.header(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(replay.text()).isEqualTo(first.text());
		assertThat(again.text()).isEqualTo(first.text());
		assertThat(replay.contentType()).isEqualTo(first.contentType());
		assertThat(first.text())
			.contains("\"unitPrice\":12500000.00", "\"unitPrice\":0.10", "\"unitPrice\":12345678901234.56",
					"\"quantity\":1.000", "\"quantity\":2.500", "\"totalAmount\":12345691401234.81")
			.doesNotContainPattern("[0-9]E[+-]?[0-9]");
		Api.Response read = this.api.get(ws() + "/orders/" + first.json().path("id").asText(), this.owner.token());
		assertThat(read.text()).contains("\"unitPrice\":12500000.00", "\"unitPrice\":0.10",
				"\"unitPrice\":12345678901234.56", "\"quantity\":1.000", "\"quantity\":2.500",
				"\"totalAmount\":12345691401234.81");
	}

	private Api.Response createOrder(TestData.User user, String key, String body) {
		return this.api.send("POST", ws() + "/orders", user.token(), body,
				(key == null) ? Map.of() : Map.of(IdempotentRequests.HEADER, key));
	}

	private String orderBody(String unitPrice) {
		return "{\"customerId\": \"" + this.customerId
				+ "\", \"lines\": [{\"productName\": \"Service\", \"quantity\": 1, \"unitPrice\": " + unitPrice + "}]}";
	}

	private UUID create(String path, Map<String, Object> body) {
		Api.Response created = this.api.post(ws() + path, this.owner.token(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private int orderCount(TestData.User user) {
		return this.api.get(ws() + "/orders", user.token()).json().path("total").asInt();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
