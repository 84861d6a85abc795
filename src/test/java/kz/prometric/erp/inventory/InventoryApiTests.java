package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ErpIntegrationTest
class InventoryApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	JdbcTemplate jdbc;

	TestData.User owner;

	TestData.Org org;

	UUID warehouseId;

	UUID productId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Yerlan");
		this.org = this.data.organization(this.owner, "Yerlan Logistics");
		this.warehouseId = warehouse("ALA-1", "Almaty main");
		this.productId = product("CEM-50", "Cement 50 kg");
	}

	// warehouses

	@Test
	void createsListsAndChangesWarehouses() {
		Api.Response listed = this.api.get(ws() + "/warehouses", this.owner.token());
		assertThat(listed.itemValues("code")).containsExactly("ALA-1");

		Api.Response changed = this.api.patch(ws() + "/warehouses/" + this.warehouseId, this.owner.token(),
				Map.of("name", "Almaty central", "address", "Almaty, Raiymbek ave 100"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("name").asText()).isEqualTo("Almaty central");
		assertThat(changed.json().path("code").asText()).isEqualTo("ALA-1");
		Api.Response duplicate = this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", "ala-1", "name", "Copy"));
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
		assertThat(duplicate.errorFields()).containsExactly("code");
	}

	// receipts and adjustments

	@Test
	void receivesStockAndWritesOneMovement() {
		Api.Response received = receipt(null, "12.5", "first delivery");

		assertThat(received.status()).as(received.toString()).isEqualTo(201);
		assertThat(received.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(received.json().path("movement").path("type").asText()).isEqualTo("RECEIPT");
		assertThat(received.json().path("movement").path("createdBy").asText()).isEqualTo(this.owner.id().toString());
		assertThat(received.json().path("stock").path("onHand").decimalValue()).isEqualByComparingTo("12.5");
		Api.Response stock = this.api.get(ws() + "/stock?productId=" + this.productId, this.owner.token());
		assertThat(stock.items()).singleElement().satisfies(level -> {
			assertThat(level.path("warehouseId").asText()).isEqualTo(this.warehouseId.toString());
			assertThat(level.path("onHand").decimalValue()).isEqualByComparingTo("12.5");
			assertThat(level.path("reserved").decimalValue()).isEqualByComparingTo("0");
			assertThat(level.path("available").decimalValue()).isEqualByComparingTo("12.5");
		});
		Api.Response movements = this.api.get(ws() + "/stock/movements", this.owner.token());
		assertThat(movements.itemValues("type")).containsExactly("RECEIPT");
		assertThat(movements.items().get(0).path("note").asText()).isEqualTo("first delivery");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void receivesOnceWhenARetryCarriesTheSameIdempotencyKey() {
		String key = "receipt-" + UUID.randomUUID();

		Api.Response first = receipt(key, "10", null);
		Api.Response retry = receipt(key, "10", null);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json().path("movement").path("id").asText())
			.isEqualTo(first.json().path("movement").path("id").asText());
		assertThat(onHand()).isEqualByComparingTo("10");
		assertThat(this.api.get(ws() + "/stock/movements", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);

		Api.Response reused = receipt(key, "11", null);
		assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
		assertThat(reused.errorFields()).containsExactly("Idempotency-Key");
		assertThat(onHand()).isEqualByComparingTo("10");
	}

	@Test
	void adjustsStockUpAndDownButNeverBelowWhatIsReserved() {
		receipt(null, "10", null);
		this.inventory.reserve(this.org.workspaceId(), UUID.randomUUID(), UUID.randomUUID(), this.productId,
				new BigDecimal("6"));

		Api.Response down = adjustment(null, "-3", "broken bags");
		Api.Response tooFar = adjustment(null, "-2", "more breakage");
		Api.Response up = adjustment("adj-" + UUID.randomUUID(), "0.5", "found");

		assertThat(down.status()).as(down.toString()).isEqualTo(201);
		assertThat(down.json().path("movement").path("quantity").decimalValue()).isEqualByComparingTo("-3");
		assertThat(tooFar.status()).as(tooFar.toString()).isEqualTo(422);
		assertThat(tooFar.errorFields()).containsExactly("quantity");
		assertThat(up.status()).as(up.toString()).isEqualTo(201);
		assertThat(up.json().path("stock").path("onHand").decimalValue()).isEqualByComparingTo("7.5");
		assertThat(up.json().path("stock").path("available").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(this.api.get(ws() + "/stock/movements?type=ADJUSTMENT", this.owner.token())
			.json()
			.path("total")
			.asInt()).isEqualTo(2);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "receipts,quantity,0,400,quantity", "receipts,quantity,-5,400,quantity",
			"receipts,quantity,1.0001,400,quantity", "adjustments,quantity,0,400,quantity",
			"adjustments,quantity,-1,422,quantity", "receipts,productId,UNKNOWN,422,productId",
			"receipts,warehouseId,UNKNOWN,422,warehouseId", "adjustments,productId,UNKNOWN,422,productId",
			"receipts,productId,,400,productId", "receipts,quantity,abc,400," })
	void refusesBadInputAndMovesNothing(String route, String field, String value, int status, String errorField) {
		Map<String, Object> body = new HashMap<>(
				Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity", "1"));
		body.put(field, "UNKNOWN".equals(value) ? UUID.randomUUID().toString() : value);

		Api.Response refused = this.api.send("POST", ws() + "/stock/" + route, this.owner.token(), body,
				Map.of("Idempotency-Key", "bad-" + UUID.randomUUID()));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		if (errorField != null) {
			assertThat(refused.errorFields()).contains(errorField);
		}
		assertThat(this.api.get(ws() + "/stock/movements", this.owner.token()).json().path("total").asInt()).isZero();
		assertThat(this.api.get(ws() + "/stock", this.owner.token()).items())
			.allSatisfy(level -> assertThat(level.path("onHand").decimalValue()).isEqualByComparingTo("0"));
	}

	@Test
	void refusesAnotherWorkspacesProductAndWarehouseInTheBody() {
		TestData.Org other = this.data.organization(this.owner, "Yerlan Other");
		UUID foreignProduct = product(other.workspaceId(), "F-1", "Foreign");
		UUID foreignWarehouse = warehouse(other.workspaceId(), "F-WH", "Foreign warehouse");

		Api.Response product = this.api.post(ws() + "/stock/receipts", this.owner.token(),
				Map.of("warehouseId", this.warehouseId, "productId", foreignProduct, "quantity", "1"));
		Api.Response warehouse = this.api.post(ws() + "/stock/receipts", this.owner.token(),
				Map.of("warehouseId", foreignWarehouse, "productId", this.productId, "quantity", "1"));

		assertThat(product.status()).as(product.toString()).isEqualTo(422);
		assertThat(product.errorFields()).containsExactly("productId");
		assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(422);
		assertThat(warehouse.errorFields()).containsExactly("warehouseId");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
		assertThat(this.inventory.verifyLedger(other.workspaceId())).isEmpty();
	}

	@Test
	void letsMembersReadButOnlyManagersMoveStock() {
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");

		assertThat(this.api.get(ws() + "/stock", member.token()).status()).isEqualTo(200);
		assertThat(this.api.get(ws() + "/warehouses/" + this.warehouseId, member.token()).status()).isEqualTo(200);
		assertThat(this.api
			.post(ws() + "/stock/receipts", member.token(),
					Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity", "1"))
			.status()).isEqualTo(403);
		assertThat(this.api.post(ws() + "/warehouses", member.token(), Map.of("code", "X", "name", "X")).status())
			.isEqualTo(403);
		assertThat(onHand()).isEqualByComparingTo("0");
	}

	@Test
	void answersNotFoundOnEveryInventoryRouteToAStranger() {
		receipt(null, "5", null);
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org strangersOrg = this.data.organization(stranger, "Stranger Co");
		String theirs = "/api/workspaces/" + strangersOrg.workspaceId();
		Map<String, Object> move = Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity",
				"1");

		for (String path : List.of("/warehouses", "/warehouses/" + this.warehouseId, "/stock", "/stock/movements",
				"/reservations")) {
			assertThat(this.api.get(ws() + path, stranger.token()).status()).as(path).isEqualTo(404);
		}
		assertThat(this.api.post(ws() + "/stock/receipts", stranger.token(), move).status()).isEqualTo(404);
		assertThat(this.api.post(ws() + "/stock/adjustments", stranger.token(), move).status()).isEqualTo(404);
		assertThat(this.api.post(ws() + "/warehouses", stranger.token(), Map.of("code", "S", "name", "S")).status())
			.isEqualTo(404);
		assertThat(this.api.patch(ws() + "/warehouses/" + this.warehouseId, stranger.token(), Map.of("name", "x"))
			.status()).isEqualTo(404);
		assertThat(this.api.get(theirs + "/warehouses/" + this.warehouseId, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.patch(theirs + "/warehouses/" + this.warehouseId, stranger.token(), Map.of("name", "x"))
			.status()).isEqualTo(404);
		assertThat(this.api.post(theirs + "/stock/receipts", stranger.token(), move).status()).isEqualTo(422);
		assertThat(this.api.get(theirs + "/stock", stranger.token()).items()).isEmpty();
		assertThat(this.api.get(theirs + "/stock/movements", stranger.token()).items()).isEmpty();
		assertThat(onHand()).isEqualByComparingTo("5");
	}

	// reservations through the façade

	@Test
	void reservesPartiallyAndReportsTheShortfallThenTopsUpAfterAReceipt() {
		receipt(null, "4", null);
		UUID order = UUID.randomUUID();
		UUID line = UUID.randomUUID();

		ReservationResult first = this.inventory.reserve(this.org.workspaceId(), order, line, this.productId,
				new BigDecimal("10"));
		ReservationResult retry = this.inventory.reserve(this.org.workspaceId(), order, line, this.productId,
				new BigDecimal("10"));

		assertThat(first.reserved()).isEqualByComparingTo("4");
		assertThat(first.shortfall()).isEqualByComparingTo("6");
		assertThat(first.warehouseId()).isEqualTo(this.warehouseId);
		assertThat(retry.reservationId()).isEqualTo(first.reservationId());
		assertThat(retry.reserved()).isEqualByComparingTo("4");
		receipt(null, "20", null);
		ReservationResult topUp = this.inventory.reserve(this.org.workspaceId(), order, line, this.productId,
				new BigDecimal("10"));
		assertThat(topUp.reservationId()).isEqualTo(first.reservationId());
		assertThat(topUp.complete()).isTrue();
		assertThat(this.inventory.reserve(this.org.workspaceId(), order, line, this.productId, new BigDecimal("10"))
			.reserved()).isEqualByComparingTo("10");
		Api.Response reservations = this.api.get(ws() + "/reservations?orderId=" + order, this.owner.token());
		assertThat(reservations.items()).singleElement().satisfies(r -> {
			assertThat(r.path("quantity").decimalValue()).isEqualByComparingTo("10");
			assertThat(r.path("status").asText()).isEqualTo("ACTIVE");
		});
		assertThat(available()).isEqualByComparingTo("14");
		assertThat(this.api.get(ws() + "/stock/movements?type=RESERVATION", this.owner.token())
			.json()
			.path("total")
			.asInt()).isEqualTo(2);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void reservesNothingWithoutStockAndChoosesTheWarehouseWithMostAvailable() {
		UUID order = UUID.randomUUID();
		ReservationResult none = this.inventory.reserve(this.org.workspaceId(), order, UUID.randomUUID(),
				this.productId, new BigDecimal("3"));
		assertThat(none.reserved()).isEqualByComparingTo("0");
		assertThat(none.shortfall()).isEqualByComparingTo("3");
		assertThat(none.reservationId()).isNull();

		UUID astana = warehouse("AST-1", "Astana");
		receipt(null, "2", null);
		this.inventory.receive(this.org.workspaceId(), this.owner.id(), astana, this.productId, new BigDecimal("7"),
				null);

		ReservationResult chosen = this.inventory.reserve(this.org.workspaceId(), order, UUID.randomUUID(),
				this.productId, new BigDecimal("3"));
		ReservationResult given = this.inventory.reserve(this.org.workspaceId(), order, UUID.randomUUID(),
				this.productId, new BigDecimal("3"), this.warehouseId);

		assertThat(chosen.warehouseId()).isEqualTo(astana);
		assertThat(chosen.complete()).isTrue();
		assertThat(given.warehouseId()).isEqualTo(this.warehouseId);
		assertThat(given.reserved()).isEqualByComparingTo("2");
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void releasesAndIssuesAllActiveReservationsOfAnOrderOnce() {
		receipt(null, "10", null);
		UUID shipped = UUID.randomUUID();
		UUID cancelled = UUID.randomUUID();
		this.inventory.reserve(this.org.workspaceId(), shipped, UUID.randomUUID(), this.productId, new BigDecimal("3"));
		this.inventory.reserve(this.org.workspaceId(), shipped, UUID.randomUUID(), this.productId, new BigDecimal("2"));
		this.inventory.reserve(this.org.workspaceId(), cancelled, UUID.randomUUID(), this.productId,
				new BigDecimal("4"));

		List<ReservationView> issued = this.inventory.issue(this.org.workspaceId(), shipped);
		List<ReservationView> released = this.inventory.release(this.org.workspaceId(), cancelled);

		assertThat(issued).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReservationStatus.ISSUED));
		assertThat(released).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(ReservationStatus.RELEASED));
		assertThat(this.inventory.issue(this.org.workspaceId(), shipped)).isEmpty();
		assertThat(this.inventory.release(this.org.workspaceId(), cancelled)).isEmpty();
		assertThat(onHand()).isEqualByComparingTo("5");
		assertThat(available()).isEqualByComparingTo("5");
		assertThat(this.api.get(ws() + "/stock/movements?type=ISSUE", this.owner.token()).json().path("total").asInt())
			.isEqualTo(2);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	@Test
	void recordsProductionOutputWithItsReference() {
		UUID productionOrder = UUID.randomUUID();

		StockChange change = this.inventory.recordProductionOutput(this.org.workspaceId(), this.warehouseId,
				this.productId, new BigDecimal("8"), new BigDecimal("100.00"), productionOrder);

		assertThat(change.movement().type()).isEqualTo(MovementType.PRODUCTION_OUTPUT);
		assertThat(change.movement().referenceId()).isEqualTo(productionOrder);
		assertThat(change.movement().createdBy()).isNull();
		assertThat(onHand()).isEqualByComparingTo("8");
	}

	@Test
	void refusesReservationsOfUnknownProductsOrBadQuantities() {
		UUID order = UUID.randomUUID();
		assertThatThrownBy(() -> this.inventory.reserve(this.org.workspaceId(), order, UUID.randomUUID(),
				UUID.randomUUID(), BigDecimal.ONE))
			.isInstanceOf(kz.prometric.erp.shared.BusinessRuleViolation.class);
		assertThatThrownBy(() -> this.inventory.reserve(this.org.workspaceId(), order, UUID.randomUUID(),
				this.productId, new BigDecimal("-1")))
			.isInstanceOf(kz.prometric.erp.shared.InvalidInputException.class);
		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).isEmpty();
	}

	// the ledger

	@Test
	void reportsABalanceThatNoLongerMatchesItsLedger() {
		receipt(null, "5", null);
		this.jdbc.update("update inv_stock set on_hand = 6 where warehouse_id = ? and product_id = ?", this.warehouseId,
				this.productId);

		assertThat(this.inventory.verifyLedger(this.org.workspaceId())).singleElement().satisfies(mismatch -> {
			assertThat(mismatch.productId()).isEqualTo(this.productId);
			assertThat(mismatch.balanceOnHand()).isEqualByComparingTo("6");
			assertThat(mismatch.ledgerOnHand()).isEqualByComparingTo("5");
		});
	}

	@Test
	void keepsTheLedgerAppendOnly() {
		receipt(null, "5", null);

		assertThatThrownBy(() -> this.jdbc.update("update inv_movement set quantity = 50 where workspace_id = ?",
				this.org.workspaceId()))
			.hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> this.jdbc.update("delete from inv_movement where workspace_id = ?", this.org.workspaceId()))
			.hasMessageContaining("append-only");
	}

	private BigDecimal onHand() {
		return level().path("onHand").decimalValue();
	}

	private BigDecimal available() {
		return level().path("available").decimalValue();
	}

	private com.fasterxml.jackson.databind.JsonNode level() {
		List<com.fasterxml.jackson.databind.JsonNode> items = this.api
			.get(ws() + "/stock?productId=" + this.productId + "&warehouseId=" + this.warehouseId, this.owner.token())
			.items();
		return items.isEmpty() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
			.put("onHand", BigDecimal.ZERO)
			.put("available", BigDecimal.ZERO) : items.get(0);
	}

	private Api.Response receipt(String key, String quantity, String note) {
		return move("receipts", key, quantity, note);
	}

	private Api.Response adjustment(String key, String quantity, String note) {
		return move("adjustments", key, quantity, note);
	}

	private Api.Response move(String route, String key, String quantity, String note) {
		Map<String, Object> body = new HashMap<>(
				Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity", quantity));
		if (note != null) {
			body.put("note", note);
		}
		return this.api.send("POST", ws() + "/stock/" + route, this.owner.token(), body,
				(key == null) ? Map.of() : Map.of("Idempotency-Key", key));
	}

	private UUID warehouse(String code, String name) {
		return warehouse(this.org.workspaceId(), code, name);
	}

	private UUID warehouse(UUID workspaceId, String code, String name) {
		Api.Response created = this.api.post("/api/workspaces/" + workspaceId + "/warehouses", this.owner.token(),
				Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID product(String code, String name) {
		return product(this.org.workspaceId(), code, name);
	}

	private UUID product(UUID workspaceId, String code, String name) {
		Api.Response created = this.api.post("/api/workspaces/" + workspaceId + "/products", this.owner.token(),
				Map.of("code", code, "name", name, "unit", "pcs", "price", "100"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
