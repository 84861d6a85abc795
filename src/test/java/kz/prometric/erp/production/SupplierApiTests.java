package kz.prometric.erp.production;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suppliers and their prices through the REST API: who may read and change them, a
 * checksum-valid and unique BIN, prices that are never negative, and bad input that
 * changes nothing.
 */
@ErpIntegrationTest
class SupplierApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	TestData.User owner;

	TestData.User member;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Yerlan");
		this.org = this.data.organization(this.owner, "Yerlan Metal");
		this.member = this.data.user("Zhanna");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
	}

	@Test
	void createsReadsListsAndDeactivatesASupplier() {
		String bin = TestData.nextBin();
		Api.Response created = this.api.post(ws() + "/suppliers", this.owner.token(), Map.of("name",
				" Steel Trade LLP ", "bin", bin, "email", "Sales@Steel.kz", "phone", "+7 701 000 00 00"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.header("Location")).endsWith("/suppliers/" + id);
		JsonNode supplier = this.api.get(ws() + "/suppliers/" + id, this.member.token()).json();
		assertThat(supplier.path("name").asText()).isEqualTo("Steel Trade LLP");
		assertThat(supplier.path("bin").asText()).isEqualTo(bin);
		assertThat(supplier.path("email").asText()).isEqualTo("sales@steel.kz");
		assertThat(supplier.path("active").asBoolean()).isTrue();
		assertThat(this.api.get(ws() + "/suppliers?q=steel", this.member.token()).itemValues("id")).containsExactly(id);

		Api.Response deactivated = this.api.patch(ws() + "/suppliers/" + id, this.owner.token(),
				Map.of("active", false));

		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().path("active").asBoolean()).isFalse();
		assertThat(this.api.get(ws() + "/suppliers?active=true", this.owner.token()).json().path("total").asInt())
			.isZero();
	}

	@Test
	void setsReplacesListsAndRemovesAPrice() {
		String supplier = supplier("Bolts LLP");
		String product = product("BLT-8");
		String path = ws() + "/suppliers/" + supplier + "/prices/" + product;

		Api.Response set = this.api.send("PUT", path, this.owner.token(),
				Map.of("unitPrice", "12.50", "leadTimeDays", 7), Map.of());
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		Api.Response replaced = this.api.send("PUT", path, this.owner.token(), Map.of("unitPrice", "11.00"), Map.of());

		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		Api.Response prices = this.api.get(ws() + "/suppliers/" + supplier + "/prices", this.member.token());
		assertThat(prices.json()).hasSize(1);
		JsonNode price = prices.json().get(0);
		assertThat(price.path("productId").asText()).isEqualTo(product);
		assertThat(price.path("productCode").asText()).isEqualTo("BLT-8");
		assertThat(price.path("unitPrice").decimalValue()).isEqualByComparingTo("11.00");
		assertThat(price.path("leadTimeDays").asInt()).isZero();

		assertThat(this.api.delete(path, this.owner.token()).status()).isEqualTo(204);
		assertThat(this.api.get(ws() + "/suppliers/" + supplier + "/prices", this.owner.token()).json()).isEmpty();
		assertThat(this.api.delete(path, this.owner.token()).status()).isEqualTo(404);
	}

	@ParameterizedTest(name = "{0} = {1} -> 400 naming {2}")
	@CsvSource({ "unitPrice, -0.01, unitPrice", "unitPrice, 1.234, unitPrice", "leadTimeDays, -1, leadTimeDays",
			"leadTimeDays, 4000, leadTimeDays" })
	void refusesABadPriceAndKeepsTheOldOne(String field, String value, String named) {
		String supplier = supplier("Nuts LLP");
		String product = product("NUT-8");
		String path = ws() + "/suppliers/" + supplier + "/prices/" + product;
		this.api.send("PUT", path, this.owner.token(), Map.of("unitPrice", "5.00", "leadTimeDays", 3), Map.of());
		Map<String, Object> body = new java.util.HashMap<>(Map.of("unitPrice", "6.00", "leadTimeDays", 3));
		body.put(field, value);

		Api.Response refused = this.api.send("PUT", path, this.owner.token(), body, Map.of());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errorFields()).contains(named);
		JsonNode kept = this.api.get(ws() + "/suppliers/" + supplier + "/prices", this.owner.token()).json().get(0);
		assertThat(kept.path("unitPrice").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(kept.path("leadTimeDays").asInt()).isEqualTo(3);
	}

	@Test
	void refusesABinThatFailsTheCheckDigitAndStoresNothing() {
		String valid = TestData.nextBin();
		String broken = valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10);

		Api.Response refused = this.api.post(ws() + "/suppliers", this.owner.token(),
				Map.of("name", "Fake LLP", "bin", broken));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("bin");
		assertThat(this.api.get(ws() + "/suppliers", this.owner.token()).json().path("total").asInt()).isZero();
		String id = supplier("Real LLP");
		Api.Response changed = this.api.patch(ws() + "/suppliers/" + id, this.owner.token(), Map.of("bin", broken));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
		assertThat(this.api.get(ws() + "/suppliers/" + id, this.owner.token()).json().path("bin").isTextual())
			.isFalse();
	}

	@Test
	void refusesASecondSupplierWithTheSameBin() {
		String bin = TestData.nextBin();
		assertThat(this.api.post(ws() + "/suppliers", this.owner.token(), Map.of("name", "First", "bin", bin)).status())
			.isEqualTo(201);

		Api.Response second = this.api.post(ws() + "/suppliers", this.owner.token(),
				Map.of("name", "Second", "bin", bin));

		assertThat(second.status()).as(second.toString()).isEqualTo(409);
		assertThat(this.api.get(ws() + "/suppliers", this.owner.token()).json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void letsMembersReadButNotChangeAndHidesEverythingFromOutsiders() {
		String supplier = supplier("Glass LLP");
		String product = product("GLS-4");
		TestData.User outsider = this.data.user("Outsider");

		assertThat(this.api.post(ws() + "/suppliers", this.member.token(), Map.of("name", "Mine")).status())
			.isEqualTo(403);
		assertThat(
				this.api.patch(ws() + "/suppliers/" + supplier, this.member.token(), Map.of("name", "Mine")).status())
			.isEqualTo(403);
		assertThat(this.api
			.send("PUT", ws() + "/suppliers/" + supplier + "/prices/" + product, this.member.token(),
					Map.of("unitPrice", "1.00"), Map.of())
			.status()).isEqualTo(403);
		assertThat(this.api.get(ws() + "/suppliers/" + supplier, outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get(ws() + "/suppliers", outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get(ws() + "/purchase-requisitions", outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get(ws() + "/purchase-orders", outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get(ws() + "/suppliers/" + supplier, this.owner.token()).json().path("name").asText())
			.isEqualTo("Glass LLP");
		assertThat(this.api.get(ws() + "/suppliers/" + supplier + "/prices", this.owner.token()).json()).isEmpty();
	}

	@Test
	void answersAnUnknownProductInAPricePathWith404() {
		String supplier = supplier("Paint LLP");

		Api.Response refused = this.api.send("PUT", ws() + "/suppliers/" + supplier + "/prices/" + UUID.randomUUID(),
				this.owner.token(), Map.of("unitPrice", "1.00"), Map.of());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
	}

	private String supplier(String name) {
		Api.Response created = this.api.post(ws() + "/suppliers", this.owner.token(), Map.of("name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	private String product(String code) {
		Api.Response created = this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", code, "name", "Product " + code, "unit", "pcs", "price", "100.00"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
