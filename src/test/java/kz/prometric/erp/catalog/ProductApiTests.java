package kz.prometric.erp.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ErpIntegrationTest
class ProductApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	CatalogManagement catalog;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Madina");
		this.org = this.data.organization(this.owner, "Madina Pharma");
	}

	@Test
	void createsReadsAndChangesAProduct() {
		Api.Response created = this.api.post(products(), this.owner.token(),
				Map.of("code", "ASP-100", "name", "Aspirin 100 mg", "description", "Box of 20", "unit", "pcs", "price",
						"1250.50", "cost", "800", "vatCategory", "MEDICAL", "priceIncludesVat", true));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.header("Location")).endsWith("/products/" + id);
		Api.Response fetched = this.api.get(products() + "/" + id, this.owner.token());
		assertThat(fetched.json().path("code").asText()).isEqualTo("ASP-100");
		assertThat(fetched.json().path("price").decimalValue()).isEqualByComparingTo("1250.50");
		assertThat(fetched.json().path("cost").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(fetched.json().path("status").asText()).isEqualTo("ACTIVE");
		assertThat(fetched.json().path("vatCategory").asText()).isEqualTo("MEDICAL");
		assertThat(fetched.json().path("priceIncludesVat").asBoolean()).isTrue();

		Api.Response changed = this.api.patch(products() + "/" + id, this.owner.token(),
				Map.of("price", "1300", "vatCategory", "STANDARD"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("price").decimalValue()).isEqualByComparingTo("1300");
		assertThat(changed.json().path("vatCategory").asText()).isEqualTo("STANDARD");
		assertThat(changed.json().path("name").asText()).isEqualTo("Aspirin 100 mg");
	}

	@Test
	void defaultsCostVatCategoryAndVatInclusion() {
		Api.Response created = createProduct("BOLT-M8", "Bolt M8");

		assertThat(created.json().path("cost").decimalValue()).isEqualByComparingTo("0");
		assertThat(created.json().path("vatCategory").asText()).isEqualTo("STANDARD");
		assertThat(created.json().path("priceIncludesVat").asBoolean()).isFalse();
	}

	@Test
	void givesEveryProductACategoryAndFiltersByIt() {
		Api.Response plain = createProduct("MISC-1", "Something");
		Api.Response steel = this.api.post(products(), this.owner.token(), Map.of("code", "ST-2", "name",
				"Steel sheet 2 mm", "unit", "m2", "price", "9000", "category", "RAW_MATERIAL"));
		Api.Response cabinet = this.api.post(products(), this.owner.token(), Map.of("code", "CAB-1", "name",
				"Display cabinet", "unit", "pcs", "price", "900000", "category", "FINISHED_GOOD"));

		assertThat(plain.json().path("category").asText()).isEqualTo("OTHER");
		assertThat(steel.status()).as(steel.toString()).isEqualTo(201);
		assertThat(steel.json().path("category").asText()).isEqualTo("RAW_MATERIAL");
		assertThat(this.api.get(products() + "?category=RAW_MATERIAL", this.owner.token()).itemValues("code"))
			.containsExactly("ST-2");
		assertThat(this.api.get(products() + "?category=FINISHED_GOOD", this.owner.token()).itemValues("code"))
			.containsExactly("CAB-1");
		assertThat(this.api.get(products() + "?category=GADGET", this.owner.token()).status()).isEqualTo(400);

		Api.Response changed = this.api.patch(products() + "/" + idOf(plain), this.owner.token(),
				Map.of("category", "PACKAGING"));
		Api.Response untouched = this.api.patch(products() + "/" + idOf(steel), this.owner.token(),
				Map.of("name", "Steel sheet 2.0 mm"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("category").asText()).isEqualTo("PACKAGING");
		assertThat(untouched.json().path("category").asText()).isEqualTo("RAW_MATERIAL");
		assertThat(this.catalog.requireProduct(this.org.workspaceId(), UUID.fromString(idOf(plain))).category())
			.isEqualTo(ProductCategory.PACKAGING);
		Api.Response refused = this.api.patch(products() + "/" + idOf(plain), this.owner.token(),
				Map.of("category", "GADGET"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(this.api.get(products() + "/" + idOf(plain), this.owner.token()).json().path("category").asText())
			.isEqualTo("PACKAGING");
	}

	@Test
	void archivesOnDeleteAndKeepsTheProductReadable() {
		String id = idOf(createProduct("OLD-1", "Discontinued"));

		Api.Response deleted = this.api.delete(products() + "/" + id, this.owner.token());

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.api.get(products() + "/" + id, this.owner.token()).json().path("status").asText())
			.isEqualTo("ARCHIVED");
		assertThat(this.api.get(products() + "?status=ACTIVE", this.owner.token()).itemValues("code"))
			.doesNotContain("OLD-1");
		Api.Response revived = this.api.patch(products() + "/" + id, this.owner.token(), Map.of("status", "ACTIVE"));
		assertThat(revived.json().path("status").asText()).isEqualTo("ACTIVE");
	}

	@Test
	void refusesADuplicateCodeIgnoringCase() {
		createProduct("STEEL-01", "Steel sheet");

		Api.Response again = createProduct("steel-01", "Other steel");

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("code");
		String other = idOf(createProduct("STEEL-02", "Steel bar"));
		Api.Response renamed = this.api.patch(products() + "/" + other, this.owner.token(), Map.of("code", "Steel-01"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(409);
		assertThat(this.api.get(products() + "?q=steel", this.owner.token()).json().path("total").asInt()).isEqualTo(2);
	}

	@Test
	void storesOnlyOneProductWhenTheSameCodeIsSentConcurrently() throws Exception {
		List<Callable<Api.Response>> calls = List.of(1, 2, 3, 4, 5, 6)
			.stream()
			.map(i -> (Callable<Api.Response>) () -> createProduct("RACE-" + "x", "Racer " + i))
			.toList();

		List<Api.Response> answers = Concurrently.run(calls);

		assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409).containsOnlyOnce(201);
		assertThat(this.api.get(products() + "?q=race-x", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);
	}

	@Test
	void allowsTheSameCodeInAnotherWorkspace() {
		createProduct("SHARED-1", "Here");
		TestData.Org second = this.data.organization(this.owner, "Madina Two");

		Api.Response there = this.api.post("/api/workspaces/" + second.workspaceId() + "/products", this.owner.token(),
				Map.of("code", "SHARED-1", "name", "There", "unit", "pcs", "price", "1"));

		assertThat(there.status()).as(there.toString()).isEqualTo(201);
	}

	@ParameterizedTest
	@CsvSource({ "price,-1,price", "price,1.234,price", "cost,-0.01,cost", "code,'bad code',code", "code,'',code",
			"unit,'',unit", "name,'',name", "vatCategory,LUXURY,vatCategory", "category,GADGET,category" })
	void refusesBadInputNamingTheFieldAndStoresNothing(String field, String value, String expected) {
		Map<String, Object> body = new HashMap<>(
				Map.of("code", "OK-1", "name", "Fine", "unit", "pcs", "price", "10", "cost", "5"));
		body.put(field, value);

		Api.Response created = this.api.post(products(), this.owner.token(), body);

		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.contentType()).startsWith("application/problem+json");
		if (!"vatCategory".equals(field) && !"category".equals(field)) {
			assertThat(created.errorFields()).containsOnly(expected);
		}
		assertThat(this.api.get(products(), this.owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void searchesCodeAndNameLiterallyAndSortsByPrice() {
		createProduct("A-1", "Cement 50% mix", "300");
		createProduct("B-2", "Sand", "100");
		createProduct("C-3", "Gravel", "200");

		assertThat(this.api.get(products() + "?q=50%25", this.owner.token()).itemValues("code")).containsExactly("A-1");
		assertThat(this.api.get(products() + "?q=b-", this.owner.token()).itemValues("code")).containsExactly("B-2");
		assertThat(this.api.get(products() + "?sort=price,desc", this.owner.token()).itemValues("code"))
			.containsExactly("A-1", "C-3", "B-2");
		assertThat(this.api.get(products() + "?sort=cost", this.owner.token()).status()).isEqualTo(400);
	}

	@Test
	void letsMembersReadButOnlyManagersWrite() {
		String id = idOf(createProduct("ROLE-1", "Guarded"));
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		TestData.User manager = this.data.user("Manager");
		this.data.join(this.owner, this.org.workspaceId(), manager, "MANAGER");

		assertThat(this.api.get(products() + "/" + id, member.token()).status()).isEqualTo(200);
		assertThat(this.api
			.post(products(), member.token(), Map.of("code", "M-1", "name", "n", "unit", "pcs", "price", "1"))
			.status()).isEqualTo(403);
		assertThat(this.api.patch(products() + "/" + id, member.token(), Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(this.api.delete(products() + "/" + id, member.token()).status()).isEqualTo(403);
		assertThat(this.api
			.send("PUT", products() + "/" + id + "/bom", member.token(), Map.of("components", List.of()), Map.of())
			.status()).isEqualTo(403);
		assertThat(this.api
			.post(products(), manager.token(), Map.of("code", "M-1", "name", "n", "unit", "pcs", "price", "1"))
			.status()).isEqualTo(201);
	}

	@Test
	void answersNotFoundOnEveryProductRouteOfAnotherWorkspace() {
		String id = idOf(createProduct("MINE-1", "Mine"));
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org strangersOrg = this.data.organization(stranger, "Stranger Co");
		String theirs = "/api/workspaces/" + strangersOrg.workspaceId() + "/products/" + id;

		assertThat(this.api.get(products(), stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(products() + "/" + id, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(theirs, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.patch(theirs, stranger.token(), Map.of("name", "x")).status()).isEqualTo(404);
		assertThat(this.api.delete(theirs, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(theirs + "/bom", stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.send("PUT", theirs + "/bom", stranger.token(), Map.of("components", List.of()), Map.of())
			.status()).isEqualTo(404);
		assertThat(this.api.get(products() + "/" + id, this.owner.token()).json().path("name").asText())
			.isEqualTo("Mine");
	}

	@Test
	void replacesAndReadsABillOfMaterials() {
		String table = idOf(createProduct("TABLE", "Table"));
		String leg = idOf(createProduct("LEG", "Leg"));
		String top = idOf(createProduct("TOP", "Table top"));

		Api.Response put = putBom(table,
				List.of(Map.of("productId", leg, "quantity", "4"), Map.of("productId", top, "quantity", "1")));

		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		Api.Response bom = this.api.get(products() + "/" + table + "/bom", this.owner.token());
		assertThat(bom.json().path("components").findValuesAsText("code")).containsExactly("LEG", "TOP");
		assertThat(bom.json().path("components").get(0).path("quantity").decimalValue()).isEqualByComparingTo("4");
		assertThat(this.catalog.billOfMaterials(this.org.workspaceId(), UUID.fromString(table)).components())
			.hasSize(2);

		assertThat(putBom(table, List.of(Map.of("productId", leg, "quantity", "3"))).status()).isEqualTo(200);
		assertThat(this.api.get(products() + "/" + table + "/bom", this.owner.token())
			.json()
			.path("components")
			.findValuesAsText("code")).containsExactly("LEG");
		assertThat(putBom(table, List.of()).json().path("components").size()).isZero();
	}

	@Test
	void refusesUnknownSelfAndDuplicateComponentsNamingThem() {
		String table = idOf(createProduct("TABLE", "Table"));
		String leg = idOf(createProduct("LEG", "Leg"));
		TestData.Org other = this.data.organization(this.owner, "Madina Other");
		Api.Response foreign = this.api.post("/api/workspaces/" + other.workspaceId() + "/products", this.owner.token(),
				Map.of("code", "F-1", "name", "Foreign", "unit", "pcs", "price", "1"));

		Api.Response refused = putBom(table,
				List.of(Map.of("productId", leg, "quantity", "4"), Map.of("productId", table, "quantity", "1"),
						Map.of("productId", idOf(foreign), "quantity", "1"),
						Map.of("productId", UUID.randomUUID().toString(), "quantity", "1"),
						Map.of("productId", leg, "quantity", "1")));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("components[1].productId", "components[2].productId",
				"components[3].productId", "components[4].productId");
		assertThat(this.api.get(products() + "/" + table + "/bom", this.owner.token()).json().path("components").size())
			.isZero();
		Api.Response zero = putBom(table, List.of(Map.of("productId", leg, "quantity", "0")));
		assertThat(zero.status()).as(zero.toString()).isEqualTo(400);
	}

	@Test
	void refusesABillOfMaterialsThatWouldCloseACycle() {
		String a = idOf(createProduct("A", "Assembly"));
		String b = idOf(createProduct("B", "Subassembly"));
		String c = idOf(createProduct("C", "Part"));
		assertThat(putBom(a, List.of(Map.of("productId", b, "quantity", "1"))).status()).isEqualTo(200);
		assertThat(putBom(b, List.of(Map.of("productId", c, "quantity", "2"))).status()).isEqualTo(200);

		Api.Response cycle = putBom(c, List.of(Map.of("productId", a, "quantity", "1")));

		assertThat(cycle.status()).as(cycle.toString()).isEqualTo(422);
		assertThat(cycle.errorFields()).containsExactly("components");
		assertThat(this.api.get(products() + "/" + c + "/bom", this.owner.token()).json().path("components").size())
			.isZero();
	}

	@Test
	void requiresAProductOfTheWorkspaceForOtherModules() {
		UUID id = UUID.fromString(idOf(createProduct("REQ-1", "Required")));
		TestData.Org other = this.data.organization(this.owner, "Madina Elsewhere");

		assertThat(this.catalog.requireProduct(this.org.workspaceId(), id).code()).isEqualTo("REQ-1");
		assertThatThrownBy(() -> this.catalog.requireProduct(other.workspaceId(), id)).isInstanceOfSatisfying(
				BusinessRuleViolation.class,
				ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("productId"));
		assertThatThrownBy(() -> this.catalog.requireProduct(this.org.workspaceId(), null))
			.isInstanceOf(BusinessRuleViolation.class);
	}

	private Api.Response putBom(String productId, List<Map<String, Object>> components) {
		return this.api.send("PUT", products() + "/" + productId + "/bom", this.owner.token(),
				Map.of("components", components), Map.of());
	}

	private Api.Response createProduct(String code, String name) {
		return createProduct(code, name, "100");
	}

	private Api.Response createProduct(String code, String name, String price) {
		return this.api.post(products(), this.owner.token(),
				Map.of("code", code, "name", name, "unit", "pcs", "price", price));
	}

	private String products() {
		return "/api/workspaces/" + this.org.workspaceId() + "/products";
	}

	private static String idOf(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asText();
	}

}
