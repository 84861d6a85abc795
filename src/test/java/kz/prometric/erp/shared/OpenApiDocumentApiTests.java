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

}
