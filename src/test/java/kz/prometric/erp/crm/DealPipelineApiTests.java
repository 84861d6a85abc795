package kz.prometric.erp.crm;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline by stage and the forecast by month: counts, values and
 * probability-weighted values exact to the tiyn, only the workspace's own deals, and
 * malformed months refused.
 */
@ErpIntegrationTest
class DealPipelineApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void pipelineCountsValuesAndWeighsThemByProbabilityPerStage() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Pipeline Trade");
		String deals = "/api/workspaces/" + org.workspaceId() + "/deals";
		var customer = this.data.customer(owner, org.workspaceId(), "Almaty Retail LLP");
		JsonNode flour = this.data.deal(owner, org.workspaceId(), customer, "Flour supply",
				Map.of("value", "1000.00", "expectedCloseDate", "2027-01-20"));
		JsonNode sugar = this.data.deal(owner, org.workspaceId(), customer, "Sugar supply",
				Map.of("value", "2500.50", "expectedCloseDate", "2027-03-05"));
		JsonNode salt = this.data.deal(owner, org.workspaceId(), customer, "Salt supply",
				Map.of("value", "0.10", "expectedCloseDate", "2027-03-31"));
		assertThat(this.api
			.post(deals + "/" + sugar.path("id").asText() + "/stage", owner.token(), Map.of("stage", "QUALIFIED"))
			.status()).isEqualTo(200);
		patchProbability(owner, deals, flour, 33);
		patchProbability(owner, deals, sugar, 15);
		patchProbability(owner, deals, salt, 45);
		// another company's deal is not counted
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other Trade");
		this.data.deal(stranger, other.workspaceId(), this.data.customer(stranger, other.workspaceId(), "Other LLP"),
				"Other deal", Map.of("value", "999999.00", "expectedCloseDate", "2027-01-10"));

		Api.Response pipeline = this.api.get(deals + "/pipeline", owner.token());

		assertThat(pipeline.status()).isEqualTo(200);
		JsonNode stages = pipeline.json();
		assertThat(stages).hasSize(6);
		assertThat(stages.get(0).path("stage").asText()).isEqualTo("NEW");
		// 1000.00 × 33 % + 0.10 × 45 % = 330.00 + 0.045 = 330.045 → 330.05
		assertThat(stages.get(0).path("count").asLong()).isEqualTo(2);
		assertThat(stages.get(0).path("value").decimalValue()).isEqualByComparingTo("1000.10");
		assertThat(stages.get(0).path("weightedValue").decimalValue()).isEqualByComparingTo("330.05");
		// 2500.50 × 15 % = 375.075 → 375.08
		assertThat(stages.get(1).path("stage").asText()).isEqualTo("QUALIFIED");
		assertThat(stages.get(1).path("count").asLong()).isEqualTo(1);
		assertThat(stages.get(1).path("value").decimalValue()).isEqualByComparingTo("2500.50");
		assertThat(stages.get(1).path("weightedValue").decimalValue()).isEqualByComparingTo("375.08");
		assertThat(stages.get(4).path("stage").asText()).isEqualTo("WON");
		assertThat(stages.get(4).path("count").asLong()).isZero();
		assertThat(stages.get(4).path("value").decimalValue()).isEqualByComparingTo("0");

		Api.Response forecast = this.api.get(deals + "/forecast?from=2027-01&to=2027-12", owner.token());

		assertThat(forecast.status()).isEqualTo(200);
		assertThat(forecast.json()).hasSize(2);
		assertThat(forecast.json().get(0).path("month").asText()).isEqualTo("2027-01");
		assertThat(forecast.json().get(0).path("count").asLong()).isEqualTo(1);
		assertThat(forecast.json().get(0).path("value").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(forecast.json().get(0).path("weightedValue").decimalValue()).isEqualByComparingTo("330.00");
		assertThat(forecast.json().get(1).path("month").asText()).isEqualTo("2027-03");
		assertThat(forecast.json().get(1).path("count").asLong()).isEqualTo(2);
		assertThat(forecast.json().get(1).path("value").decimalValue()).isEqualByComparingTo("2500.60");
		// 375.075 + 0.045 = 375.12
		assertThat(forecast.json().get(1).path("weightedValue").decimalValue()).isEqualByComparingTo("375.12");
		assertThat(this.api.get(deals + "/forecast?from=2027-02&to=2027-02", owner.token()).json()).isEmpty();
	}

	@Test
	void wonAndLostDealsLeaveTheForecast() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Forecast Trade");
		String deals = "/api/workspaces/" + org.workspaceId() + "/deals";
		var customer = this.data.customer(owner, org.workspaceId(), "Astana Foods LLP");
		JsonNode lost = this.data.deal(owner, org.workspaceId(), customer, "Lost deal",
				Map.of("value", "500.00", "expectedCloseDate", "2027-05-01"));
		assertThat(this.api
			.post(deals + "/" + lost.path("id").asText() + "/stage", owner.token(),
					Map.of("stage", "LOST", "lostReason", "Too expensive"))
			.status()).isEqualTo(200);

		assertThat(this.api.get(deals + "/forecast", owner.token()).json()).isEmpty();
		JsonNode stages = this.api.get(deals + "/pipeline", owner.token()).json();
		assertThat(stages.get(5).path("stage").asText()).isEqualTo("LOST");
		assertThat(stages.get(5).path("count").asLong()).isEqualTo(1);
		assertThat(stages.get(5).path("value").decimalValue()).isEqualByComparingTo("500.00");
	}

	@Test
	void malformedMonthsAndStrangersAreRefused() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Malformed Trade");
		String deals = "/api/workspaces/" + org.workspaceId() + "/deals";

		assertThat(this.api.get(deals + "/forecast?from=2027-13", owner.token()).status()).isEqualTo(400);
		assertThat(this.api.get(deals + "/forecast?to=yesterday", owner.token()).status()).isEqualTo(400);
		Api.Response reversed = this.api.get(deals + "/forecast?from=2027-05&to=2027-01", owner.token());
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.errorFields()).contains("to");

		TestData.User stranger = this.data.user("Stranger");
		assertThat(this.api.get(deals + "/pipeline", stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(deals + "/forecast", stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(deals + "/pipeline", null).status()).isEqualTo(401);
	}

	private void patchProbability(TestData.User owner, String deals, JsonNode deal, int probability) {
		Api.Response patched = this.api.patch(deals + "/" + deal.path("id").asText(), owner.token(),
				Map.of("probability", probability));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

}
