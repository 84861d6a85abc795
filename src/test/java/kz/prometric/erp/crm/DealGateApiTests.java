package kz.prometric.erp.crm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal's gates seen from the API: every stage move asks the deal, so an unapproved
 * discount cannot be walked past to any later stage, a change of lines or value after an
 * approval needs a new one, the value of a deal with lines is their total, and a deal
 * without product lines is never won.
 */
@ErpIntegrationTest
class DealGateApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ObjectMapper json;

	TestData.User owner;

	TestData.User manager;

	TestData.User member;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Dauren");
		this.org = this.data.organization(this.owner, "Dauren Steel");
		this.manager = this.data.user("Aizhan");
		this.data.join(this.owner, this.org.workspaceId(), this.manager, "MANAGER");
		this.member = this.data.user("Yerlan");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Pavlodar Steel JSC");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PROPOSAL", "NEGOTIATION", "WON" })
	void refusesMovingPastAnUnapprovedDiscountToAnyLaterStage(String target) {
		JsonNode deal = deal(discounted(20));

		Api.Response refused = move(deal, target, this.member);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errorFields()).containsExactly("stage");
		assertThat(refused.json().path("detail").asText()).contains("approval").contains("discount-approval");
		assertUnchanged(deal);
		BpmnAwareTests.assertThat(processOf(deal)).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);
	}

	@Test
	void refusesLoweringTheValueWhileTheLinesCarryTheDiscount() {
		JsonNode deal = deal(discounted(20));

		Api.Response lowered = this.api.patch(path(deal), this.member.token(), Map.of("value", "1000000.00"));
		Api.Response moved = move(deal, "PROPOSAL", this.member);

		assertThat(lowered.status()).as(lowered.toString()).isEqualTo(422);
		assertThat(lowered.errorFields()).containsExactly("value");
		assertThat(moved.status()).isEqualTo(422);
		assertThat(moved.errorFields()).containsExactly("stage");
		assertUnchanged(deal);
	}

	@Test
	void keepsTheValueOfADealWithLinesEqualToTheirTotal() {
		JsonNode deal = deal(discounted(20));
		Api.Response mismatched = this.api.post(deals(), this.member.token(), Map.of("customerId", this.customerId,
				"title", "Pipes", "value", "3000000.00", "products", discounted(20).get("products")));

		Api.Response replaced = this.api.patch(path(deal), this.member.token(),
				Map.of("products", List.of(Map.of("productName", "Steel pipe 50 mm", "quantity", "10", "unitPrice",
						"12000.00", "discountPercent", "10"))));
		Api.Response sameValue = this.api.patch(path(deal), this.member.token(), Map.of("value", "108000.00"));

		assertThat(deal.path("value").decimalValue()).isEqualByComparingTo("2400000.00");
		assertThat(mismatched.status()).isEqualTo(422);
		assertThat(mismatched.errorFields()).containsExactly("value");
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("value").decimalValue()).isEqualByComparingTo("108000.00");
		assertThat(replaced.json().path("products")).hasSize(1);
		assertThat(sameValue.status()).isEqualTo(200);
	}

	@Test
	void letsAManagerApproveTheCurrentLinesAndNeedsANewApprovalAfterAChange() {
		JsonNode deal = deal(discounted(20));

		Api.Response approved = this.api.post(path(deal) + "/discount-approval", this.manager.token(), null);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("discountApproval").path("approvedBy").asText())
			.isEqualTo(this.manager.id().toString());
		assertThat(approved.json().path("discountApproval").path("value").decimalValue())
			.isEqualByComparingTo("2400000.00");
		assertThat(move(deal, "NEGOTIATION", this.member).status()).isEqualTo(200);

		Api.Response changed = this.api.patch(path(deal), this.member.token(), discounted(25));
		assertThat(changed.json().path("discountApproval").isObject()).isFalse();
		Api.Response refused = move(deal, "WON", this.member);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("stage");
		assertThat(get(deal).path("stage").asText()).isEqualTo("NEGOTIATION");

		this.api.post(path(deal) + "/discount-approval", this.owner.token(), null);
		Api.Response won = move(deal, "WON", this.member);
		assertThat(won.status()).as(won.toString()).isEqualTo(200);
		assertThat(won.json().path("stage").asText()).isEqualTo("WON");
	}

	@Test
	void refusesADiscountApprovalByAMemberOrAStranger() {
		JsonNode deal = deal(discounted(20));
		TestData.User stranger = this.data.user("Stranger");
		this.data.organization(stranger, "Stranger Steel");

		Api.Response byMember = this.api.post(path(deal) + "/discount-approval", this.member.token(), null);
		Api.Response byStranger = this.api.post(path(deal) + "/discount-approval", stranger.token(), null);

		assertThat(byMember.status()).isEqualTo(403);
		assertThat(byStranger.status()).isEqualTo(404);
		assertThat(get(deal).path("discountApproval").isObject()).isFalse();
		assertThat(move(deal, "PROPOSAL", this.member).status()).isEqualTo(422);
	}

	@Test
	void refusesWinningADealWithoutProductLines() {
		JsonNode deal = get(
				this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Consulting", Map.of()));

		Api.Response refused = move(deal, "WON", this.owner);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("products");
		assertThat(refused.json().path("detail").asText()).contains("product line");
		assertUnchanged(deal);
		assertThat(ordersOf(deal)).isEmpty();
		BpmnAwareTests.assertThat(processOf(deal)).isWaitingAt(DealLifecycle.TASK_QUALIFY_DEAL);
	}

	@Test
	void refusesLinesNamingProductsOutsideTheWorkspacesCatalog() {
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Steel");
		String foreignProduct = this.api
			.post("/api/workspaces/" + other.workspaceId() + "/products", stranger.token(),
					Map.of("code", "P-1", "name", "Pipe", "unit", "pcs", "price", "100.00"))
			.json()
			.path("id")
			.asText();

		Api.Response unknown = this.api
			.post(deals(), this.member.token(), Map.of("customerId", this.customerId, "title", "X", "products", List.of(
					Map.of("productId", UUID.randomUUID(), "productName", "P", "quantity", "1", "unitPrice", "1.00"),
					Map.of("productId", foreignProduct, "productName", "P", "quantity", "1", "unitPrice", "1.00"))));
		JsonNode deal = deal(discounted(0));
		Api.Response foreign = this.api.patch(path(deal), this.member.token(), Map.of("products", List
			.of(Map.of("productId", foreignProduct, "productName", "P", "quantity", "1", "unitPrice", "1.00"))));

		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.errorFields()).containsExactly("products[0].productId");
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.errorFields()).containsExactly("products[0].productId");
		assertUnchanged(deal);
	}

	@Test
	void winsTheReadmesExampleDeal() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		String product = this.api
			.post("/api/workspaces/" + this.org.workspaceId() + "/products", this.owner.token(),
					this.json.readTree(requestBody(readme, "/products ")))
			.json()
			.path("id")
			.asText();
		String customer = this.api
			.post("/api/workspaces/" + this.org.workspaceId() + "/customers", this.owner.token(),
					this.json.readTree(requestBody(readme, "/customers ")))
			.json()
			.path("id")
			.asText();
		Api.Response created = this.api.post(deals(), this.owner.token(), this.json
			.readTree(requestBody(readme, "/deals ").replace("$CUSTOMER", customer).replace("$PRODUCT", product)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ProcessInstance process = processOf(created.json());

		Api.Response won = this.api.post(path(created.json()) + "/stage", this.owner.token(),
				this.json.readTree(requestBody(readme, "/stage ")));

		assertThat(won.status()).as(won.toString()).isEqualTo(200);
		assertThat(won.json().path("stage").asText()).isEqualTo("WON");
		assertThat(won.json().path("value").decimalValue()).isEqualByComparingTo("1450000.00");
		BpmnAwareTests.assertThat(process).hasPassed(DealLifecycle.END_DEAL_WON).isEnded();
	}

	/**
	 * The JSON body ({@code -d '…'} or {@code -d "…"}) of the README's first curl call
	 * whose URL ends with {@code marker}.
	 */
	private static String requestBody(String readme, String marker) {
		int call = readme.indexOf(marker);
		assertThat(call).as("README calls %s", marker).isPositive();
		int option = readme.indexOf(" -d ", call) + 4;
		char quote = readme.charAt(option);
		StringBuilder body = new StringBuilder();
		for (int i = option + 1; readme.charAt(i) != quote; i++) {
			if (readme.charAt(i) == '\\' && quote == '"') {
				i++;
			}
			body.append(readme.charAt(i));
		}
		return body.toString();
	}

	/** A new deal, as the API shows it after its creation. */
	private JsonNode deal(Map<String, Object> fields) {
		return get(this.data.deal(this.member, this.org.workspaceId(), this.customerId, "Steel pipes", fields));
	}

	private static Map<String, Object> discounted(int percent) {
		return DealLifecycleProcessTests.discounted(percent);
	}

	private Api.Response move(JsonNode deal, String stage, TestData.User by) {
		return this.api.post(path(deal) + "/stage", by.token(), Map.of("stage", stage));
	}

	private void assertUnchanged(JsonNode deal) {
		JsonNode now = get(deal);
		assertThat(now.path("stage").asText()).isEqualTo(deal.path("stage").asText());
		assertThat(now.path("value").decimalValue()).isEqualByComparingTo(deal.path("value").decimalValue());
		assertThat(now.path("version").asLong()).isEqualTo(deal.path("version").asLong());
		assertThat(now.path("wonAt").isTextual()).isFalse();
	}

	private JsonNode get(JsonNode deal) {
		return this.api.get(path(deal), this.owner.token()).json();
	}

	private List<JsonNode> ordersOf(JsonNode deal) {
		return this.api.get("/api/workspaces/" + this.org.workspaceId() + "/orders", this.owner.token())
			.items()
			.stream()
			.filter(o -> o.path("dealId").asText().equals(deal.path("id").asText()))
			.toList();
	}

	private ProcessInstance processOf(JsonNode deal) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DealLifecycle.KEY)
			.processInstanceBusinessKey(deal.path("id").asText())
			.singleResult();
	}

	private String deals() {
		return "/api/workspaces/" + this.org.workspaceId() + "/deals";
	}

	private String path(JsonNode deal) {
		return deals() + "/" + deal.path("id").asText();
	}

}
