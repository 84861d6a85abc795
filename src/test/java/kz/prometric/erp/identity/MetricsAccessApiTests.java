package kz.prometric.erp.identity;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.Mailboxes;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics are platform data: on the application port only platform administrators read
 * them; health stays open for probes.
 */
@ErpIntegrationTest
class MetricsAccessApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	GreenMail greenMail;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/metrics", "/actuator/prometheus", "/actuator/metrics/jvm.memory.used" })
	void refusesMetricsToARegisteredUser(String path) {
		TestData.User user = this.data.user("Curious");

		Api.Response response = this.api.get(path, user.token());

		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text()).doesNotContain("jvm");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/metrics", "/actuator/prometheus" })
	void asksAnonymousCallersToAuthenticate(String path) {
		assertThat(this.api.get(path, null).status()).isEqualTo(401);
	}

	@Test
	void showsMetricsToAPlatformAdministrator() {
		TestData.User admin = this.data.platformAdmin();

		Api.Response metrics = this.api.get("/actuator/metrics", admin.token());
		Api.Response prometheus = this.api.send("GET", "/actuator/prometheus", admin.token(), null,
				Map.of("Accept", "text/plain"));

		assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
		assertThat(metrics.json().path("names").toString()).contains("jvm.memory.used");
		assertThat(prometheus.status()).as(prometheus.toString()).isEqualTo(200);
		assertThat(prometheus.text()).contains("jvm_memory_used_bytes");
	}

	@Test
	void anAdministratorsAddressGivesNoRightsUntilItIsConfirmed() {
		String email = "late-admin@prometric.test";
		assertThat(this.api
			.post("/api/auth/register", null,
					Map.of("email", email, "password", TestData.PASSWORD, "firstName", "Late", "lastName", "Admin"))
			.status()).isEqualTo(202);
		String token = this.api.post("/api/auth/login", null, Map.of("email", email, "password", TestData.PASSWORD))
			.json()
			.path("accessToken")
			.asText();
		assertThat(this.api.get("/actuator/metrics", token).status()).isEqualTo(403);

		this.data.confirmEmail(email);

		assertThat(this.api.get("/actuator/metrics", token).status()).isEqualTo(200);
		assertThat(Mailboxes.verificationTokens(this.greenMail, email)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/livez",
			"/readyz" })
	void keepsHealthOpenForProbes(String path) {
		Api.Response response = this.api.get(path, null);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("status").asText()).isEqualTo("UP");
	}

}
