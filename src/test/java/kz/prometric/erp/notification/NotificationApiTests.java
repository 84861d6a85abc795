package kz.prometric.erp.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.finance.InvoiceEvents.PaymentReminderDue;
import kz.prometric.erp.hr.OnboardingItemOverdue;
import kz.prometric.erp.production.ProductionEvents.ProductionRunFinished;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox as its users see it: who is notified of what (only members of the event's
 * workspace), once per event however often it is handled, with a link to the object;
 * unread counts, marking read, paging; preferences per kind, e-mail included; another
 * user's notification is unknown.
 */
@ErpIntegrationTest
class NotificationApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@Autowired
	DomainNotifications listeners;

	@Autowired
	NoticeDeliveries deliveries;

	@Autowired
	TaskService tasks;

	@Test
	void aWonDealNotifiesItsOwnerAndTheManagersOnceWithALinkAndNobodyElse() {
		TestData.User owner = this.data.user("Dana");
		TestData.Org org = this.data.organization(owner, "Dana Steel");
		TestData.User manager = this.data.user("Marat");
		TestData.User member = this.data.user("Mira");
		this.data.join(owner, org.workspaceId(), manager, "MANAGER");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		// a manager of another workspace, who shares a workspace with the owner
		TestData.User outsider = this.data.user("Olzhas");
		TestData.Org other = this.data.organization(outsider, "Olzhas Other");
		this.data.join(outsider, other.workspaceId(), owner, "MEMBER");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Pipe Buyer LLP");
		JsonNode deal = this.data.deal(owner, org.workspaceId(), customer, "Pipes for Atyrau", pipes());
		String dealId = deal.path("id").asText();

		Api.Response won = this.api.post("/api/workspaces/" + org.workspaceId() + "/deals/" + dealId + "/stage",
				owner.token(), Map.of("stage", "WON"));
		assertThat(won.status()).as(won.toString()).isEqualTo(200);

		JsonNode ownersNote = awaitOne(owner, "deal.won");
		JsonNode managersNote = awaitOne(manager, "deal.won");
		for (JsonNode note : List.of(ownersNote, managersNote)) {
			assertThat(note.path("link").asText()).isEqualTo("/app/" + org.workspaceId() + "/deals/" + dealId);
			assertThat(note.path("title").asText()).isEqualTo("Deal won: Pipes for Atyrau");
			assertThat(note.path("body").asText()).contains("Pipe Buyer LLP").contains("3000000.00");
			assertThat(note.path("workspaceId").asText()).isEqualTo(org.workspaceId().toString());
			assertThat(note.has("readAt")).isFalse();
		}
		assertThat(ofKind(member, "deal.won")).isEmpty();
		assertThat(ofKind(outsider, "deal.won")).isEmpty();
		// the owner is a member of the other workspace: its filter shows nothing of this
		// one
		assertThat(this.api.get("/api/notifications?workspaceId=" + other.workspaceId(), owner.token()).items())
			.isEmpty();

		// the publication resubmitted (or replayed): nobody is told twice
		DealWon again = new DealWon(UUID.fromString(dealId), org.workspaceId(), customer, new BigDecimal("3000000.00"),
				Instant.now());
		this.listeners.on(again);
		this.listeners.on(again);

		assertThat(ofKind(owner, "deal.won")).hasSize(1);
		assertThat(ofKind(manager, "deal.won")).hasSize(1);
		assertThat(ofKind(member, "deal.won")).isEmpty();
	}

	@Test
	void aLostDealTellsTheReason() {
		TestData.User owner = this.data.user("Lyazzat");
		TestData.Org org = this.data.organization(owner, "Lyazzat Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Careful Buyer LLP");
		String dealId = this.data.deal(owner, org.workspaceId(), customer, "Cement", pipes()).path("id").asText();

		Api.Response lost = this.api.post("/api/workspaces/" + org.workspaceId() + "/deals/" + dealId + "/stage",
				owner.token(), Map.of("stage", "LOST", "lostReason", "Chose a cheaper supplier"));
		assertThat(lost.status()).as(lost.toString()).isEqualTo(200);

		JsonNode note = awaitOne(owner, "deal.lost");
		assertThat(note.path("title").asText()).isEqualTo("Deal lost: Cement");
		assertThat(note.path("body").asText()).contains("Chose a cheaper supplier");
		assertThat(note.path("link").asText()).isEqualTo("/app/" + org.workspaceId() + "/deals/" + dealId);
	}

	@Test
	void aDiscountWaitingForApprovalNotifiesTheManagersAndAnAssignedTaskItsAssignee() {
		TestData.User owner = this.data.user("Bolat");
		TestData.Org org = this.data.organization(owner, "Bolat Pipes");
		TestData.User manager = this.data.user("Gaukhar");
		TestData.User member = this.data.user("Yerlan");
		this.data.join(owner, org.workspaceId(), manager, "MANAGER");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Discount Hunter LLP");
		Map<String, Object> discounted = Map.of("products", List.of(Map.of("productName", "Steel pipe", "quantity",
				"100", "unitPrice", "30000.00", "discountPercent", "20")));
		String dealId = this.data.deal(owner, org.workspaceId(), customer, "Big discount", discounted)
			.path("id")
			.asText();

		// the qualify task, given to a member by someone else: he is told
		Task qualify = openTask(org.workspaceId(), dealId);
		this.tasks.setAssignee(qualify.getId(), member.email());
		JsonNode assigned = awaitOne(member, "task.assigned");
		assertThat(assigned.path("link").asText())
			.isEqualTo("/camunda/app/tasklist/default/#/?task=" + qualify.getId());
		assertThat(assigned.path("title").asText()).startsWith("Task for you: Qualify deal");

		this.tasks.complete(qualify.getId(), Map.of(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		this.tasks.complete(openTask(org.workspaceId(), dealId).getId(),
				Map.of(DealLifecycle.VAR_OUTCOME, DealLifecycle.OUTCOME_ADVANCE));
		Task approval = openTask(org.workspaceId(), dealId);
		assertThat(approval.getTaskDefinitionKey()).isEqualTo(DealLifecycle.TASK_APPROVE_DISCOUNT);

		for (TestData.User boss : List.of(manager, owner)) {
			JsonNode note = awaitOne(boss, "discount.approval-requested");
			assertThat(note.path("link").asText()).isEqualTo("/app/" + org.workspaceId() + "/deals/" + dealId);
			assertThat(note.path("title").asText()).contains("Approve discount");
		}
		assertThat(ofKind(member, "discount.approval-requested")).isEmpty();
	}

	@Test
	void anOverdueInvoiceAndAFinishedRunNotifyTheManagersOnceWithTheirLinks() {
		TestData.User owner = this.data.user("Rustem");
		TestData.Org org = this.data.organization(owner, "Rustem Works");
		TestData.User manager = this.data.user("Assel");
		TestData.User member = this.data.user("Dauren");
		this.data.join(owner, org.workspaceId(), manager, "MANAGER");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		UUID invoiceId = UUID.randomUUID();
		UUID runId = UUID.randomUUID();
		PaymentReminderDue due = new PaymentReminderDue(invoiceId, org.workspaceId(), "INV-2026-000042",
				"buyer@example.kz", new BigDecimal("125000.5"), java.time.LocalDate.of(2026, 3, 1), Instant.now());
		ProductionRunFinished finished = new ProductionRunFinished(org.workspaceId(), runId, "MO-2026-000007",
				UUID.randomUUID(), new BigDecimal("12.000"), null, null, null, Instant.now());

		this.listeners.on(due);
		this.listeners.on(due);
		this.listeners.on(finished);
		this.listeners.on(finished);

		for (TestData.User boss : List.of(owner, manager)) {
			JsonNode overdue = awaitOne(boss, "invoice.overdue");
			assertThat(overdue.path("title").asText()).isEqualTo("Invoice INV-2026-000042 is overdue");
			assertThat(overdue.path("body").asText()).contains("125000.50").contains("01.03.2026");
			assertThat(overdue.path("link").asText()).isEqualTo("/app/" + org.workspaceId() + "/invoices/" + invoiceId);
			JsonNode made = awaitOne(boss, "production.finished");
			assertThat(made.path("title").asText()).isEqualTo("Production order MO-2026-000007 finished");
			assertThat(made.path("body").asText()).contains("12 good units");
			assertThat(made.path("link").asText()).isEqualTo("/app/" + org.workspaceId() + "/production/" + runId);
		}
		assertThat(ofKind(member, "invoice.overdue")).isEmpty();
		assertThat(ofKind(member, "production.finished")).isEmpty();
	}

	@Test
	void aLateOnboardingItemRemindsAsEachPrefersAndMailsAddressesWithoutAnAccount() {
		TestData.User owner = this.data.user("Samal");
		TestData.Org org = this.data.organization(owner, "Samal Onboarding");
		TestData.User techie = this.data.user("Techie");
		TestData.User quiet = this.data.user("Quiet");
		this.data.join(owner, org.workspaceId(), techie, "MEMBER");
		this.data.join(owner, org.workspaceId(), quiet, "MEMBER");
		this.api.send("PUT", "/api/notifications/preferences", quiet.token(),
				Map.of("preferences", Map.of("onboarding.item-late", "NONE")), Map.of());
		String outsider = "no-account-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
		UUID employeeId = UUID.randomUUID();
		OnboardingItemOverdue overdue = new OnboardingItemOverdue(org.workspaceId(), employeeId, "Aigerim Late",
				"accounts", "Create the ERP account", java.time.LocalDate.of(2026, 2, 2), 1,
				List.of(techie.email(), quiet.email(), outsider), owner.email(), Instant.now());

		this.listeners.on(overdue);
		this.listeners.on(overdue);

		JsonNode reminder = awaitOne(techie, "onboarding.item-late");
		assertThat(reminder.path("title").asText()).isEqualTo("Overdue onboarding item: Create the ERP account");
		assertThat(reminder.path("link").asText()).isEqualTo("/app/" + org.workspaceId() + "/employees/" + employeeId);
		assertThat(awaitOne(owner, "onboarding.item-late").path("title").asText())
			.isEqualTo("Onboarding of Aigerim Late is late");
		assertThat(ofKind(quiet, "onboarding.item-late")).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> mails(techie, "Overdue onboarding item: Create the ERP account") == 1
					&& mails(owner, "Onboarding of Aigerim Late is late") == 1);
		assertThat(mails(quiet, "Overdue onboarding item: Create the ERP account")).as("his preference: none").isZero();
		// an address without an account gets the mail as before (twice: it has no record
		// to
		// tell a resubmission from a new reminder)
		assertThat(Mailboxes.of(this.greenMail, outsider)).isNotEmpty();
		assertThat(mails(techie, "Overdue onboarding item: Create the ERP account")).as("once, though handled twice")
			.isEqualTo(1);
	}

	@Test
	void countsMarksReadAndPagesTheCallersOwnNotificationsOnly() {
		TestData.User user = this.data.user("Saule");
		TestData.Org first = this.data.organization(user, "Saule First");
		TestData.Org second = this.data.organization(user, "Saule Second");
		TestData.User stranger = this.data.user("Timur");
		TestData.Org strangers = this.data.organization(stranger, "Timur Own");
		for (int i = 1; i <= 5; i++) {
			notify(user, first.workspaceId(), "Run " + i);
		}
		notify(user, second.workspaceId(), "Run 6");
		notify(user, second.workspaceId(), "Run 7");
		notify(stranger, strangers.workspaceId(), "Stranger's run");

		Api.Response page1 = this.api.get("/api/notifications?size=3", user.token());
		assertThat(page1.itemValues("title")).containsExactly("Run 7", "Run 6", "Run 5");
		assertThat(page1.json().path("total").asInt()).isEqualTo(7);
		assertThat(this.api.get("/api/notifications?size=3&page=3", user.token()).itemValues("title"))
			.containsExactly("Run 1");
		assertThat(this.api.get("/api/notifications?size=3&sort=createdAt,asc", user.token()).itemValues("title"))
			.containsExactly("Run 1", "Run 2", "Run 3");
		assertThat(this.api.get("/api/notifications?workspaceId=" + second.workspaceId(), user.token())
			.itemValues("title")).containsExactly("Run 7", "Run 6");
		assertThat(unread(user, null)).isEqualTo(7);
		assertThat(unread(user, second.workspaceId())).isEqualTo(2);

		String newest = page1.items().get(0).path("id").asText();
		Api.Response read = this.api.post("/api/notifications/" + newest + "/read", user.token(), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		String readAt = read.json().path("readAt").asText();
		assertThat(readAt).isNotBlank();
		assertThat(this.api.post("/api/notifications/" + newest + "/read", user.token(), null)
			.json()
			.path("readAt")
			.asText()).as("read once: the first time stays").isEqualTo(readAt);
		assertThat(unread(user, null)).isEqualTo(6);
		assertThat(this.api.get("/api/notifications?unread=true", user.token()).json().path("total").asInt())
			.isEqualTo(6);

		// someone else's notification is unknown, marked or not
		String strangersId = this.api.get("/api/notifications", stranger.token()).items().get(0).path("id").asText();
		Api.Response foreign = this.api.post("/api/notifications/" + strangersId + "/read", user.token(), null);
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(this.api.post("/api/notifications/" + UUID.randomUUID() + "/read", user.token(), null).status())
			.isEqualTo(404);
		assertThat(unread(stranger, null)).isEqualTo(1);
		// a workspace the caller is not in
		assertThat(this.api.get("/api/notifications?workspaceId=" + strangers.workspaceId(), user.token()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/notifications/unread-count?workspaceId=" + strangers.workspaceId(), user.token())
			.status()).isEqualTo(404);
		assertThat(
				this.api.post("/api/notifications/read-all?workspaceId=" + strangers.workspaceId(), user.token(), null)
					.status())
			.isEqualTo(404);
		assertThat(unread(stranger, null)).isEqualTo(1);

		Api.Response second2 = this.api.post("/api/notifications/read-all?workspaceId=" + second.workspaceId(),
				user.token(), null);
		assertThat(second2.json().path("marked").asInt()).isEqualTo(1);
		assertThat(unread(user, null)).isEqualTo(5);
		assertThat(this.api.post("/api/notifications/read-all", user.token(), null).json().path("marked").asInt())
			.isEqualTo(5);
		assertThat(unread(user, null)).isZero();
		assertThat(unread(stranger, null)).isEqualTo(1);
	}

	@Test
	void refusesBadPagingAndFiltersNamingTheParameter() {
		TestData.User user = this.data.user("Nurlan");
		for (String query : List.of("page=0:page", "size=0:size", "size=101:size", "sort=title:sort",
				"unread=maybe:unread", "workspaceId=nope:workspaceId", "page=10000&size=100:page")) {
			String path = "/api/notifications?" + query.substring(0, query.indexOf(':'));
			Api.Response response = this.api.get(path, user.token());
			assertThat(response.status()).as(path + " " + response).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.text()).contains(query.substring(query.indexOf(':') + 1));
		}
		assertThat(this.api.get("/api/notifications", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/notifications/unread-count", null).status()).isEqualTo(401);
		assertThat(this.api.post("/api/notifications/stream-token", null, null).status()).isEqualTo(401);
	}

	@Test
	void followsEachUsersPreferencesForTheInboxAndTheMail() {
		TestData.User user = this.data.user("Aizhan");
		TestData.Org org = this.data.organization(user, "Aizhan Works");
		TestData.User colleague = this.data.user("Kairat");
		this.data.join(user, org.workspaceId(), colleague, "MANAGER");
		Api.Response defaults = this.api.get("/api/notifications/preferences", user.token());
		assertThat(defaults.json().path("preferences").findValuesAsText("kind")).contains("deal.won", "task.assigned",
				"production.finished", "onboarding.item-late");
		assertThat(channel(defaults, "production.finished")).isEqualTo("IN_APP");
		assertThat(channel(defaults, "onboarding.item-late")).isEqualTo("BOTH");

		Api.Response none = this.api.send("PUT", "/api/notifications/preferences", user.token(),
				Map.of("preferences", Map.of("production.finished", "NONE")), Map.of());
		assertThat(none.status()).as(none.toString()).isEqualTo(200);
		assertThat(channel(none, "production.finished")).isEqualTo("NONE");
		notify(List.of(user, colleague), org.workspaceId(), "production.finished:none", "Nobody wants this");
		assertThat(ofKind(user, "production.finished")).isEmpty();
		assertThat(ofKind(colleague, "production.finished")).as("his colleague keeps the default").hasSize(1);
		assertThat(mails(user, "Nobody wants this")).isZero();

		this.api.send("PUT", "/api/notifications/preferences", user.token(),
				Map.of("preferences", Map.of("production.finished", "EMAIL")), Map.of());
		notify(List.of(user), org.workspaceId(), "production.finished:email", "Mail only");
		notify(List.of(user), org.workspaceId(), "production.finished:email", "Mail only");
		await().atMost(Duration.ofSeconds(10)).until(() -> mails(user, "Mail only") == 1);
		assertThat(ofKind(user, "production.finished")).isEmpty();

		this.api.send("PUT", "/api/notifications/preferences", user.token(),
				Map.of("preferences", Map.of("production.finished", "BOTH")), Map.of());
		notify(List.of(user), org.workspaceId(), "production.finished:both", "Both ways");
		assertThat(ofKind(user, "production.finished")).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> mails(user, "Both ways") == 1);
		assertThat(Mailboxes.text(Mailboxes.of(this.greenMail, user.email())
			.stream()
			.filter(m -> Mailboxes.subject(m).equals("Both ways"))
			.findFirst()
			.orElseThrow())).contains("/app/" + org.workspaceId() + "/production/");
		assertThat(mails(colleague, "Mail only")).isZero();
	}

	@Test
	void refusesUnknownKindsAndChannelsNamingThem() {
		TestData.User user = this.data.user("Erlan");

		Api.Response unknownKind = this.api.send("PUT", "/api/notifications/preferences", user.token(),
				Map.of("preferences", Map.of("deal.nope", "NONE")), Map.of());
		Api.Response unknownChannel = this.api.send("PUT", "/api/notifications/preferences", user.token(),
				"{\"preferences\": {\"deal.won\": \"PIGEON\"}}", Map.of());
		Api.Response missing = this.api.send("PUT", "/api/notifications/preferences", user.token(), "{}", Map.of());

		assertThat(unknownKind.status()).as(unknownKind.toString()).isEqualTo(400);
		assertThat(unknownKind.errorFields()).containsExactly("preferences.deal.nope");
		assertThat(unknownChannel.status()).as(unknownChannel.toString()).isEqualTo(400);
		assertThat(unknownChannel.text()).contains("preferences");
		assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("preferences");
		Api.Response after = this.api.get("/api/notifications/preferences", user.token());
		after.json().path("preferences").forEach(p -> assertThat(p.path("chosen").asBoolean()).isFalse());
	}

	private void notify(TestData.User user, UUID workspaceId, String title) {
		notify(List.of(user), workspaceId, "production.finished:" + UUID.randomUUID(), title);
	}

	private void notify(List<TestData.User> users, UUID workspaceId, String sourceKey, String title) {
		this.deliveries.deliver(
				new Notice(NotificationKind.PRODUCTION_FINISHED, workspaceId, sourceKey, title, "Passed inspection.",
						"/app/" + workspaceId + "/production/" + UUID.randomUUID()),
				users.stream().map(TestData.User::id).toList());
	}

	private Task openTask(UUID workspaceId, String dealId) {
		return this.tasks.createTaskQuery()
			.tenantIdIn(workspaceId.toString())
			.processInstanceBusinessKey(dealId)
			.singleResult();
	}

	private JsonNode awaitOne(TestData.User user, String kind) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !ofKind(user, kind).isEmpty());
		List<JsonNode> notes = ofKind(user, kind);
		assertThat(notes).hasSize(1);
		return notes.get(0);
	}

	private List<JsonNode> ofKind(TestData.User user, String kind) {
		return this.api.get("/api/notifications?size=100", user.token())
			.items()
			.stream()
			.filter(n -> n.path("kind").asText().equals(kind))
			.toList();
	}

	private int unread(TestData.User user, UUID workspaceId) {
		Api.Response count = this.api.get(
				"/api/notifications/unread-count" + ((workspaceId != null) ? "?workspaceId=" + workspaceId : ""),
				user.token());
		assertThat(count.status()).as(count.toString()).isEqualTo(200);
		return count.json().path("count").asInt();
	}

	private int mails(TestData.User user, String subject) {
		return (int) Mailboxes.of(this.greenMail, user.email())
			.stream()
			.filter(m -> subject.equals(Mailboxes.subject(m)))
			.count();
	}

	private static String channel(Api.Response preferences, String kind) {
		for (JsonNode p : preferences.json().path("preferences")) {
			if (p.path("kind").asText().equals(kind)) {
				return p.path("channel").asText();
			}
		}
		throw new AssertionError(kind + " not in " + preferences);
	}

	/** One line of 100 pipes at 30,000.00: a deal worth 3,000,000.00. */
	private static Map<String, Object> pipes() {
		return Map.of("products", List.of(Map.of("productName", "Steel pipe 100 mm", "quantity", "100", "unitPrice",
				"30000.00", "discountPercent", "0")));
	}

}
