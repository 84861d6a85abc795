package kz.prometric.erp.identity;

import java.util.Map;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ErpIntegrationTest
class AuthApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void registeredUserLogsInAndSeesThemself() {
		TestData.User user = this.data.user("Aigerim");

		Api.Response me = this.api.get("/api/me", user.token());

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("email").asText()).isEqualTo(user.email());
		assertThat(me.json().has("passwordHash")).isFalse();
	}

	@Test
	void refusesWrongPasswordWithProblem() {
		TestData.User user = this.data.user("Bolat");

		Api.Response login = this.api.post("/api/auth/login", null,
				Map.of("email", user.email(), "password", "wrong-password"));

		assertThat(login.status()).isEqualTo(401);
		assertThat(login.contentType()).startsWith("application/problem+json");
	}

}
