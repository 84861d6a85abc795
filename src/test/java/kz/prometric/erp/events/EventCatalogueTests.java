package kz.prometric.erp.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue: a fact translated twice (a resubmitted publication) is stored and
 * published once under the same id; the modules' events arrive as catalogue kinds with
 * their documented payloads; {@code stock.low} is announced when a change crosses the
 * minimum, not on every change below it.
 */
@ErpIntegrationTest
class EventCatalogueTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	BusinessEvents events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesAndPublishesAFactTranslatedTwiceOnceUnderTheSameId() {
		TestData.User owner = this.data.user("Asel");
		TestData.Org org = this.data.organization(owner, "Asel Twice");
		UUID dealId = UUID.randomUUID();
		Instant at = Instant.parse("2027-01-15T10:15:30.123456789Z");

		BusinessEvent first = this.transaction.execute(tx -> this.events.record(EventCatalogue.DEAL_WON,
				org.workspaceId(), at, "deal", dealId, null, Map.of("dealId", dealId.toString())));
		BusinessEvent second = this.transaction.execute(tx -> this.events.record(EventCatalogue.DEAL_WON,
				org.workspaceId(), at, "deal", dealId, null, Map.of("dealId", dealId.toString())));

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(first.occurredAt()).isEqualTo(Instant.parse("2027-01-15T10:15:30.123456Z"));
		assertThat(this.jdbc.queryForObject("select count(*) from evt_business_event where subject_id = ?", Long.class,
				dealId))
			.isEqualTo(1);
		assertThat(
				this.jdbc.queryForObject("select count(*) from event_publication where event_type like '%BusinessEvent'"
						+ " and serialized_event like ?", Long.class, "%" + first.id() + "%"))
			.as("published once")
			.isEqualTo(1);
	}

	@Test
	void translatesTheModulesEventsIntoCatalogueKinds() {
		TestData.User owner = this.data.user("Baglan");
		TestData.Org org = this.data.organization(owner, "Baglan Catalogue");
		UUID customerId = this.data.customer(owner, org.workspaceId(), "Catalogue Customer");
		String dealId = this.data
			.deal(owner, org.workspaceId(), customerId, "Catalogued",
					Map.of("products",
							List.of(Map.of("productName", "Service", "quantity", "2", "unitPrice", "1000.50"))))
			.path("id")
			.asText();
		Api.Response won = this.api.post("/api/workspaces/" + org.workspaceId() + "/deals/" + dealId + "/stage",
				owner.token(), Map.of("stage", "WON"));
		assertThat(won.status()).as(won.toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> kinds(org.workspaceId()).containsAll(
					List.of("customer.created", "deal.created", "deal.stage-changed", "deal.won", "order.created")));

		String payload = this.jdbc.queryForObject(
				"select payload::text from evt_business_event where workspace_id = ? and kind = 'deal.won'",
				String.class, org.workspaceId());
		assertThat(payload).contains("\"dealId\": \"" + dealId + "\"", "\"value\": \"2001.00\"",
				"\"currency\": \"KZT\"");
		assertThat(this.jdbc.queryForObject(
				"select payload::text from evt_business_event where workspace_id = ? and kind = 'deal.stage-changed'",
				String.class, org.workspaceId()))
			.contains("\"from\": \"NEW\"", "\"to\": \"WON\"");
		assertThat(this.jdbc.queryForObject(
				"select payload::text from evt_business_event where workspace_id = ? and kind = 'order.created'",
				String.class, org.workspaceId()))
			.contains("\"dealId\": \"" + dealId + "\"", "\"totalAmount\": \"");
	}

	@Test
	void announcesLowStockOncePerCrossingOfTheMinimum() {
		TestData.User owner = this.data.user("Chingiz");
		TestData.Org org = this.data.organization(owner, "Chingiz Stock");
		String ws = "/api/workspaces/" + org.workspaceId();
		String product = created(this.api.post(ws + "/products", owner.token(),
				Map.of("code", "LOW-1", "name", "Low item", "unit", "pcs", "price", "10.00")));
		String warehouse = created(
				this.api.post(ws + "/warehouses", owner.token(), Map.of("code", "W-LOW", "name", "Low warehouse")));
		created(this.api.post(ws + "/stock/receipts", owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", "7")));
		assertThat(this.api
			.send("PUT", ws + "/warehouses/" + warehouse + "/minimums/" + product, owner.token(),
					Map.of("minimumQuantity", "5"), Map.of())
			.status()).isEqualTo(200);

		adjust(owner, ws, warehouse, product, "-1"); // 6: above the minimum
		adjust(owner, ws, warehouse, product, "-2"); // 4: crosses it
		adjust(owner, ws, warehouse, product, "-1"); // 3: still below, no news
		created(this.api.post(ws + "/stock/receipts", owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", "5"))); // 8
		adjust(owner, ws, warehouse, product, "-6"); // 2: crosses again

		await().atMost(Duration.ofSeconds(20)).until(() -> lows(product).size() >= 2);
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		assertThat(lows(product)).containsExactlyInAnyOrder("4.000", "2.000");
		assertThat(this.jdbc.queryForObject(
				"select payload::text from evt_business_event where subject_id = ? and payload->>'onHand' = '4.000'",
				String.class, UUID.fromString(product)))
			.contains("\"warehouseId\": \"" + warehouse + "\"", "\"minimumQuantity\": \"5.000\"");
	}

	private List<String> kinds(UUID workspaceId) {
		return this.jdbc.queryForList("select kind from evt_business_event where workspace_id = ?", String.class,
				workspaceId);
	}

	private List<String> lows(String product) {
		return this.jdbc.queryForList(
				"select payload->>'onHand' from evt_business_event where kind = 'stock.low' and subject_id = ?",
				String.class, UUID.fromString(product));
	}

	private void adjust(TestData.User owner, String ws, String warehouse, String product, String quantity) {
		Api.Response adjusted = this.api.post(ws + "/stock/adjustments", owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", quantity));
		assertThat(adjusted.status()).as(adjusted.toString()).isBetween(200, 201);
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

}
