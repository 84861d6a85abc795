package kz.prometric.erp.inventory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minimum quantities per product and warehouse (reorder points) and the list of stock
 * below them, as the home page and a buyer see it.
 */
@ErpIntegrationTest
class MinimumStockApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InventoryManagement inventory;

	TestData.User owner;

	TestData.Org org;

	UUID warehouseId;

	UUID productId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Saule");
		this.org = this.data.organization(this.owner, "Saule Bakery");
		this.warehouseId = created(this.api.post(ws() + "/warehouses", this.owner.token(),
				Map.of("code", "AST-1", "name", "Astana bakery store")));
		this.productId = created(this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", "FLOUR-50", "name", "Flour 50 kg", "unit", "bag", "price", "9000.00")));
	}

	@Test
	void stockBelowItsMinimumIsListedWithTheShortfallUntilAReceiptLiftsIt() {
		receive("4");

		Api.Response set = minimum(this.warehouseId, this.productId, "10.5");

		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.json().path("minimumQuantity").decimalValue()).isEqualByComparingTo("10.5");
		Api.Response below = this.api.get(ws() + "/stock/below-minimum", this.owner.token());
		assertThat(below.status()).as(below.toString()).isEqualTo(200);
		assertThat(below.json().path("total").asInt()).isEqualTo(1);
		JsonNode line = below.items().get(0);
		assertThat(line.path("productId").asText()).isEqualTo(this.productId.toString());
		assertThat(line.path("productName").asText()).isEqualTo("Flour 50 kg");
		assertThat(line.path("warehouseName").asText()).isEqualTo("Astana bakery store");
		assertThat(line.path("onHand").decimalValue()).isEqualByComparingTo("4");
		assertThat(line.path("minimumQuantity").decimalValue()).isEqualByComparingTo("10.5");
		assertThat(line.path("shortfall").decimalValue()).isEqualByComparingTo("6.5");
		// the same list for the home page
		assertThat(this.inventory.belowMinimum(this.org.workspaceId(), this.owner.id(), PageQuery.first(10)).items())
			.extracting(BelowMinimumView::shortfall)
			.singleElement()
			.satisfies(shortfall -> assertThat(shortfall).isEqualByComparingTo("6.5"));

		receive("7");

		assertThat(this.api.get(ws() + "/stock/below-minimum", this.owner.token()).json().path("total").asInt())
			.isZero();
		assertThat(this.api.get(ws() + "/warehouses/" + this.warehouseId + "/minimums", this.owner.token())
			.json()
			.get(0)
			.path("minimumQuantity")
			.decimalValue()).isEqualByComparingTo("10.5");
	}

	@Test
	void aProductWithoutAnyStockIsBelowItsMinimumAndZeroRemovesTheMinimum() {
		assertThat(minimum(this.warehouseId, this.productId, "3").status()).isEqualTo(200);
		Api.Response below = this.api.get(ws() + "/stock/below-minimum", this.owner.token());
		assertThat(below.items()).singleElement()
			.satisfies(line -> assertThat(line.path("shortfall").decimalValue()).isEqualByComparingTo("3"));

		assertThat(minimum(this.warehouseId, this.productId, "0").status()).isEqualTo(200);

		assertThat(this.api.get(ws() + "/stock/below-minimum", this.owner.token()).json().path("total").asInt())
			.isZero();
	}

	@Test
	void theLargestShortfallComesFirstAndTheListPages() {
		UUID sugar = created(this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", "SUGAR-1", "name", "Sugar", "unit", "kg", "price", "500.00")));
		minimum(this.warehouseId, this.productId, "2");
		minimum(this.warehouseId, sugar, "20");

		Api.Response first = this.api.get(ws() + "/stock/below-minimum?size=1", this.owner.token());
		Api.Response byShortfall = this.api.get(ws() + "/stock/below-minimum?sort=shortfall,asc", this.owner.token());

		assertThat(first.json().path("total").asInt()).isEqualTo(2);
		assertThat(first.itemValues("productName")).containsExactly("Sugar");
		assertThat(byShortfall.itemValues("productName")).containsExactly("Flour 50 kg", "Sugar");
		assertThat(this.api.get(ws() + "/stock/below-minimum?sort=price", this.owner.token()).errorFields())
			.containsExactly("sort");
	}

	@Test
	void aNegativeOrTooPreciseMinimumIsRefusedNamingTheField() {
		for (String bad : List.of("-1", "1.0001")) {
			Api.Response refused = minimum(this.warehouseId, this.productId, bad);

			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.errorFields()).containsExactly("minimumQuantity");
		}
		Api.Response missing = this.api.send("PUT",
				ws() + "/warehouses/" + this.warehouseId + "/minimums/" + this.productId, this.owner.token(), Map.of(),
				Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("minimumQuantity");
		assertThat(this.api.get(ws() + "/stock/below-minimum", this.owner.token()).json().path("total").asInt())
			.isZero();
	}

	@Test
	void anotherWorkspacesWarehouseOrProductIsNotFoundAndItsMinimumsStayHidden() {
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Bakery");
		String otherWs = "/api/workspaces/" + other.workspaceId();
		UUID otherWarehouse = created(
				this.api.post(otherWs + "/warehouses", stranger.token(), Map.of("code", "X-1", "name", "Other store")));
		UUID otherProduct = created(this.api.post(otherWs + "/products", stranger.token(),
				Map.of("code", "X-1", "name", "Secret product", "unit", "pcs", "price", "1.00")));
		assertThat(this.api
			.send("PUT", otherWs + "/warehouses/" + otherWarehouse + "/minimums/" + otherProduct, stranger.token(),
					Map.of("minimumQuantity", "5"), Map.of())
			.status()).isEqualTo(200);

		assertThat(minimum(otherWarehouse, this.productId, "5").status()).isEqualTo(404);
		assertThat(minimum(this.warehouseId, otherProduct, "5").status()).isEqualTo(404);
		assertThat(this.api
			.send("PUT", otherWs + "/warehouses/" + otherWarehouse + "/minimums/" + otherProduct, this.owner.token(),
					Map.of("minimumQuantity", "0"), Map.of())
			.status()).isEqualTo(404);
		assertThat(this.api.get(otherWs + "/stock/below-minimum", this.owner.token()).status()).isEqualTo(404);
		assertThat(this.api.get(ws() + "/warehouses/" + otherWarehouse + "/minimums", this.owner.token()).status())
			.isEqualTo(404);
		Api.Response own = this.api.get(ws() + "/stock/below-minimum", this.owner.token());
		assertThat(own.json().path("total").asInt()).isZero();
		assertThat(own.text()).doesNotContain("Secret product");
		// the stranger's minimum is as he set it
		assertThat(this.api.get(otherWs + "/stock/below-minimum", stranger.token()).json().path("total").asInt())
			.isEqualTo(1);
	}

	@Test
	void membersReadTheListButOnlyManagersSetMinimums() {
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");

		Api.Response refused = this.api.send("PUT",
				ws() + "/warehouses/" + this.warehouseId + "/minimums/" + this.productId, member.token(),
				Map.of("minimumQuantity", "5"), Map.of());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.api.get(ws() + "/stock/below-minimum", member.token()).status()).isEqualTo(200);
		assertThat(this.api.get(ws() + "/stock/below-minimum", member.token()).json().path("total").asInt()).isZero();
		assertThat(this.api.get(ws() + "/stock/below-minimum", null).status()).isEqualTo(401);
	}

	private Api.Response minimum(UUID warehouse, UUID product, String quantity) {
		return this.api.send("PUT", ws() + "/warehouses/" + warehouse + "/minimums/" + product, this.owner.token(),
				"{\"minimumQuantity\": " + quantity + "}", Map.of());
	}

	private void receive(String quantity) {
		Api.Response received = this.api.post(ws() + "/stock/receipts", this.owner.token(),
				Map.of("warehouseId", this.warehouseId, "productId", this.productId, "quantity", quantity));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

	private static UUID created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().path("id").asText());
	}

}
