package kz.prometric.erp.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's webapps as the ERP serves them: they follow the browser's language (Russian
 * and Kazakh besides English and German), the login field says e-mail, and no page shows
 * the "migrate to Camunda 8" banner. All of it is public, as the login page needs it.
 */
@ErpIntegrationTest
class WebappLocalesApiTests {

	private static final Map<String, String> ANY = Map.of("Accept", "*/*");

	private static final Set<String> PRODUCT_NAMES = Set.of("Camunda Cockpit", "Optimize");

	@Autowired
	Api api;

	@Test
	void everyWebappOffersRussianAndKazakhAndNoWelcomeMessage() {
		for (String app : new String[] { "tasklist", "cockpit", "admin", "welcome" }) {
			Api.Response config = this.api.send("GET", "/camunda/app/" + app + "/scripts/config.js", null, null, ANY);
			assertThat(config.status()).as(app).isEqualTo(200);
			assertThat(config.text()).as(app)
				.contains("availableLocales: ['ru', 'kk', 'en', 'de']")
				.contains("fallbackLocale: 'en'")
				.contains("disableWelcomeMessage: true");
			Api.Response styles = this.api.send("GET", "/camunda/app/" + app + "/styles/user-styles.css", null, null,
					ANY);
			assertThat(styles.status()).as(app).isEqualTo(200);
			assertThat(styles.text()).as(app).contains(".ce-eol-banner").contains("display: none");
		}
	}

	@Test
	void tasklistIsRussianThroughoutWithDatesAsRussiansWriteThem() {
		JsonNode russian = locale("tasklist", "ru");

		assertThat(russian.path("labels").path("PAGE_LOGIN_USERNAME").asText()).isEqualTo("E-mail");
		assertThat(russian.path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Войти");
		assertThat(russian.path("labels").path("CLAIM_TASK").asText()).isEqualTo("Взять");
		assertThat(russian.path("labels").path("DUE").asText()).isEqualTo("Срок");
		assertThat(russian.path("labels").path("BANNER_CE_EOL_TEXT").asText()).isEmpty();
		assertThat(russian.path("dateLocales").path("longDateFormat").path("L").asText()).isEqualTo("DD.MM.YYYY");
		assertThat(russian.path("dateLocales").path("months").get(11).asText()).isEqualTo("декабря");
	}

	/**
	 * Russian and Kazakh are complete for all four webapps: no text is left as the
	 * English one (except symbols like {@code <null>} and product names), and a
	 * translation uses no placeholder the English text does not fill.
	 */
	@ParameterizedTest
	@CsvSource({ "tasklist,ru", "cockpit,ru", "admin,ru", "welcome,ru", "tasklist,kk", "cockpit,kk", "admin,kk",
			"welcome,kk" })
	void completeTranslationsLeaveNoTextInEnglish(String app, String lang) {
		JsonNode english = locale(app, "en").path("labels");
		JsonNode translated = locale(app, lang).path("labels");
		english.properties().forEach(e -> {
			String text = e.getValue().asText();
			String translation = translated.path(e.getKey()).asText();
			assertThat(translated.has(e.getKey())).as(e.getKey()).isTrue();
			if (text.matches(".*[a-z]{3,}.*") && !text.matches("<[A-Za-z]+>") && !PRODUCT_NAMES.contains(text)
					&& !"E-mail".equals(text)) {
				assertThat(translation).as(app + "/" + lang + " " + e.getKey()).isNotEqualTo(text);
			}
			assertThat(placeholders(text)).as(app + "/" + lang + " " + e.getKey())
				.containsAll(placeholders(translation));
		});
	}

	@Test
	void theLoginSaysEmailAndNoLanguageShowsTheCamunda8Banner() {
		for (String app : new String[] { "tasklist", "cockpit", "admin", "welcome" }) {
			for (String lang : new String[] { "en", "de", "ru", "kk" }) {
				JsonNode labels = locale(app, lang).path("labels");
				assertThat(labels.path("BANNER_CE_EOL_TEXT").asText()).as(app + "/" + lang).isEmpty();
				assertThat(labels.path("PAGE_LOGIN_USERNAME").asText()).as(app + "/" + lang).isIn("E-mail", "E-Mail");
				// untranslated texts fall back to English, never to a key
				assertThat(labels.size()).as(app + "/" + lang).isEqualTo(locale(app, "en").path("labels").size());
			}
		}
		assertThat(locale("tasklist", "kk").path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText())
			.isEqualTo("Кіру");
		assertThat(locale("tasklist", "kk").path("dateLocales").path("months").get(0).asText()).isEqualTo("қаңтар");
		assertThat(locale("cockpit", "ru").path("labels").path("COCKPIT_PROCESSES").asText()).isEqualTo("Процессы");
		assertThat(locale("admin", "ru").path("labels").path("USERS_USERS").asText()).isEqualTo("Пользователи");
		assertThat(locale("admin", "kk").path("labels").path("USERS_USERS").asText()).isEqualTo("Пайдаланушылар");
	}

	@Test
	void unknownAppsAndLanguagesAreNotFound() {
		assertThat(this.api.send("GET", "/camunda/app/tasklist/locales/xx.json", null, null, ANY).status())
			.isEqualTo(404);
		assertThat(this.api.send("GET", "/camunda/app/nothing/locales/ru.json", null, null, ANY).status())
			.isEqualTo(404);
	}

	private static List<String> placeholders(String text) {
		return Pattern.compile("\\{\\{[^}]*}}").matcher(text).results().map(MatchResult::group).toList();
	}

	private JsonNode locale(String app, String lang) {
		Api.Response response = this.api.send("GET", "/camunda/app/" + app + "/locales/" + lang + ".json", null, null,
				ANY);
		assertThat(response.status()).as(app + "/" + lang + " " + response).isEqualTo(200);
		return response.json();
	}

}
