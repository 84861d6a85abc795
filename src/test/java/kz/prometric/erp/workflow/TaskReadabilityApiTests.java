package kz.prometric.erp.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks people can read: a deal's task is named after its deal and customer, due on the
 * deal's expected close date (18:00 Almaty) and prioritised by value and nearness, the
 * same in the task API and on the engine REST API (Tasklist); another workspace's person
 * finds none of it.
 */
@ErpIntegrationTest
class TaskReadabilityApiTests {

	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Test
	void aChangedCloseDateOrValueMovesTheOpenTaskWithIt() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Moving Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Taraz Mills LLP");
		LocalDate today = LocalDate.now(this.clock.withZone(ALMATY));
		JsonNode deal = this.data.deal(owner, org.workspaceId(), customer, "Bran supply",
				Map.of("value", "1500000.00", "expectedCloseDate", today.plusDays(40).toString()));
		String tasks = "/api/workspaces/" + org.workspaceId() + "/tasks?objectKind=DEAL&objectId="
				+ deal.path("id").asText();
		assertThat(this.api.get(tasks, owner.token()).items().get(0).path("priority").asInt()).isEqualTo(50);

		Api.Response moved = this.api.patch(
				"/api/workspaces/" + org.workspaceId() + "/deals/" + deal.path("id").asText(), owner.token(),
				Map.of("expectedCloseDate", today.plusDays(1).toString(), "value", "15000000.00"));

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		JsonNode task = this.api.get(tasks, owner.token()).items().get(0);
		assertThat(Instant.parse(task.path("dueDate").asText()))
			.isEqualTo(today.plusDays(1).atTime(18, 0).atZone(ALMATY).toInstant());
		// due within 3 days and of high value: 50 + 15 + 20
		assertThat(task.path("priority").asInt()).isEqualTo(85);
	}

	@Test
	void aDealsTaskCarriesItsObjectItsCloseDateAndAMeaningfulPriority() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Readable Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Almaty Retail LLP");
		LocalDate today = LocalDate.now(this.clock.withZone(ALMATY));
		JsonNode big = this.data.deal(owner, org.workspaceId(), customer, "Flour supply",
				Map.of("value", "12000000.00", "expectedCloseDate", today.plusDays(30).toString()));
		JsonNode soon = this.data.deal(owner, org.workspaceId(), customer, "Sugar supply",
				Map.of("value", "1500000.00", "expectedCloseDate", today.plusDays(2).toString()));
		JsonNode undated = this.data.deal(owner, org.workspaceId(), customer, "Salt supply",
				Map.of("value", "1500000.00"));
		String tasks = "/api/workspaces/" + org.workspaceId() + "/tasks";

		List<JsonNode> byPriority = this.api.get(tasks + "?sort=priority,desc", owner.token()).items();

		assertThat(byPriority).extracting(t -> t.path("name").asText())
			.containsExactly("Qualify deal · Flour supply · Almaty Retail LLP",
					"Qualify deal · Sugar supply · Almaty Retail LLP",
					"Qualify deal · Salt supply · Almaty Retail LLP");
		// high value (10 000 000 ₸ or more): 50 + 20; due within 3 days: 50 + 15; no date
		// and
		// ordinary value: 50
		assertThat(byPriority).extracting(t -> t.path("priority").asInt()).containsExactly(70, 65, 50);
		assertThat(Instant.parse(byPriority.get(0).path("dueDate").asText()))
			.isEqualTo(today.plusDays(30).atTime(18, 0).atZone(ALMATY).toInstant());
		assertThat(Instant.parse(byPriority.get(1).path("dueDate").asText()))
			.isEqualTo(today.plusDays(2).atTime(18, 0).atZone(ALMATY).toInstant());
		assertThat(byPriority.get(2).path("dueDate").isMissingNode() || byPriority.get(2).path("dueDate").isNull())
			.isTrue();
		assertThat(byPriority).extracting(t -> t.path("subject").path("id").asText())
			.containsExactly(big.path("id").asText(), soon.path("id").asText(), undated.path("id").asText());
		// the name ends with the subject's title: one source
		assertThat(byPriority).allSatisfy(
				t -> assertThat(t.path("name").asText()).endsWith(" · " + t.path("subject").path("title").asText()));

		// Tasklist reads the engine: the same name, due date and priority
		String bigTask = byPriority.get(0).path("id").asText();
		Api.Response engine = this.api.get("/engine-rest/task/" + bigTask, owner.token());
		assertThat(engine.status()).as(engine.toString()).isEqualTo(200);
		assertThat(engine.json().path("name").asText()).isEqualTo("Qualify deal · Flour supply · Almaty Retail LLP");
		assertThat(engine.json().path("priority").asInt()).isEqualTo(70);
		assertThat(OffsetDateTime.parse(engine.json().path("due").asText(), ENGINE_DATE).toInstant())
			.isEqualTo(today.plusDays(30).atTime(18, 0).atZone(ALMATY).toInstant());

		// another workspace's person finds none of it, by id or by name
		TestData.User stranger = this.data.user("Stranger");
		this.data.organization(stranger, "Stranger Trade");
		assertThat(this.api.get("/engine-rest/task/" + bigTask, stranger.token()).status()).isIn(403, 404);
		Api.Response byName = this.api.get("/engine-rest/task?nameLike=%25Flour%25", stranger.token());
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.json()).isEmpty();
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId() + "/tasks", stranger.token()).status())
			.isEqualTo(404);
	}

}
