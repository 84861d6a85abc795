package kz.prometric.erp.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's login to the ERP's pages over plain HTTP, without a browser: the session
 * cookie, the page's language ({@code Accept-Language}) and the CSRF token that the
 * pages' forms carry. For page tests that post forms the way a browser does (or without
 * the token) and read the status and HTML that come back; redirects are not followed.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String baseUrl;

	private final String language;

	private PageSession(String baseUrl, String language) {
		this.baseUrl = baseUrl;
		this.language = language;
	}

	/** Logs in with the login form; {@code language} is the browser's, e.g. "ru". */
	public static PageSession login(String baseUrl, String email, String password, String language) {
		PageSession session = new PageSession(baseUrl, language);
		Page login = session.get("/login");
		Page answer = session.post("/login", login.csrf(), Map.of("email", email, "password", password));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
		assertThat(answer.location()).doesNotContain("error");
		return session;
	}

	/**
	 * The session's cookies as a {@code Cookie} header, for a client of its own (a stream
	 * read line by line).
	 */
	public String cookieHeader() {
		return ((java.net.CookieManager) this.client.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	/**
	 * Posts a form as a browser does ({@code csrf} null: without the token); the fields
	 * keep their order.
	 */
	public Page post(String path, String csrf, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (csrf != null) {
			form.put("_csrf", csrf);
		}
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(
					request.header("Accept-Language", this.language).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""),
					response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A page as it came back: status, redirect target, content type and HTML. */
	public record Page(int status, String location, String contentType, String html) {

		/** The CSRF token of the page's (first) form. */
		public String csrf() {
			Matcher token = CSRF.matcher(this.html);
			assertThat(token.find()).as("a CSRF token on the page").isTrue();
			return token.group(1);
		}

		/** The HTML with no-break spaces as plain ones and entities of quotes decoded. */
		public String text() {
			return this.html.replace('\u00a0', ' ').replace("&nbsp;", " ").replace("&#39;", "'");
		}

		@Override
		public String toString() {
			return this.status + " " + this.location + " "
					+ ((this.html.length() > 500) ? this.html.substring(0, 500) + "…" : this.html);
		}

	}

}
