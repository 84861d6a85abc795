package kz.prometric.erp.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
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
	TransactionTemplate transaction;

	@Autowired
	TestData data;

	@Autowired
	Api api;

	@Test
	void loadsDealsThatCanAllBeWon() {
		TestData.User owner = this.data.user("Aidos");
		TestData.Org org = this.data.organization(owner, "Steppe Demo");
		DemoData demo = new DemoData(this.identity, this.organizations, this.workspaces, this.customers, this.deals,
				this.catalog, this.transaction);
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

}
