package kz.prometric.erp.production;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.production.process.ProductionRun;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work centers, routings and production orders through REST: what a planner sets up and
 * sees, who may do what, and bad input that is refused without changing anything.
 */
@ErpIntegrationTest
class ProductionApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	ProcessEngine engine;

	TestData.User owner;

	TestData.Org org;

	ProductionFixtures shop;

	UUID warehouse;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Aidar");
		this.org = this.data.organization(this.owner, "Aidar Furniture");
		this.shop = new ProductionFixtures(this.api, this.owner.token(), this.org.workspaceId());
		this.warehouse = this.shop.warehouse("MAIN");
	}

	@Test
	void plansAProductionOrderWithMaterialsFromTheBillOfMaterialsAndOperationsFromTheRouting() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID cnc = this.shop.workCenter("CNC-01", "EXTERNAL", "12000.00");
		UUID cabinet = this.shop.product("CAB-1", "150000.00");
		UUID frame = this.shop.product("FRM-1", "40000.00");
		UUID glass = this.shop.product("GLS-1", "5000.00");
		this.shop.routing(frame, cnc, "Cut frame", "15", "6", false);
		JsonNode routing = this.shop.routing(cabinet, cnc, "Drill panels", "10", "2.5", false, assembly, "Assemble",
				"5", "30", true);
		this.shop.bom(cabinet, frame, "1", glass, "2.5");

		assertThat(routing.path("operations")).hasSize(2);
		assertThat(routing.path("operations").get(0).path("workCenterCode").asText()).isEqualTo("CNC-01");
		assertThat(routing.path("operations").get(0).path("inspectionAfter").asBoolean()).isFalse();
		// the last operation is always inspected
		assertThat(routing.path("operations").get(1).path("inspectionAfter").asBoolean()).isTrue();
		JsonNode centers = this.api.get(this.shop.ws() + "/work-centers?kind=EXTERNAL", this.owner.token()).json();
		assertThat(centers.path("total").asInt()).isEqualTo(1);
		assertThat(centers.path("items").get(0).path("topic").asText()).isEqualTo("production.CNC-01");

		JsonNode order = this.shop.order(cabinet, "4", this.warehouse);

		int year = Year.now(ZoneId.of("Asia/Almaty")).getValue();
		assertThat(order.path("orderNumber").asText()).isEqualTo("MO-" + year + "-000001");
		assertThat(order.path("status").asText()).isEqualTo("PLANNED");
		assertThat(order.path("source").path("type").asText()).isEqualTo("MANUAL");
		assertThat(order.path("processInstanceId").asText(null)).isNull();
		JsonNode requirements = order.path("requirements");
		assertThat(requirements).hasSize(2);
		assertThat(requirements.get(0).path("productId").asText()).isEqualTo(frame.toString());
		assertThat(requirements.get(0).path("kind").asText()).isEqualTo("SUBASSEMBLY");
		assertThat(requirements.get(0).path("quantityRequired").decimalValue()).isEqualByComparingTo("4");
		assertThat(requirements.get(1).path("kind").asText()).isEqualTo("MATERIAL");
		assertThat(requirements.get(1).path("quantityRequired").decimalValue()).isEqualByComparingTo("10");
		JsonNode operations = order.path("operations");
		assertThat(operations).hasSize(2);
		assertThat(operations.get(0).path("workCenterKind").asText()).isEqualTo("EXTERNAL");
		assertThat(operations.get(1).path("name").asText()).isEqualTo("Assemble");
		assertThat(operations.get(1).path("status").asText()).isEqualTo("PENDING");
		assertThat(order.path("cost").path("standardUnitCost").asText(null)).isNull();

		JsonNode listed = this.api
			.get(this.shop.ws() + "/production-orders?status=PLANNED&productId=" + cabinet, this.owner.token())
			.json();
		assertThat(listed.path("total").asInt()).isEqualTo(1);
		assertThat(this.api.get(this.shop.ws() + "/production-orders?status=DONE", this.owner.token())
			.json()
			.path("total")
			.asInt()).isZero();
	}

	@Test
	void releasingStartsTheProductionRunBoundToTheOrderNumberAndWorkspace() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, assembly, "Assemble", "5", "10", true);
		JsonNode order = this.shop.order(stool, "2", this.warehouse);

		JsonNode released = this.shop.release(order);

		assertThat(released.path("status").asText()).isEqualTo("RELEASED");
		assertThat(released.path("releasedBy").asText()).isEqualTo(this.owner.id().toString());
		ProcessInstance process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ProductionRun.KEY)
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		assertThat(process).isNotNull();
		assertThat(released.path("processInstanceId").asText()).isEqualTo(process.getId());
		Api.Response again = this.api.post(
				this.shop.ws() + "/production-orders/" + order.path("id").asText() + "/release", this.owner.token(),
				null);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(order.path("orderNumber").asText())
			.tenantIdIn(this.org.workspaceId().toString())
			.count()).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyPlansOneOrderForRepeatedRequests() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, assembly, "Assemble", "5", "10", true);
		Map<String, Object> body = Map.of("productId", stool, "quantity", "3", "warehouseId", this.warehouse);
		Map<String, String> key = Map.of("Idempotency-Key", "mo-" + UUID.randomUUID());

		Api.Response first = this.api.send("POST", this.shop.ws() + "/production-orders", this.owner.token(), body,
				key);
		Api.Response second = this.api.send("POST", this.shop.ws() + "/production-orders", this.owner.token(), body,
				key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
		assertThat(this.api.get(this.shop.ws() + "/production-orders", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);
	}

	@Test
	void membersReadManagersWriteAndOutsidersSeeNothing() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, assembly, "Assemble", "5", "10", true);
		JsonNode order = this.shop.order(stool, "2", this.warehouse);
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		TestData.User manager = this.data.user("Manager");
		this.data.join(this.owner, this.org.workspaceId(), manager, "MANAGER");
		TestData.User outsider = this.data.user("Outsider");
		this.data.organization(outsider, "Outsider Works");
		String orderPath = this.shop.ws() + "/production-orders/" + order.path("id").asText();

		assertThat(this.api.get(orderPath, member.token()).status()).isEqualTo(200);
		assertThat(this.api.get(this.shop.ws() + "/work-centers/" + assembly, member.token()).status()).isEqualTo(200);
		assertThat(this.api.get(this.shop.ws() + "/products/" + stool + "/routing", member.token()).status())
			.isEqualTo(200);
		assertThat(this.api.post(orderPath + "/release", member.token(), null).status()).isEqualTo(403);
		assertThat(this.api
			.post(this.shop.ws() + "/work-centers", member.token(),
					Map.of("code", "X", "name", "X", "kind", "MANUAL", "hourlyRate", "1", "capacityHoursPerDay", "8"))
			.status()).isEqualTo(403);
		assertThat(this.api
			.post(this.shop.ws() + "/production-orders", member.token(),
					Map.of("productId", stool, "quantity", "1", "warehouseId", this.warehouse))
			.status()).isEqualTo(403);
		for (String path : List.of(orderPath, this.shop.ws() + "/production-orders",
				this.shop.ws() + "/work-centers/" + assembly, this.shop.ws() + "/products/" + stool + "/routing")) {
			assertThat(this.api.get(path, outsider.token()).status()).as(path).isEqualTo(404);
		}
		assertThat(this.api.post(orderPath + "/release", outsider.token(), null).status()).isEqualTo(404);
		assertThat(this.api.post(orderPath + "/cancel", outsider.token(), Map.of("reason", "mine now")).status())
			.isEqualTo(404);
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("PLANNED");

		assertThat(this.api.post(orderPath + "/release", manager.token(), null).status()).isEqualTo(200);
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("RELEASED");
	}

	@Test
	void noRouteSetsTheStatusOfAProductionOrder() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, assembly, "Assemble", "5", "10", true);
		JsonNode order = this.shop.order(stool, "2", this.warehouse);
		String orderPath = this.shop.ws() + "/production-orders/" + order.path("id").asText();

		Api.Response patched = this.api.patch(orderPath, this.owner.token(), Map.of("status", "DONE"));
		Api.Response posted = this.api.post(orderPath + "/status", this.owner.token(), Map.of("status", "DONE"));
		Api.Response put = this.api.send("PUT", orderPath, this.owner.token(), Map.of("status", "DONE"), Map.of());
		Api.Response created = this.api.post(this.shop.ws() + "/production-orders", this.owner.token(),
				Map.of("productId", stool, "quantity", "1", "warehouseId", this.warehouse, "status", "DONE"));

		assertThat(patched.status()).as(patched.toString()).isIn(400, 404, 405);
		assertThat(posted.status()).as(posted.toString()).isIn(400, 404, 405);
		assertThat(put.status()).as(put.toString()).isIn(400, 404, 405);
		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.errorFields()).contains("status");
		assertThat(this.shop.get(order).path("status").asText()).isEqualTo("PLANNED");
		assertThat(this.api.get(this.shop.ws() + "/production-orders", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);
	}

	@Test
	void cancelsAPlannedOrderWithAReasonAndRefusesCancellingItTwice() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID stool = this.shop.product("STL-1", "9000.00");
		this.shop.routing(stool, assembly, "Assemble", "5", "10", true);
		JsonNode order = this.shop.order(stool, "2", this.warehouse);
		String orderPath = this.shop.ws() + "/production-orders/" + order.path("id").asText();

		Api.Response noReason = this.api.post(orderPath + "/cancel", this.owner.token(), Map.of("reason", " "));
		Api.Response cancelled = this.api.post(orderPath + "/cancel", this.owner.token(),
				Map.of("reason", "Customer withdrew"));
		Api.Response twice = this.api.post(orderPath + "/cancel", this.owner.token(), Map.of("reason", "Again"));
		Api.Response release = this.api.post(orderPath + "/release", this.owner.token(), null);

		assertThat(noReason.status()).isEqualTo(400);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("cancelReason").asText()).isEqualTo("Customer withdrew");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(release.status()).isEqualTo(409);
		assertThat(this.shop.get(order).path("processInstanceId").asText(null)).isNull();
	}

	@Test
	void refusesBadInputWithAProblemNamingTheFieldAndChangesNothing() {
		UUID assembly = this.shop.workCenter("ASSEMBLY", "MANUAL", "6000.00");
		UUID stool = this.shop.product("STL-1", "9000.00");
		UUID bought = this.shop.product("NAIL", "10.00");
		this.shop.routing(stool, assembly, "Assemble", "5", "10", true);
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org strangers = this.data.organization(stranger, "Stranger Works");
		UUID foreignCenter = new ProductionFixtures(this.api, stranger.token(), strangers.workspaceId())
			.workCenter("FOREIGN", "MANUAL", "1.00");
		String orders = this.shop.ws() + "/production-orders";

		Map<String, Api.Response> refusals = new java.util.LinkedHashMap<>();
		refusals.put("quantity", this.api.post(orders, this.owner.token(),
				Map.of("productId", stool, "quantity", "-1", "warehouseId", this.warehouse)));
		refusals.put("productId", this.api.post(orders, this.owner.token(),
				Map.of("productId", bought, "quantity", "1", "warehouseId", this.warehouse)));
		refusals.put("warehouseId", this.api.post(orders, this.owner.token(),
				Map.of("productId", stool, "quantity", "1", "warehouseId", UUID.randomUUID())));
		refusals.put("operations[0].workCenterId",
				this.api.send("PUT", this.shop.ws() + "/products/" + stool + "/routing", this.owner.token(),
						Map.of("operations", List.of(Map.of("workCenterId", foreignCenter, "name", "Steal"))),
						Map.of()));
		refusals
			.put("operations[1].workCenterId",
					this.api.send(
							"PUT", this.shop.ws() + "/products/" + stool + "/routing", this.owner.token(), Map
								.of("operations",
										List.of(Map.of("workCenterId", assembly, "name", "Fine"),
												Map.of("workCenterId", UUID.randomUUID(), "name", "Unknown"))),
							Map.of()));
		refusals.put("operations[0].setupMinutes",
				this.api.send("PUT", this.shop.ws() + "/products/" + stool + "/routing", this.owner.token(),
						Map.of("operations",
								List.of(Map.of("workCenterId", assembly, "name", "Fine", "setupMinutes", "-5"))),
						Map.of()));
		refusals.put("capacityHoursPerDay", this.api.post(this.shop.ws() + "/work-centers", this.owner.token(), Map
			.of("code", "BIG", "name", "Big", "kind", "MANUAL", "hourlyRate", "1", "capacityHoursPerDay", "25")));
		refusals.put("hourlyRate", this.api.post(this.shop.ws() + "/work-centers", this.owner.token(), Map.of("code",
				"NEG", "name", "Neg", "kind", "MANUAL", "hourlyRate", "-1", "capacityHoursPerDay", "8")));
		refusals.put("code", this.api.post(this.shop.ws() + "/work-centers", this.owner.token(), Map.of("code",
				"has space", "name", "Bad", "kind", "MANUAL", "hourlyRate", "1", "capacityHoursPerDay", "8")));
		refusals.put("kind", this.api.post(this.shop.ws() + "/work-centers", this.owner.token(), Map.of("code", "ROBOT",
				"name", "Robot", "kind", "TELEPATHIC", "hourlyRate", "1", "capacityHoursPerDay", "8")));

		refusals.forEach((field, response) -> {
			assertThat(response.status()).as(field + ": " + response).isIn(400, 422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.errorFields()).as(field + ": " + response).contains(field);
		});
		Api.Response duplicate = this.api.post(this.shop.ws() + "/work-centers", this.owner.token(), Map.of("code",
				"assembly", "name", "Again", "kind", "MANUAL", "hourlyRate", "1", "capacityHoursPerDay", "8"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(this.api.get(orders, this.owner.token()).json().path("total").asInt()).isZero();
		assertThat(this.api.get(this.shop.ws() + "/work-centers", this.owner.token()).json().path("total").asInt())
			.isEqualTo(1);
		JsonNode routing = this.api.get(this.shop.ws() + "/products/" + stool + "/routing", this.owner.token()).json();
		assertThat(routing.path("operations")).hasSize(1);
		assertThat(routing.path("operations").get(0).path("name").asText()).isEqualTo("Assemble");
	}

}
