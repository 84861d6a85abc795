package kz.prometric.erp.shared;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Swagger UI reads: the bearer scheme behind its Authorize button, and paging
 * parameters the API accepts when Swagger UI sends them.
 */
@ErpIntegrationTest
class OpenApiDocumentApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void describesTheApiAndItsBearerScheme() {
		JsonNode doc = this.api.get("/v3/api-docs", null).json();

		assertThat(doc.path("info").path("title").asText()).isEqualTo("Prometric ERP API");
		assertThat(doc.path("info").path("description").asText()).contains("/api/auth/login", "Authorize");
		JsonNode bearer = doc.path("components").path("securitySchemes").path("bearerAuth");
		assertThat(bearer.path("type").asText()).isEqualTo("http");
		assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
		assertThat(doc.path("security").findValues("bearerAuth")).isNotEmpty();
	}

	@Test
	void everyListTakesPageSizeAndSortAsTheApiDoes() {
		JsonNode paths = this.api.get("/v3/api-docs", null).json().path("paths");
		JsonNode deals = paths.path("/api/workspaces/{workspaceId}/deals").path("get").path("parameters");
		List<String> names = new ArrayList<>();
		deals.forEach(p -> names.add(p.path("name").asText()));

		assertThat(names).contains("page", "size", "sort").doesNotContain("sortProperty", "direction");
		deals.forEach(p -> {
			if (p.path("name").asText().equals("page") || p.path("name").asText().equals("size")) {
				assertThat(p.path("in").asText()).isEqualTo("query");
				assertThat(p.path("schema").path("type").asText()).isEqualTo("integer");
			}
		});
		// no list anywhere still shows PageQuery as an object parameter
		paths.forEach(path -> path.forEach(operation -> operation.path("parameters")
			.forEach(p -> assertThat(p.path("schema").path("$ref").asText()).doesNotContain("PageQuery"))));
	}

	@Test
	void theDefaultsSwaggerUiSendsAreAccepted() {
		TestData.User owner = this.data.user("Swagger");
		TestData.Org org = this.data.organization(owner, "Swagger Trade");

		Api.Response page = this.api
			.get("/api/workspaces/" + org.workspaceId() + "/deals?page=1&size=20&sort=createdAt,desc", owner.token());

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.json().path("page").asInt()).isEqualTo(1);
	}

	@Test
	void theMainCallsCarryExamplesThatTheApiAccepts() {
		JsonNode paths = this.api.get("/v3/api-docs", null).json().path("paths");
		java.util.function.BiFunction<String, String, JsonNode> example = (method, path) -> paths.path(path)
			.path(method)
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("examples")
			.path("example")
			.path("value");
		for (String[] call : new String[][] { { "post", "/api/auth/register" }, { "post", "/api/auth/login" },
				{ "post", "/api/organizations" }, { "post", "/api/workspaces/{workspaceId}/products" },
				{ "post", "/api/workspaces/{workspaceId}/customers" },
				{ "post", "/api/workspaces/{workspaceId}/deals" },
				{ "post", "/api/workspaces/{workspaceId}/deals/{dealId}/stage" },
				{ "post", "/api/workspaces/{workspaceId}/tasks/{taskId}/complete" },
				{ "post", "/api/workspaces/{workspaceId}/invoices/{invoiceId}/payments" } }) {
			assertThat(example.apply(call[0], call[1]).isObject()).as(call[1]).isTrue();
		}

		// the examples work as documented (only what must be unique or is an id replaced)
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Examples Trade");
		String ws = "/api/workspaces/" + org.workspaceId();
		java.util.Map<String, Object> product = body(example.apply("post", "/api/workspaces/{workspaceId}/products"));
		product.put("code", "FL-" + java.util.UUID.randomUUID().toString().substring(0, 8));
		Api.Response createdProduct = this.api.post(ws + "/products", owner.token(), product);
		assertThat(createdProduct.status()).as(createdProduct.toString()).isEqualTo(201);
		java.util.Map<String, Object> customer = body(example.apply("post", "/api/workspaces/{workspaceId}/customers"));
		customer.put("taxId", TestData.nextBin());
		Api.Response createdCustomer = this.api.post(ws + "/customers", owner.token(), customer);
		assertThat(createdCustomer.status()).as(createdCustomer.toString()).isEqualTo(201);
		java.util.Map<String, Object> deal = body(example.apply("post", "/api/workspaces/{workspaceId}/deals"));
		deal.put("customerId", createdCustomer.json().path("id").asText());
		deal.put("expectedCloseDate", java.time.LocalDate.now().plusDays(30).toString());
		@SuppressWarnings("unchecked")
		java.util.Map<String, Object> line = (java.util.Map<String, Object>) ((List<Object>) deal.get("products"))
			.get(0);
		line.put("productId", createdProduct.json().path("id").asText());
		Api.Response createdDeal = this.api.post(ws + "/deals", owner.token(), deal);
		assertThat(createdDeal.status()).as(createdDeal.toString()).isEqualTo(201);
		Api.Response staged = this.api.post(ws + "/deals/" + createdDeal.json().path("id").asText() + "/stage",
				owner.token(), body(example.apply("post", "/api/workspaces/{workspaceId}/deals/{dealId}/stage")));
		assertThat(staged.status()).as(staged.toString()).isEqualTo(200);
	}

	@SuppressWarnings("unchecked")
	private java.util.Map<String, Object> body(JsonNode example) {
		return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(example, java.util.HashMap.class);
	}

}
