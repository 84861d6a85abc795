package kz.prometric.erp.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a workspace's shop floor through the REST API, as its manager would: products
 * (with a category once the catalog knows them), warehouses, stock, work centers,
 * routings, bills of materials and production orders.
 */
final class ProductionFixtures {

	private final Api api;

	private final String token;

	private final String ws;

	ProductionFixtures(Api api, String token, UUID workspaceId) {
		this.api = api;
		this.token = token;
		this.ws = "/api/workspaces/" + workspaceId;
	}

	String ws() {
		return this.ws;
	}

	UUID product(String code, String cost) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", "Product " + code);
		body.put("unit", "pcs");
		body.put("price", "100000.00");
		body.put("cost", cost);
		return id(this.api.post(this.ws + "/products", this.token, body));
	}

	UUID warehouse(String code) {
		return id(
				this.api.post(this.ws + "/warehouses", this.token, Map.of("code", code, "name", "Warehouse " + code)));
	}

	void receive(UUID warehouse, UUID product, String quantity, String unitCost) {
		Api.Response received = this.api.post(this.ws + "/stock/receipts", this.token,
				Map.of("warehouseId", warehouse, "productId", product, "quantity", quantity, "unitCost", unitCost));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	UUID workCenter(String code, String kind, String hourlyRate) {
		return id(this.api.post(this.ws + "/work-centers", this.token, Map.of("code", code, "name", "Center " + code,
				"kind", kind, "hourlyRate", hourlyRate, "capacityHoursPerDay", "8")));
	}

	/**
	 * Operations as (work center, name, setup minutes, run minutes per unit, inspect?).
	 */
	JsonNode routing(UUID product, Object... operations) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (int i = 0; i < operations.length; i += 5) {
			Map<String, Object> operation = new LinkedHashMap<>();
			operation.put("workCenterId", operations[i]);
			operation.put("name", operations[i + 1]);
			operation.put("setupMinutes", operations[i + 2]);
			operation.put("runMinutesPerUnit", operations[i + 3]);
			operation.put("instructions", "Do " + operations[i + 1] + " carefully");
			operation.put("inspectionAfter", operations[i + 4]);
			list.add(operation);
		}
		Api.Response put = this.api.send("PUT", this.ws + "/products/" + product + "/routing", this.token,
				Map.of("operations", list), Map.of());
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		return put.json();
	}

	/** Components as (product, quantity per unit). */
	void bom(UUID product, Object... components) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (int i = 0; i < components.length; i += 2) {
			list.add(Map.of("productId", components[i], "quantity", components[i + 1]));
		}
		Api.Response put = this.api.send("PUT", this.ws + "/products/" + product + "/bom", this.token,
				Map.of("components", list), Map.of());
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
	}

	JsonNode order(UUID product, String quantity, UUID warehouse) {
		Api.Response created = this.api.post(this.ws + "/production-orders", this.token,
				Map.of("productId", product, "quantity", quantity, "warehouseId", warehouse, "dueDate", "2026-12-20"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	JsonNode release(JsonNode order) {
		Api.Response released = this.api.post(this.ws + "/production-orders/" + order.path("id").asText() + "/release",
				this.token, null);
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		return released.json();
	}

	JsonNode get(JsonNode order) {
		Api.Response got = this.api.get(this.ws + "/production-orders/" + order.path("id").asText(), this.token);
		assertThat(got.status()).as(got.toString()).isEqualTo(200);
		return got.json();
	}

	JsonNode stock(UUID product) {
		return this.api.get(this.ws + "/stock?productId=" + product, this.token).json();
	}

	/** On hand of the product over all warehouses. */
	java.math.BigDecimal onHand(UUID product) {
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		for (JsonNode item : stock(product).path("items")) {
			total = total.add(item.path("onHand").decimalValue());
		}
		return total;
	}

	java.math.BigDecimal reserved(UUID product) {
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		for (JsonNode item : stock(product).path("items")) {
			total = total.add(item.path("reserved").decimalValue());
		}
		return total;
	}

	private static UUID id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

}
