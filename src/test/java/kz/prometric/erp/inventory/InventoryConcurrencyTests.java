package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel orders on the last units: stock and available never go negative, reserved
 * never exceeds on hand, and the balances still equal the ledger.
 */
@ErpIntegrationTest
class InventoryConcurrencyTests {

	static final int THREADS = 8;

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

	UUID productId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Talgat");
		this.workspaceId = this.data.organization(this.owner, "Talgat Retail").workspaceId();
		Api.Response warehouse = this.api.post("/api/workspaces/" + this.workspaceId + "/warehouses",
				this.owner.token(), Map.of("code", "WH", "name", "Main"));
		this.warehouseId = UUID.fromString(warehouse.json().path("id").asText());
		Api.Response product = this.api.post("/api/workspaces/" + this.workspaceId + "/products", this.owner.token(),
				Map.of("code", "LAST", "name", "Last units", "unit", "pcs", "price", "10"));
		this.productId = UUID.fromString(product.json().path("id").asText());
		this.inventory.receive(this.workspaceId, this.owner.id(), this.warehouseId, this.productId, new BigDecimal("5"),
				"the last five");
	}

	@Test
	void reservesNoMoreThanOnHandWhenEightOrdersCompeteForTheLastUnits() throws Exception {
		List<UUID> orders = IntStream.range(0, THREADS).mapToObj(i -> UUID.randomUUID()).toList();
		List<Callable<ReservationResult>> calls = orders.stream()
			.map(order -> (Callable<ReservationResult>) () -> this.inventory.reserve(this.workspaceId, order,
					UUID.randomUUID(), this.productId, new BigDecimal("2")))
			.toList();

		List<ReservationResult> results = Concurrently.run(calls);

		BigDecimal reserved = results.stream()
			.map(ReservationResult::reserved)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(reserved).isEqualByComparingTo("5");
		assertThat(results).allSatisfy(r -> assertThat(r.reserved().add(r.shortfall())).isEqualByComparingTo("2"));
		assertBalanceSound("5", "5");

		// then half the orders ship and half are cancelled, all at once, while stock is
		// counted down by hand
		List<Callable<Object>> finish = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			UUID order = orders.get(i);
			finish.add((i % 2 == 0) ? () -> this.inventory.issue(this.workspaceId, order)
					: () -> this.inventory.release(this.workspaceId, order));
		}
		for (int i = 0; i < 3; i++) {
			finish.add(() -> adjustDown());
		}
		Concurrently.run(finish);

		assertBalanceSound(null, "0");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from inv_reservation where workspace_id = ? and status = 'ACTIVE'", Integer.class,
				this.workspaceId))
			.isZero();
	}

	@Test
	void shipsTheLastUnitsOnceWhenOrdersReserveAndIssueInParallel() throws Exception {
		List<Callable<BigDecimal>> calls = IntStream.range(0, THREADS).mapToObj(i -> (Callable<BigDecimal>) () -> {
			UUID order = UUID.randomUUID();
			this.inventory.reserve(this.workspaceId, order, UUID.randomUUID(), this.productId, BigDecimal.ONE);
			return this.inventory.issue(this.workspaceId, order)
				.stream()
				.map(ReservationView::quantity)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}).toList();

		List<BigDecimal> shipped = Concurrently.run(calls);

		assertThat(shipped.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("5");
		assertBalanceSound("0", "0");
	}

	@Test
	void takesOutOnlyWhatIsThereWhenEightAdjustmentsRaceThroughRest() throws Exception {
		List<Callable<Api.Response>> calls = IntStream.range(0, THREADS)
			.mapToObj(i -> (Callable<Api.Response>) () -> this.api.post(
					"/api/workspaces/" + this.workspaceId + "/stock/adjustments", this.owner.token(),
					Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity", "-1")))
			.toList();

		List<Api.Response> answers = Concurrently.run(calls);

		assertThat(answers).extracting(Api.Response::status).containsOnly(201, 422);
		assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(5);
		assertBalanceSound("0", "0");
	}

	@Test
	void neverIssuesMoreThanOnHandWhenProductionOrdersCompeteForTheLastUnits() throws Exception {
		List<Callable<BigDecimal>> calls = IntStream.range(0, THREADS).mapToObj(i -> (Callable<BigDecimal>) () -> {
			UUID productionOrder = UUID.randomUUID();
			this.inventory.reserve(this.workspaceId, productionOrder, UUID.randomUUID(), this.productId,
					new BigDecimal("2"), this.warehouseId);
			return this.inventory.issueToProduction(this.workspaceId, productionOrder)
				.stream()
				.map(InventoryManagement.IssuedMaterial::quantity)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}).toList();

		List<BigDecimal> issued = Concurrently.run(calls);

		assertThat(issued.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("5");
		assertThat(sumOfMovements("ISSUE_TO_PRODUCTION")).isEqualByComparingTo("5");
		assertBalanceSound("0", "0");
		assertThat(this.inventory.verifyValuation(this.workspaceId)).isEmpty();
	}

	@Test
	void issuesAProductionOrderOnceWhenItsIssueJobRunsTwiceAtOnce() throws Exception {
		UUID productionOrder = UUID.randomUUID();
		this.inventory.reserve(this.workspaceId, productionOrder, UUID.randomUUID(), this.productId,
				new BigDecimal("3"), this.warehouseId);
		List<Callable<List<InventoryManagement.IssuedMaterial>>> calls = IntStream.range(0, THREADS)
			.mapToObj(i -> (Callable<List<InventoryManagement.IssuedMaterial>>) () -> this.inventory
				.issueToProduction(this.workspaceId, productionOrder))
			.toList();

		List<List<InventoryManagement.IssuedMaterial>> answers = Concurrently.run(calls);

		assertThat(answers).filteredOn(answer -> !answer.isEmpty()).hasSize(1);
		assertThat(sumOfMovements("ISSUE_TO_PRODUCTION")).isEqualByComparingTo("3");
		assertBalanceSound("2", "0");
		assertThat(this.inventory.productionIssues(this.workspaceId, productionOrder)).hasSize(1);
	}

	@Test
	void writesOneOutputOneScrapAndOneReceiptWhenDuplicatesRaceEachOther() throws Exception {
		UUID productionOrder = UUID.randomUUID();
		UUID scrappedOrder = UUID.randomUUID();
		UUID purchaseOrder = UUID.randomUUID();
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			calls.add(() -> this.inventory
				.recordProductionOutput(this.workspaceId, this.warehouseId, this.productId, new BigDecimal("4"),
						new BigDecimal("50"), productionOrder)
				.movement()
				.id());
			calls.add(() -> this.inventory
				.receivePurchase(this.workspaceId, this.warehouseId, this.productId, new BigDecimal("6"),
						new BigDecimal("20"), purchaseOrder)
				.movement()
				.id());
			calls.add(() -> this.inventory
				.recordScrap(this.workspaceId, this.warehouseId, this.productId, new BigDecimal("2"),
						new BigDecimal("50"), scrappedOrder, null)
				.id());
		}

		List<Object> movementIds = Concurrently.run(calls);

		assertThat(movementIds.stream().distinct()).hasSize(3);
		assertThat(sumOfMovements("PRODUCTION_OUTPUT")).isEqualByComparingTo("4");
		assertThat(sumOfMovements("SCRAP")).isEqualByComparingTo("2");
		assertThat(sumOfMovements("RECEIPT")).isEqualByComparingTo("11");
		assertBalanceSound("15", "0");
		assertThat(this.inventory.verifyValuation(this.workspaceId)).isEmpty();
	}

	private BigDecimal sumOfMovements(String type) {
		return this.jdbc.queryForObject(
				"select coalesce(sum(quantity), 0) from inv_movement where workspace_id = ? and type = ?",
				BigDecimal.class, this.workspaceId, type);
	}

	private Object adjustDown() {
		try {
			return this.inventory.adjust(this.workspaceId, this.owner.id(), this.warehouseId, this.productId,
					new BigDecimal("-1"), "counted");
		}
		catch (kz.prometric.erp.shared.BusinessRuleViolation ex) {
			return ex;
		}
	}

	private void assertBalanceSound(String expectedOnHand, String expectedReserved) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"select on_hand, reserved from inv_stock where warehouse_id = ? and product_id = ?", this.warehouseId,
				this.productId);
		BigDecimal onHand = (BigDecimal) row.get("on_hand");
		BigDecimal reserved = (BigDecimal) row.get("reserved");
		assertThat(onHand).isGreaterThanOrEqualTo(BigDecimal.ZERO);
		assertThat(reserved).isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThanOrEqualTo(onHand);
		if (expectedOnHand != null) {
			assertThat(onHand).isEqualByComparingTo(expectedOnHand);
		}
		assertThat(reserved).isEqualByComparingTo(expectedReserved);
		assertThat(this.inventory.verifyLedger(this.workspaceId)).isEmpty();
	}

}
