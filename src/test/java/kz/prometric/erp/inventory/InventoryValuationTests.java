package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving average cost per product and the production movements: receipts at a cost move
 * the average, issues and scrap do not, and every production movement is written once.
 */
@ErpIntegrationTest
class InventoryValuationTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	JdbcTemplate jdbc;

	TestData.User owner;

	UUID workspaceId;

	UUID warehouseId;

	UUID otherWarehouseId;

	UUID productId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Aigerim");
		this.workspaceId = this.data.organization(this.owner, "Aigerim Furniture").workspaceId();
		this.warehouseId = warehouse("MAIN");
		this.otherWarehouseId = warehouse("SPARE");
		this.productId = product("PLY-18", "80.00");
	}

	@AfterEach
	void ledgerAndValuationAgree() {
		assertThat(this.inventory.verifyLedger(this.workspaceId)).isEmpty();
		assertThat(this.inventory.verifyValuation(this.workspaceId)).isEmpty();
	}

	// moving average

	@Test
	void answersTheStandardCostWhileNothingIsValued() {
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("80")
			.hasScaleOf(4);
		Api.Response valuation = valuation();
		assertThat(valuation.status()).as(valuation.toString()).isEqualTo(200);
		assertThat(valuation.json().path("quantity").decimalValue()).isEqualByComparingTo("0");
		assertThat(valuation.json().path("averageCost").decimalValue()).isEqualByComparingTo("80");
		assertThat(valuation.json().path("value").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void movesTheAverageWithEveryReceiptAtACostOverAllWarehouses() {
		Api.Response first = receipt(this.warehouseId, "10", "100");
		receipt(this.otherWarehouseId, "30", "140.50");

		// (10 × 100 + 30 × 140.50) / 40 = 130.375
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().path("movement").path("unitCost").decimalValue()).isEqualByComparingTo("100");
		assertThat(first.json().path("stock").path("averageCost").decimalValue()).isEqualByComparingTo("100");
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("130.375");
		JsonNode valuation = valuation().json();
		assertThat(valuation.path("quantity").decimalValue()).isEqualByComparingTo("40");
		assertThat(valuation.path("averageCost").decimalValue()).isEqualByComparingTo("130.375");
		assertThat(valuation.path("value").decimalValue()).isEqualByComparingTo("5215.00");
		List<JsonNode> stock = this.api.get(ws() + "/stock?productId=" + this.productId, this.owner.token()).items();
		assertThat(stock).hasSize(2).allSatisfy(level -> {
			assertThat(level.path("averageCost").decimalValue()).isEqualByComparingTo("130.375");
			BigDecimal expected = level.path("onHand").decimalValue().multiply(new BigDecimal("130.375"));
			assertThat(level.path("value").decimalValue())
				.isEqualByComparingTo(expected.setScale(2, java.math.RoundingMode.HALF_UP));
		});
	}

	@Test
	void restartsTheAverageAtTheIncomingCostWhenNothingIsOnHand() {
		receipt(this.warehouseId, "4", "100");
		this.inventory.adjust(this.workspaceId, this.owner.id(), this.warehouseId, this.productId, new BigDecimal("-4"),
				"used up");

		receipt(this.warehouseId, "2", "250");

		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("250");
		assertThat(valuation().json().path("quantity").decimalValue()).isEqualByComparingTo("2");
	}

	@Test
	void receivesWithoutACostAtTheCurrentAverageAndLeavesItAlone() {
		Api.Response atStandard = receipt(this.warehouseId, "5", null);
		receipt(this.warehouseId, "5", "120");
		Api.Response atAverage = receipt(this.warehouseId, "10", null);

		assertThat(atStandard.json().path("movement").path("unitCost").decimalValue()).isEqualByComparingTo("80");
		assertThat(atAverage.json().path("movement").path("unitCost").decimalValue()).isEqualByComparingTo("100");
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("100");
		assertThat(valuation().json().path("value").decimalValue()).isEqualByComparingTo("2000.00");
	}

	@Test
	void keepsTheAverageWhenStockIsAdjustedReservedShippedOrScrapped() {
		receipt(this.warehouseId, "10", "100");
		receipt(this.warehouseId, "10", "200");
		UUID salesOrder = UUID.randomUUID();
		this.inventory.reserve(this.workspaceId, salesOrder, UUID.randomUUID(), this.productId, new BigDecimal("3"));

		StockChange adjusted = this.inventory.adjust(this.workspaceId, this.owner.id(), this.warehouseId,
				this.productId, new BigDecimal("-2"), "broken");
		List<ReservationView> shipped = this.inventory.issue(this.workspaceId, salesOrder);
		this.inventory.recordScrap(this.workspaceId, this.warehouseId, this.productId, new BigDecimal("1"),
				new BigDecimal("999"), UUID.randomUUID(), "lot scrapped");

		assertThat(adjusted.movement().unitCost()).isEqualByComparingTo("150");
		assertThat(shipped).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualByComparingTo("3"));
		assertThat(movements("ISSUE")).singleElement()
			.satisfies(m -> assertThat(m.path("unitCost").decimalValue()).isEqualByComparingTo("150"));
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("150");
		JsonNode valuation = valuation().json();
		assertThat(valuation.path("quantity").decimalValue()).isEqualByComparingTo("15");
		assertThat(valuation.path("value").decimalValue()).isEqualByComparingTo("2250.00");
	}

	@Test
	void refusesABadUnitCostAndChangesNothing() {
		Api.Response negative = receipt(this.warehouseId, "1", "-0.01");
		Api.Response tooPrecise = receipt(this.warehouseId, "1", "1.00001");

		assertThat(negative.status()).as(negative.toString()).isEqualTo(400);
		assertThat(negative.errorFields()).containsExactly("unitCost");
		assertThat(tooPrecise.status()).as(tooPrecise.toString()).isEqualTo(400);
		assertThat(tooPrecise.errorFields()).containsExactly("unitCost");
		assertThat(this.api.get(ws() + "/stock/movements", this.owner.token()).json().path("total").asInt()).isZero();
		assertThatThrownBy(() -> this.inventory.recordProductionOutput(this.workspaceId, this.warehouseId,
				this.productId, BigDecimal.ONE, new BigDecimal("-1"), UUID.randomUUID()))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.inventory.receivePurchase(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("-1"), BigDecimal.TEN, UUID.randomUUID()))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.inventory.receivePurchase(this.workspaceId, UUID.randomUUID(), this.productId,
				BigDecimal.ONE, BigDecimal.TEN, UUID.randomUUID()))
			.isInstanceOf(BusinessRuleViolation.class);
		assertThat(valuation().json().path("quantity").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void receivesOnceWhenARetryCarriesTheSameKeyAndRefusesTheKeyForAnotherCost() {
		String key = "receipt-" + UUID.randomUUID();
		Map<String, Object> body = Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity",
				"10", "unitCost", "95");

		Api.Response first = this.api.send("POST", ws() + "/stock/receipts", this.owner.token(), body,
				Map.of("Idempotency-Key", key));
		Api.Response retry = this.api.send("POST", ws() + "/stock/receipts", this.owner.token(), body,
				Map.of("Idempotency-Key", key));
		Api.Response otherCost = this.api.send(
				"POST", ws() + "/stock/receipts", this.owner.token(), Map.of("warehouseId", this.warehouseId,
						"productId", this.productId, "quantity", "10", "unitCost", "96"),
				Map.of("Idempotency-Key", key));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(otherCost.status()).as(otherCost.toString()).isEqualTo(422);
		assertThat(movements("RECEIPT")).hasSize(1);
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("95");
	}

	@Test
	void hidesTheValuationOfAProductOfAnotherWorkspace() {
		TestData.User stranger = this.data.user("Stranger");
		this.data.organization(stranger, "Stranger Ltd");

		Api.Response answer = this.api.get(ws() + "/products/" + this.productId + "/valuation", stranger.token());
		Api.Response unknown = this.api.get(ws() + "/products/" + UUID.randomUUID() + "/valuation", this.owner.token());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
	}

	// purchases

	@Test
	void receivesAPurchaseOnceAtItsPrice() {
		UUID purchaseOrder = UUID.randomUUID();
		receipt(this.warehouseId, "10", "100");

		StockChange first = this.inventory.receivePurchase(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("10"), new BigDecimal("120.00"), purchaseOrder);
		StockChange retry = this.inventory.receivePurchase(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("10"), new BigDecimal("120.00"), purchaseOrder);

		assertThat(first.movement().type()).isEqualTo(MovementType.RECEIPT);
		assertThat(first.movement().referenceType()).isEqualTo("PURCHASE_ORDER");
		assertThat(first.movement().referenceId()).isEqualTo(purchaseOrder);
		assertThat(first.movement().unitCost()).isEqualByComparingTo("120");
		assertThat(first.stock().onHand()).isEqualByComparingTo("20");
		assertThat(retry.movement().id()).isEqualTo(first.movement().id());
		assertThat(retry.stock().onHand()).isEqualByComparingTo("20");
		assertThat(movements("RECEIPT")).hasSize(2);
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("110");
	}

	@Test
	void receivesEachProductOfAPurchaseOrder() {
		UUID purchaseOrder = UUID.randomUUID();
		UUID glue = product("GLUE", "5.00");

		this.inventory.receivePurchase(this.workspaceId, this.warehouseId, this.productId, new BigDecimal("2"),
				new BigDecimal("90"), purchaseOrder);
		this.inventory.receivePurchase(this.workspaceId, this.warehouseId, glue, new BigDecimal("3"),
				new BigDecimal("6.5"), purchaseOrder);

		assertThat(movements("RECEIPT")).hasSize(2);
		assertThat(this.inventory.averageCost(this.workspaceId, glue)).isEqualByComparingTo("6.5");
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("90");
	}

	// production

	@Test
	void issuesReservedMaterialToProductionOnceAtTheMovingAverage() {
		receipt(this.warehouseId, "10", "100");
		receipt(this.warehouseId, "10", "110");
		UUID productionOrder = UUID.randomUUID();
		UUID requirement = UUID.randomUUID();
		this.inventory.reserve(this.workspaceId, productionOrder, requirement, this.productId, new BigDecimal("4"),
				this.warehouseId);

		List<InventoryManagement.IssuedMaterial> issued = this.inventory.issueToProduction(this.workspaceId,
				productionOrder);
		List<InventoryManagement.IssuedMaterial> retry = this.inventory.issueToProduction(this.workspaceId,
				productionOrder);

		assertThat(issued).singleElement().satisfies(material -> {
			assertThat(material.orderLineId()).isEqualTo(requirement);
			assertThat(material.productId()).isEqualTo(this.productId);
			assertThat(material.warehouseId()).isEqualTo(this.warehouseId);
			assertThat(material.quantity()).isEqualByComparingTo("4");
			assertThat(material.unitCost()).isEqualByComparingTo("105");
		});
		assertThat(retry).isEmpty();
		assertThat(this.inventory.productionIssues(this.workspaceId, productionOrder)).isEqualTo(issued);
		assertThat(movements("ISSUE_TO_PRODUCTION")).singleElement().satisfies(movement -> {
			assertThat(movement.path("referenceType").asText()).isEqualTo("PRODUCTION_ORDER");
			assertThat(movement.path("referenceId").asText()).isEqualTo(productionOrder.toString());
			assertThat(movement.path("quantity").decimalValue()).isEqualByComparingTo("4");
		});
		JsonNode level = this.api
			.get(ws() + "/stock?productId=" + this.productId + "&warehouseId=" + this.warehouseId, this.owner.token())
			.items()
			.get(0);
		assertThat(level.path("onHand").decimalValue()).isEqualByComparingTo("16");
		assertThat(level.path("reserved").decimalValue()).isEqualByComparingTo("0");
		assertThat(
				this.api.get(ws() + "/reservations?orderId=" + productionOrder + "&status=ISSUED", this.owner.token())
					.json()
					.path("total")
					.asInt())
			.isEqualTo(1);
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("105");
		assertThat(valuation().json().path("quantity").decimalValue()).isEqualByComparingTo("16");
	}

	@Test
	void issuesNothingForAProductionOrderWithoutReservations() {
		receipt(this.warehouseId, "10", "100");

		assertThat(this.inventory.issueToProduction(this.workspaceId, UUID.randomUUID())).isEmpty();
		assertThat(movements("ISSUE_TO_PRODUCTION")).isEmpty();
	}

	@Test
	void putsProductionOutputIntoStockOnceAtItsCost() {
		receipt(this.warehouseId, "6", "100");
		UUID productionOrder = UUID.randomUUID();

		StockChange output = this.inventory.recordProductionOutput(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("2"), new BigDecimal("130.5"), productionOrder);
		StockChange retry = this.inventory.recordProductionOutput(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("2"), new BigDecimal("130.5"), productionOrder);

		assertThat(output.movement().type()).isEqualTo(MovementType.PRODUCTION_OUTPUT);
		assertThat(output.movement().unitCost()).isEqualByComparingTo("130.5");
		assertThat(retry.movement().id()).isEqualTo(output.movement().id());
		assertThat(retry.stock().onHand()).isEqualByComparingTo("8");
		assertThat(movements("PRODUCTION_OUTPUT")).hasSize(1);
		// (6 × 100 + 2 × 130.5) / 8 = 107.625
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("107.625");
	}

	@Test
	void writesOffScrapOnceWithoutTouchingStock() {
		receipt(this.warehouseId, "5", "100");
		UUID productionOrder = UUID.randomUUID();

		StockMovementView scrap = this.inventory.recordScrap(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("3"), new BigDecimal("210.25"), productionOrder, "failed inspection twice");
		StockMovementView retry = this.inventory.recordScrap(this.workspaceId, this.warehouseId, this.productId,
				new BigDecimal("3"), new BigDecimal("210.25"), productionOrder, "failed inspection twice");

		assertThat(scrap.type()).isEqualTo(MovementType.SCRAP);
		assertThat(scrap.unitCost()).isEqualByComparingTo("210.25");
		assertThat(scrap.referenceId()).isEqualTo(productionOrder);
		assertThat(scrap.note()).isEqualTo("failed inspection twice");
		assertThat(retry.id()).isEqualTo(scrap.id());
		assertThat(movements("SCRAP")).hasSize(1);
		assertThat(valuation().json().path("quantity").decimalValue()).isEqualByComparingTo("5");
		assertThat(this.inventory.averageCost(this.workspaceId, this.productId)).isEqualByComparingTo("100");
	}

	@Test
	void refusesASecondOutputOrScrapOfAProductionOrderInTheDatabase() {
		UUID productionOrder = UUID.randomUUID();
		this.inventory.recordProductionOutput(this.workspaceId, this.warehouseId, this.productId, BigDecimal.ONE,
				BigDecimal.TEN, productionOrder);
		this.inventory.recordScrap(this.workspaceId, this.warehouseId, this.productId, BigDecimal.ONE, BigDecimal.TEN,
				productionOrder, null);

		for (String type : List.of("PRODUCTION_OUTPUT", "SCRAP")) {
			assertThatThrownBy(() -> this.jdbc.update(
					"insert into inv_movement (id, workspace_id, warehouse_id, product_id, type, quantity, "
							+ "reference_type, reference_id, created_at) "
							+ "values (gen_random_uuid(), ?, ?, ?, ?, 1, 'PRODUCTION_ORDER', ?, now())",
					this.workspaceId, this.warehouseId, this.productId, type, productionOrder))
				.hasMessageContaining("uq_inv_movement_");
		}
	}

	private Api.Response receipt(UUID warehouse, String quantity, String unitCost) {
		Map<String, Object> body = new HashMap<>(
				Map.of("warehouseId", warehouse, "productId", this.productId, "quantity", quantity));
		if (unitCost != null) {
			body.put("unitCost", unitCost);
		}
		return this.api.post(ws() + "/stock/receipts", this.owner.token(), body);
	}

	private Api.Response valuation() {
		return this.api.get(ws() + "/products/" + this.productId + "/valuation", this.owner.token());
	}

	private List<JsonNode> movements(String type) {
		return this.api.get(ws() + "/stock/movements?size=100&type=" + type, this.owner.token()).items();
	}

	private UUID warehouse(String code) {
		Api.Response created = this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", code, "name", code));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private UUID product(String code, String cost) {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", code, "name", code, "unit", "pcs", "price", "500", "cost", cost));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private String ws() {
		return "/api/workspaces/" + this.workspaceId;
	}

}
