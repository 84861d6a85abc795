package kz.prometric.erp.crm;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal nobody was assigned to reaches the person who created it: its stage task is his,
 * in his task list, and he can do it.
 */
@ErpIntegrationTest
class DealCreatorTaskApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void aDealWithoutAnAssigneeGoesToItsCreator() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Creator Trade");
		TestData.User seller = this.data.user("Seller");
		this.data.join(owner, org.workspaceId(), seller, "MEMBER");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Almaty Retail LLP");
		JsonNode deal = this.data.deal(seller, org.workspaceId(), customer, "Flour supply", Map.of());
		String tasks = "/api/workspaces/" + org.workspaceId() + "/tasks";

		List<JsonNode> mine = this.api
			.get(tasks + "?scope=mine&objectKind=DEAL&objectId=" + deal.path("id").asText(), seller.token())
			.items();

		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).path("assignee").asText()).isEqualTo(seller.email());
		Api.Response done = this.api.post(tasks + "/" + mine.get(0).path("id").asText() + "/complete", seller.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
		assertThat(this.api
			.get("/api/workspaces/" + org.workspaceId() + "/deals/" + deal.path("id").asText(), seller.token())
			.json()
			.path("stage")
			.asText()).isEqualTo("QUALIFIED");
	}

	@Test
	void aCreatorWhoLeftTheWorkspaceNoLongerGetsTheDeal() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Leaver Trade");
		TestData.User seller = this.data.user("Seller");
		this.data.join(owner, org.workspaceId(), seller, "MEMBER");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Shymkent Foods LLP");
		JsonNode deal = this.data.deal(seller, org.workspaceId(), customer, "Sugar supply", Map.of());
		String tasks = "/api/workspaces/" + org.workspaceId() + "/tasks";
		String path = "/api/workspaces/" + org.workspaceId() + "/members/" + seller.id();
		assertThat(this.api.delete(path, owner.token()).status()).isEqualTo(204);

		// the owner moves the deal on: its next task goes to the managers, not to the
		// leaver
		JsonNode task = this.api.get(tasks + "?objectKind=DEAL&objectId=" + deal.path("id").asText(), owner.token())
			.items()
			.get(0);
		assertThat(this.api
			.post(tasks + "/" + task.path("id").asText() + "/complete", owner.token(),
					Map.of("variables", Map.of("outcome", "ADVANCE")))
			.status()).isEqualTo(204);
		List<JsonNode> next = this.api
			.get(tasks + "?objectKind=DEAL&objectId=" + deal.path("id").asText(), owner.token())
			.items();
		assertThat(next).hasSize(1);
		assertThat(next.get(0).has("assignee")).isFalse();
	}

}
