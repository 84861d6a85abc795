package kz.prometric.erp.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.production.WorkCenterManagement;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's deals, loaded into a workspace of their own: every one has catalog product
 * lines and can be won (after a manager's approval where its discount needs one).
 */
@ErpIntegrationTest
class DemoDataTests {

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.ManagementService management;

	@Autowired
	TeamManagement teams;

	@Autowired
	TaskManagement tasks;

	@Autowired
	HrManagement hr;

	@Autowired
	IdentityManagement identity;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	WorkspaceManagement workspaces;

	@Autowired
	CustomerManagement customers;

	@Autowired
	DealManagement deals;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	PurchasingManagement purchasing;

	@Autowired
	WorkCenterManagement workCenters;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	TestData data;

	@Autowired
	Api api;

	@Test
	void loadsDealsThatCanAllBeWon() {
		TestData.User owner = this.data.user("Aidos");
		TestData.Org org = this.data.organization(owner, "Steppe Demo");
		DemoData demo = demo();
		this.transaction.executeWithoutResult(status -> demo.loadDeals(org.workspaceId(), owner.id(), null));
		String deals = "/api/workspaces/" + org.workspaceId() + "/deals";

		List<JsonNode> loaded = this.api.get(deals, owner.token()).items();
		List<String> approved = new ArrayList<>();
		for (JsonNode deal : loaded) {
			String path = deals + "/" + deal.path("id").asText();
			assertThat(deal.path("products")).as(deal.path("title").asText()).isNotEmpty();
			assertThat(deal.path("products"))
				.allSatisfy(line -> assertThat(line.path("productId").asText()).isNotBlank());
			Api.Response won = this.api.post(path + "/stage", owner.token(), Map.of("stage", "WON"));
			if (won.status() == 422 && won.errorFields().equals(List.of("stage"))) {
				assertThat(this.api.post(path + "/discount-approval", owner.token(), null).status()).isEqualTo(200);
				approved.add(deal.path("title").asText());
				won = this.api.post(path + "/stage", owner.token(), Map.of("stage", "WON"));
			}
			assertThat(won.status()).as(won.toString()).isEqualTo(200);
			assertThat(won.json().path("stage").asText()).isEqualTo("WON");
		}

		assertThat(loaded).hasSize(3);
		assertThat(approved).containsExactly("Annual wheat contract");
	}

	@Test
	void loadsAShopFloorWhereACabinetHasATwoLevelBillOfMaterialsAndGlassMustBeBought() {
		TestData.User owner = this.data.user("Aidos");
		TestData.Org org = this.data.organization(owner, "Steppe Works");
		DemoData demo = demo();
		this.transaction.executeWithoutResult(status -> demo.loadProduction(org.workspaceId(), owner.id()));
		String ws = "/api/workspaces/" + org.workspaceId();

		Map<String, String> products = new java.util.HashMap<>();
		this.api.get(ws + "/products?size=100", owner.token())
			.items()
			.forEach(p -> products.put(p.path("code").asText(), p.path("id").asText()));
		assertThat(products).containsKeys("DC-100", "CF-100", "ST-20", "SS-1", "GL-4", "LED-1");
		JsonNode cabinetBom = this.api.get(ws + "/products/" + products.get("DC-100") + "/bom", owner.token()).json();
		assertThat(cabinetBom.path("components").findValuesAsText("productId")).containsExactlyInAnyOrder(
				products.get("CF-100"), products.get("SS-1"), products.get("GL-4"), products.get("LED-1"));
		JsonNode frameBom = this.api.get(ws + "/products/" + products.get("CF-100") + "/bom", owner.token()).json();
		assertThat(frameBom.path("components").findValuesAsText("productId")).containsExactly(products.get("ST-20"));
		// materials in stock, except the glass the cabinet needs
		assertThat(this.api.get(ws + "/stock?productId=" + products.get("ST-20"), owner.token())
			.items()
			.get(0)
			.path("onHand")
			.decimalValue()).isEqualByComparingTo("60");
		assertThat(this.api.get(ws + "/stock?productId=" + products.get("GL-4"), owner.token()).items())
			.allSatisfy(level -> assertThat(level.path("available").decimalValue()).isZero());
		// a supplier sells the glass
		List<JsonNode> suppliers = this.api.get(ws + "/suppliers", owner.token()).items();
		assertThat(suppliers).hasSize(1);
		assertThat(this.api.get(ws + "/suppliers/" + suppliers.get(0).path("id").asText() + "/prices", owner.token())
			.json()
			.findValuesAsText("productId")).contains(products.get("GL-4"));
		// two work centers, one served by a machine; three operations on them, the
		// last one inspected
		Map<String, String> centers = new java.util.HashMap<>();
		this.api.get(ws + "/work-centers", owner.token())
			.items()
			.forEach(c -> centers.put(c.path("code").asText(), c.path("kind").asText()));
		assertThat(centers).containsEntry("ASSEMBLY", "MANUAL").containsEntry("CNC-01", "EXTERNAL");
		JsonNode routing = this.api.get(ws + "/products/" + products.get("DC-100") + "/routing", owner.token()).json();
		assertThat(routing.path("operations")).hasSize(3);
		assertThat(routing.path("operations").get(2).path("inspectionAfter").asBoolean()).isTrue();
		assertThat(this.api.get(ws + "/products/" + products.get("CF-100") + "/routing", owner.token())
			.json()
			.path("operations")).isNotEmpty();
		// a qualified deal for two cabinets, ready to be won
		List<JsonNode> deals = this.api.get(ws + "/deals", owner.token()).items();
		assertThat(deals).hasSize(1);
		assertThat(deals.get(0).path("stage").asText()).isEqualTo("QUALIFIED");
		assertThat(deals.get(0).path("products").get(0).path("productId").asText()).isEqualTo(products.get("DC-100"));
	}

	private DemoData demo() {
		return new DemoData(this.identity, this.organizations, this.hr, this.workspaces, this.customers, this.deals,
				this.catalog, this.inventory, this.purchasing, this.workCenters, this.teams, this.tasks, this.runtime,
				this.management, this.transaction);
	}

}
