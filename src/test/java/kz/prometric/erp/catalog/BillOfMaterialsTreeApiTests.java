package kz.prometric.erp.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bill of materials exploded over all levels: what production needs to know for one
 * unit of a product.
 */
@ErpIntegrationTest
class BillOfMaterialsTreeApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	CatalogManagement catalog;

	TestData.User owner;

	UUID workspaceId;

	String cabinet;

	String frame;

	String glass;

	String tube;

	String screw;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Nurlan");
		this.workspaceId = this.data.organization(this.owner, "Nurlan Shopfitting").workspaceId();
		// cabinet = 1 frame + 2 glass panes; frame = 4 tubes + 16.5 screws; tube = 0.25
		// screw (welding pins)
		this.cabinet = product("CAB", "FINISHED_GOOD");
		this.frame = product("FRAME", "COMPONENT");
		this.glass = product("GLASS", "RAW_MATERIAL");
		this.tube = product("TUBE", "RAW_MATERIAL");
		this.screw = product("SCREW", "CONSUMABLE");
		bom(this.cabinet, Map.of("productId", this.frame, "quantity", "1"),
				Map.of("productId", this.glass, "quantity", "2"));
		bom(this.frame, Map.of("productId", this.tube, "quantity", "4"),
				Map.of("productId", this.screw, "quantity", "16.5"));
		bom(this.tube, Map.of("productId", this.screw, "quantity", "0.25"));
	}

	@Test
	void explodesEveryLevelWithQuantitiesPerUnitOfTheTopProduct() {
		Api.Response tree = this.api.get(products() + "/" + this.cabinet + "/bill-of-materials?levels=all",
				this.owner.token());

		assertThat(tree.status()).as(tree.toString()).isEqualTo(200);
		List<JsonNode> lines = list(tree.json().path("lines"));
		assertThat(lines).extracting(line -> line.path("code").asText())
			.containsExactly("FRAME", "TUBE", "SCREW", "SCREW", "GLASS");
		assertThat(lines).extracting(line -> line.path("level").asInt()).containsExactly(1, 2, 3, 2, 1);
		assertThat(lines).extracting(line -> line.path("quantity").decimalValue().stripTrailingZeros().toPlainString())
			.containsExactly("1", "4", "1", "16.5", "2");
		assertThat(lines).extracting(line -> line.path("hasComponents").asBoolean())
			.containsExactly(true, true, false, false, false);
		assertThat(lines.get(0).path("category").asText()).isEqualTo("COMPONENT");
		assertThat(lines.get(1).path("parentProductId").asText()).isEqualTo(this.frame);
		assertThat(lines.get(2).path("quantityPerParent").decimalValue()).isEqualByComparingTo("0.25");
		assertThat(lines.get(4).path("unit").asText()).isEqualTo("pcs");
	}

	@Test
	void stopsAtTheLevelsAskedFor() {
		Api.Response direct = this.api.get(products() + "/" + this.cabinet + "/bill-of-materials?levels=1",
				this.owner.token());
		Api.Response byDefault = this.api.get(products() + "/" + this.cabinet + "/bill-of-materials",
				this.owner.token());

		assertThat(list(direct.json().path("lines"))).extracting(line -> line.path("code").asText())
			.containsExactly("FRAME", "GLASS");
		assertThat(list(direct.json().path("lines")).get(0).path("hasComponents").asBoolean()).isTrue();
		assertThat(list(byDefault.json().path("lines"))).hasSize(5);
		for (String bad : List.of("0", "-1", "some")) {
			Api.Response refused = this.api.get(products() + "/" + this.cabinet + "/bill-of-materials?levels=" + bad,
					this.owner.token());
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.errorFields()).containsExactly("levels");
		}
	}

	@Test
	void answersTheTreeToOtherModulesAndRefusesProductsOfOtherWorkspaces() {
		BomTreeView tree = this.catalog.bomTree(this.workspaceId, UUID.fromString(this.frame));
		TestData.User stranger = this.data.user("Stranger");
		UUID theirs = this.data.organization(stranger, "Stranger Ltd").workspaceId();

		assertThat(tree.lines()).extracting(BomTreeView.Line::code).containsExactly("TUBE", "SCREW", "SCREW");
		assertThat(tree.lines()).extracting(BomTreeView.Line::quantity)
			.usingElementComparator(java.math.BigDecimal::compareTo)
			.containsExactly(new java.math.BigDecimal("4"), java.math.BigDecimal.ONE, new java.math.BigDecimal("16.5"));
		assertThat(tree.lines().get(1).category()).isEqualTo(ProductCategory.CONSUMABLE);
		assertThat(this.catalog.bomTree(this.workspaceId, UUID.fromString(this.glass)).lines()).isEmpty();
		assertThatThrownBy(() -> this.catalog.bomTree(theirs, UUID.fromString(this.frame)))
			.isInstanceOf(BusinessRuleViolation.class);
		assertThat(this.api.get(products() + "/" + this.cabinet + "/bill-of-materials", stranger.token()).status())
			.isEqualTo(404);
		assertThat(this.api
			.get("/api/workspaces/" + theirs + "/products/" + this.cabinet + "/bill-of-materials", stranger.token())
			.status()).isEqualTo(404);
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> nodes = new java.util.ArrayList<>();
		array.forEach(nodes::add);
		return nodes;
	}

	@SafeVarargs
	private void bom(String productId, Map<String, Object>... components) {
		Api.Response put = this.api.send("PUT", products() + "/" + productId + "/bom", this.owner.token(),
				Map.of("components", List.of(components)), Map.of());
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
	}

	private String product(String code, String category) {
		Api.Response created = this.api.post(products(), this.owner.token(),
				Map.of("code", code, "name", code, "unit", "pcs", "price", "100", "category", category));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	private String products() {
		return "/api/workspaces/" + this.workspaceId + "/products";
	}

}
