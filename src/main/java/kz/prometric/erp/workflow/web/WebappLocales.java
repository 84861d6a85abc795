package kz.prometric.erp.workflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The translation files of Camunda's webapps (Tasklist, Cockpit, Admin, Welcome), which
 * load {@code /camunda/app/{app}/locales/{lang}.json} for the browser's language
 * ({@code config.js} lists ru, kk, en and de). Each answer is the webapp's own English
 * (or German) file with the ERP's texts laid over it from
 * {@code classpath:webapp-locales/{app}/{lang}.json}: the Russian and Kazakh
 * translations, the login field called "E-mail" and no "migrate to Camunda 8" banner. A
 * text not yet translated stays English. Public, like the webapps' own static files (the
 * login page needs them).
 */
@RestController
@Hidden
class WebappLocales {

	private static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");

	private static final Set<String> LANGUAGES = Set.of("en", "de", "ru", "kk");

	private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";

	private final ObjectMapper mapper;

	private final Map<String, byte[]> merged = new ConcurrentHashMap<>();

	WebappLocales(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@GetMapping("/camunda/app/{app}/locales/{lang}.json")
	ResponseEntity<byte[]> locale(@PathVariable String app, @PathVariable String lang) {
		if (!APPS.contains(app) || !LANGUAGES.contains(lang)) {
			return ResponseEntity.notFound().build();
		}
		byte[] body = this.merged.computeIfAbsent(app + "/" + lang, key -> merge(app, lang));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.body(body);
	}

	private byte[] merge(String app, String lang) {
		try {
			ObjectNode base = (ObjectNode) read(
					WEBJAR + app + "/locales/" + ("de".equals(lang) ? "de" : "en") + ".json");
			JsonNode ours = read("webapp-locales/" + app + "/" + lang + ".json");
			if (ours != null) {
				ObjectNode labels = (ObjectNode) base.path("labels");
				ours.path("labels").properties().forEach(e -> labels.set(e.getKey(), e.getValue()));
				if (ours.has("dateLocales")) {
					base.set("dateLocales", ours.get("dateLocales"));
				}
			}
			return this.mapper.writeValueAsBytes(base);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unreadable webapp locale " + app + "/" + lang, ex);
		}
	}

	private JsonNode read(String path) throws IOException {
		ClassPathResource resource = new ClassPathResource(path);
		if (!resource.exists()) {
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			return this.mapper.readTree(in);
		}
	}

}
