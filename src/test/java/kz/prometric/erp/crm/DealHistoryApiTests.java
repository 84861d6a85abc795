package kz.prometric.erp.crm;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal's history as the ERP records it: who created it, who moved it through a task or
 * the API, who changed its value, and when, newest first; readable by every member, 404
 * for another workspace and for unknown deals.
 */
@ErpIntegrationTest
class DealHistoryApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	TaskService tasks;

	TestData.User owner;

	TestData.User manager;

	TestData.User member;

	TestData.Org org;

	String dealId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Ornella");
		this.org = this.data.organization(this.owner, "History Co");
		this.manager = this.data.user("Murat");
		this.member = this.data.user("Meruyert");
		this.data.join(this.owner, this.org.workspaceId(), this.manager, "MANAGER");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "History Buyer LLP");
		this.dealId = this.data
			.deal(this.owner, this.org.workspaceId(), customer, "Cement for the depot", Map.of("value", "1000.00"))
			.path("id")
			.asText();
	}

	@Test
	void recordsWhoCreatedMovedThroughATaskAndChangedTheDealAndWhen() {
		List<JsonNode> created = history(this.member).items();
		assertThat(created).hasSize(1);
		assertThat(created.get(0).path("kind").asText()).isEqualTo("CREATED");
		assertThat(created.get(0).path("by").asText()).isEqualTo(this.owner.id().toString());
		assertThat(created.get(0).path("byName").asText()).isNotBlank();
		assertThat(created.get(0).path("to").asText()).isEqualTo("Cement for the depot");
		assertThat(created.get(0).path("at").asText()).isNotBlank();

		Task qualify = this.tasks.createTaskQuery().processInstanceBusinessKey(this.dealId).singleResult();
		// the deal's task is its creator's; he gives it back to the managers
		assertThat(this.api.post(ws() + "/tasks/" + qualify.getId() + "/unclaim", this.owner.token(), null).status())
			.isEqualTo(204);
		Api.Response completed = this.api.post(ws() + "/tasks/" + qualify.getId() + "/complete", this.manager.token(),
				Map.of("variables", Map.of("outcome", "ADVANCE")));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		Api.Response changed = this.api.patch(ws() + "/deals/" + this.dealId, this.owner.token(),
				Map.of("value", "2500.00"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		Api.Response lost = this.api.post(ws() + "/deals/" + this.dealId + "/stage", this.manager.token(),
				Map.of("stage", "LOST", "lostReason", "Bought elsewhere"));
		assertThat(lost.status()).as(lost.toString()).isEqualTo(200);

		List<JsonNode> entries = history(this.member).items();

		assertThat(entries).extracting(e -> e.path("kind").asText())
			.containsExactly("LOST", "VALUE_CHANGED", "STAGE_CHANGED", "CREATED");
		JsonNode moved = entries.get(2);
		assertThat(moved.path("by").asText()).as("the manager completed the task")
			.isEqualTo(this.manager.id().toString());
		assertThat(moved.path("from").asText()).isEqualTo("NEW");
		assertThat(moved.path("to").asText()).isEqualTo("QUALIFIED");
		assertThat(moved.path("at").asText()).isNotBlank();
		JsonNode value = entries.get(1);
		assertThat(value.path("by").asText()).isEqualTo(this.owner.id().toString());
		assertThat(value.path("from").asText()).isEqualTo("1000.00");
		assertThat(value.path("to").asText()).isEqualTo("2500.00");
		assertThat(entries.get(0).path("by").asText()).isEqualTo(this.manager.id().toString());
		assertThat(entries.get(0).path("from").asText()).isEqualTo("QUALIFIED");
		// oldest first on request, paged
		Api.Response oldest = this.api.get(ws() + "/deals/" + this.dealId + "/history?sort=at,asc&size=2",
				this.member.token());
		assertThat(oldest.json().path("total").asLong()).isEqualTo(4);
		assertThat(oldest.items()).extracting(e -> e.path("kind").asText()).containsExactly("CREATED", "STAGE_CHANGED");
	}

	@Test
	void anotherWorkspaceAndUnknownDealsAreNotFound() {
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other History Co");

		Api.Response theirs = this.api
			.get("/api/workspaces/" + other.workspaceId() + "/deals/" + this.dealId + "/history", stranger.token());
		Api.Response ours = this.api.get(ws() + "/deals/" + this.dealId + "/history", stranger.token());
		Api.Response unknown = this.api.get(ws() + "/deals/" + UUID.randomUUID() + "/history", this.owner.token());

		assertThat(theirs.status()).as(theirs.toString()).isEqualTo(404);
		assertThat(ours.status()).as(ours.toString()).isEqualTo(404);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(ours.text()).doesNotContain("Cement");
	}

	private Api.Response history(TestData.User by) {
		Api.Response response = this.api.get(ws() + "/deals/" + this.dealId + "/history", by.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
