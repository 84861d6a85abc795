package kz.prometric.erp.webhook;

import java.util.Map;
import java.util.stream.Stream;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the webhook routes: a 400 or 422 problem naming the field, and nothing
 * stored.
 */
@ErpIntegrationTest
class WebhookApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@ParameterizedTest(name = "{0} {1} -> {2} {3}")
	@MethodSource("badBodies")
	void refusesBadInputNamingTheField(String method, String body, int status, String field) {
		TestData.User owner = this.data.user("Timur");
		TestData.Org org = this.data.organization(owner, "Timur Input");
		String hooks = "/api/workspaces/" + org.workspaceId() + "/webhooks";
		Api.Response existing = this.api.post(hooks, owner.token(),
				Map.of("url", "https://203.0.113.10/hook", "events", java.util.List.of("deal.won")));
		assertThat(existing.status()).as(existing.toString()).isEqualTo(201);
		String path = method.equals("POST") ? hooks : hooks + "/" + existing.json().path("id").asText();

		Api.Response response = this.api.send(method, path, owner.token(), body, Map.of());

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.errorFields()).as(response.toString()).contains(field);
		}
		assertThat(response.text()).doesNotContain("Exception");
		assertThat(this.api.get(hooks, owner.token()).json().path("total").asInt()).as("nothing stored").isEqualTo(1);
		assertThat(this.api.get(path.equals(hooks) ? hooks : path, owner.token()).text())
			.contains("https://203.0.113.10/hook");
	}

	static Stream<Arguments> badBodies() {
		return Stream.of(Arguments.of("POST", "{\"events\":[\"deal.won\"]}", 400, "url"),
				Arguments.of("POST", "{\"url\":\"not a url\",\"events\":[\"deal.won\"]}", 422, "url"),
				Arguments.of("POST", "{\"url\":\"/relative/hook\",\"events\":[\"deal.won\"]}", 422, "url"),
				Arguments.of("POST", "{\"url\":\"ftp://203.0.113.10/hook\",\"events\":[\"deal.won\"]}", 422, "url"),
				Arguments.of("POST", "{\"url\":\"https://me:pw@203.0.113.10/hook\",\"events\":[\"deal.won\"]}", 422,
						"url"),
				Arguments.of("POST", "{\"url\":\"https://no-such-host.invalid/hook\",\"events\":[\"deal.won\"]}", 422,
						"url"),
				Arguments.of("POST", "{\"url\":[\"https://203.0.113.10/hook\"],\"events\":[\"deal.won\"]}", 400, "url"),
				Arguments.of("POST", "{\"url\":\"https://203.0.113.10/hook\"}", 400, "events"),
				Arguments.of("POST", "{\"url\":\"https://203.0.113.10/hook\",\"events\":[]}", 400, "events"),
				Arguments.of("POST", "{\"url\":\"https://203.0.113.10/hook\",\"events\":\"deal.won\"}", 400, "events"),
				Arguments.of("POST", "{\"url\":\"https://203.0.113.10/hook\",\"events\":[\"deal.wonn\"]}", 422,
						"events"),
				Arguments.of("POST",
						"{\"url\":\"https://203.0.113.10/hook\",\"events\":[\"deal.won\"],\"active\":\"maybe\"}", 400,
						"active"),
				Arguments.of("POST",
						"{\"url\":\"https://203.0.113.10/hook\",\"events\":[\"deal.won\"],\"secret\":\"mine\"}", 400,
						"secret"),
				Arguments.of("POST", "{\"url\":\"https://203.0.113.10/hook\",\"events\":[\"deal.won\"", 400, null),
				Arguments.of("PATCH", "{\"url\":\"\"}", 400, "url"),
				Arguments.of("PATCH", "{\"events\":[]}", 400, "events"),
				Arguments.of("PATCH", "{\"events\":[\"nope\"]}", 422, "events"),
				Arguments.of("PATCH", "{not json", 400, null));
	}

	@Test
	void refusesBadParametersOfTheDeliveryLog() {
		TestData.User owner = this.data.user("Ulan");
		TestData.Org org = this.data.organization(owner, "Ulan Log");
		String hooks = "/api/workspaces/" + org.workspaceId() + "/webhooks";
		String id = this.api
			.post(hooks, owner.token(),
					Map.of("url", "https://203.0.113.10/hook", "events", java.util.List.of("deal.won")))
			.json()
			.path("id")
			.asText();

		for (String query : new String[] { "status=LOST:status", "size=1000:size", "page=0:page", "sort=url:sort" }) {
			String[] parts = query.split(":");
			Api.Response response = this.api.get(hooks + "/" + id + "/deliveries?" + parts[0], owner.token());
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.text()).contains(parts[1]);
		}
		assertThat(this.api.get(hooks + "/" + id + "/deliveries?status=failed", owner.token()).status()).isEqualTo(200);
	}

}
