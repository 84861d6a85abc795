package kz.prometric.erp.sales;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.sales.OrderManagement.OrderFilter;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Orders: by hand through the API, and from a won deal exactly once.
 */
@ErpIntegrationTest
class OrderApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	OrderManagement orders;

	@Autowired
	HistoryService history;

	TestData.User owner;

	TestData.Org org;

	UUID customerId;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Ainur");
		this.org = this.data.organization(this.owner, "Ainur Distribution");
		this.customerId = this.data.customer(this.owner, this.org.workspaceId(), "Shymkent Market LLP");
	}

	@Test
	void numbersOrdersGaplesslyPerWorkspaceAndYear() {
		String year = String.valueOf(Year.now(ZoneId.of("Asia/Almaty")).getValue());

		JsonNode first = createOrder(null).json();
		JsonNode second = createOrder(null).json();

		assertThat(first.path("orderNumber").asText()).isEqualTo("SO-" + year + "-000001");
		assertThat(second.path("orderNumber").asText()).isEqualTo("SO-" + year + "-000002");
		assertThat(first.path("status").asText()).isEqualTo("PENDING");
		assertThat(first.path("totalAmount").decimalValue()).isEqualByComparingTo("47500.00");
	}

	@Test
	void createsOneOrderWhenTheSameRequestIsRetriedWithAKey() {
		String key = "order-" + UUID.randomUUID();

		Api.Response first = createOrder(key);
		Api.Response retry = createOrder(key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
		assertThat(this.api.get(orders(), this.owner.token()).json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void placesTheOrderOfAWonDealOnceEvenWhenAskedConcurrently() throws Exception {
		JsonNode deal = wonDeal();
		UUID dealId = UUID.fromString(deal.path("id").asText());

		Callable<OrderView> place = () -> {
			try {
				return this.orders.placeForWonDeal(this.org.workspaceId(), dealId);
			}
			catch (ConflictException raced) {
				return this.orders.placeForWonDeal(this.org.workspaceId(), dealId);
			}
		};
		List<OrderView> answers = Concurrently.run(Collections.nCopies(4, place));

		assertThat(answers).extracting(OrderView::id).containsOnly(answers.get(0).id());
		OrderView order = answers.get(0);
		assertThat(order.dealId()).isEqualTo(dealId);
		assertThat(order.lines()).singleElement().satisfies(l -> assertThat(l.productName()).isEqualTo("Cement M500"));
		assertThat(order.totalAmount()).isEqualByComparingTo("950000.00");
		assertThat(this.api.get(orders(), this.owner.token()).json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void refusesAnOrderForADealThatIsNotWon() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Open", Map.of());

		assertThatThrownBy(
				() -> this.orders.placeForWonDeal(this.org.workspaceId(), UUID.fromString(deal.path("id").asText())))
			.hasMessageContaining("not won");
	}

	@Test
	void cancelsBeforeShipmentWithAReasonOnly() {
		JsonNode order = createOrder(null).json();
		String cancel = orders() + "/" + order.path("id").asText() + "/cancel";

		Api.Response noReason = this.api.post(cancel, this.owner.token(), Map.of("reason", " "));
		Api.Response cancelled = this.api.post(cancel, this.owner.token(), Map.of("reason", "Customer withdrew"));
		Api.Response again = this.api.post(cancel, this.owner.token(), Map.of("reason", "Twice"));

		assertThat(noReason.status()).isEqualTo(400);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void ofParallelCancelsOfOneOrderOneSucceedsAndTheOthersGetConflict() throws Exception {
		JsonNode order = createOrder(null).json();
		String cancel = orders() + "/" + order.path("id").asText() + "/cancel";
		List<Callable<Api.Response>> calls = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String reason = "Customer withdrew " + i;
			calls.add(() -> this.api.post(cancel, this.owner.token(), Map.of("reason", reason)));
		}

		List<Api.Response> answers = Concurrently.run(calls);

		assertThat(answers).extracting(Api.Response::status).containsOnly(200, 409);
		assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
		assertThat(answers).filteredOn(a -> a.status() == 409)
			.allSatisfy(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
		assertThat(this.api.get(orders() + "/" + order.path("id").asText(), this.owner.token())
			.json()
			.path("status")
			.asText()).isEqualTo("CANCELLED");
		String processInstanceId = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult()
			.getId();
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.activityId(OrderFulfilment.END_ORDER_CANCELLED)
			.processInstanceId(processInstanceId)
			.count()).isEqualTo(1);
	}

	@Test
	void refusesBadOrdersAndStoresNothing() {
		List<Map<String, Object>> bad = List.of(Map.of("customerId", this.customerId, "lines", List.of()),
				Map.of("customerId", this.customerId, "lines",
						List.of(Map.of("productName", "X", "quantity", "-1", "unitPrice", "10"))),
				Map.of("customerId", UUID.randomUUID(), "lines",
						List.of(Map.of("productName", "X", "quantity", "1", "unitPrice", "10"))),
				Map.of("lines", List.of(Map.of("productName", "X", "quantity", "1", "unitPrice", "10"))),
				Map.of("customerId", this.customerId, "lines", List.of(Map.of("productId", UUID.randomUUID(),
						"productName", "Unknown product", "quantity", "1", "unitPrice", "10"))));

		for (Map<String, Object> body : bad) {
			Api.Response refused = this.api.post(orders(), this.owner.token(), body);
			assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.api.get(orders(), this.owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void answersNotFoundForAnotherWorkspacesOrders() {
		JsonNode order = createOrder(null).json();
		TestData.User stranger = this.data.user("Stranger");

		assertThat(this.api.get(orders() + "/" + order.path("id").asText(), stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(orders(), stranger.token()).status()).isEqualTo(404);
		assertThat(this.api
			.post(orders() + "/" + order.path("id").asText() + "/cancel", stranger.token(), Map.of("reason", "mine"))
			.status()).isEqualTo(404);
	}

	private JsonNode wonDeal() {
		JsonNode deal = this.data.deal(this.owner, this.org.workspaceId(), this.customerId, "Cement", Map.of("products",
				List.of(Map.of("productName", "Cement M500", "quantity", "50", "unitPrice", "19000.00"))));
		Api.Response won = this.api.post(
				"/api/workspaces/" + this.org.workspaceId() + "/deals/" + deal.path("id").asText() + "/stage",
				this.owner.token(), Map.of("stage", "WON"));
		assertThat(won.status()).as(won.toString()).isEqualTo(200);
		return deal;
	}

	@Test
	void countsTheWorkspacesOrdersByStatusInOneAnswerAndNoOtherWorkspaces() {
		createOrder(null);
		JsonNode cancelled = createOrder(null).json();
		this.api.post(orders() + "/" + cancelled.path("id").asText() + "/cancel", this.owner.token(),
				Map.of("reason", "Customer withdrew"));
		TestData.User other = this.data.user("Other");
		TestData.Org otherOrg = this.data.organization(other, "Other Trading");
		UUID otherCustomer = this.data.customer(other, otherOrg.workspaceId(), "Other Buyer LLP");
		this.orders.create(otherOrg.workspaceId(), other.id(), otherCustomer, List.of(new OrderLine(null, "Salt",
				BigDecimal.ONE, new BigDecimal("100.00"), BigDecimal.ZERO, null, null, null)));

		Map<OrderStatus, Long> counts = this.orders.countByStatus(this.org.workspaceId(), this.owner.id());

		assertThat(counts).containsOnlyKeys(OrderStatus.values());
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
		assertThat(counts.get(OrderStatus.CANCELLED)).isEqualTo(1);
		for (OrderStatus status : OrderStatus.values()) {
			assertThat(counts.get(status)).as(status.name())
				.isEqualTo(this.orders
					.orders(this.org.workspaceId(), this.owner.id(), new OrderFilter(status, null, null),
							PageQuery.first(1))
					.total());
		}
		assertThatThrownBy(() -> this.orders.countByStatus(this.org.workspaceId(), other.id()))
			.isInstanceOf(NotFoundException.class);
	}

	private Api.Response createOrder(String key) {
		Map<String, Object> body = Map.of("customerId", this.customerId, "lines", List.of(Map.of("productName",
				"Sugar 50 kg", "quantity", "2", "unitPrice", "25000.00", "discountPercent", "5")));
		Api.Response created = this.api.send("POST", orders(), this.owner.token(), body,
				(key == null) ? Map.of() : Map.of("Idempotency-Key", key));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private String orders() {
		return "/api/workspaces/" + this.org.workspaceId() + "/orders";
	}

}
