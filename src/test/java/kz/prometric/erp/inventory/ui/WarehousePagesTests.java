package kz.prometric.erp.inventory.ui;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The warehouse pages through the whole web stack (security with CSRF, the page login and
 * its session, the pages' error handling): creating and editing a warehouse, what each
 * role may do there, another workspace's ids, refused input in the page's language, and
 * the list's search (Cyrillic in any case), sort and paging.
 */
@ErpIntegrationTest
class WarehousePagesTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	MockMvc mvc;

	TestData.User owner;

	TestData.Org org;

	MockHttpSession session;

	@BeforeEach
	void setUp() throws Exception {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.owner = this.data.user("Dana");
		this.org = this.data.organization(this.owner, "Dana Storage");
		this.session = login(this.owner);
	}

	@Test
	void createsAWarehouseThatIsListedAndEditsIt() throws Exception {
		String list = page(get(ws() + "/warehouses"));
		assertThat(list).contains("id=\"new-warehouse\"", "No warehouses yet.");
		String form = page(get(ws() + "/warehouses/new"));
		assertThat(form).contains("New warehouse", "name=\"formKey\"");

		MvcResult created = this.mvc
			.perform(post(ws() + "/warehouses").session(this.session)
				.with(csrf())
				.param("code", " ALA-2 ")
				.param("name", "Алматы, склад №2")
				.param("address", "Алматы, Райымбек 100")
				.param("formKey", UUID.randomUUID().toString()))
			.andReturn();

		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(ws() + "/warehouses/");
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		String shown = page(get(location).flashAttrs(created.getFlashMap()));
		assertThat(shown).contains("id=\"warehouse-saved\"", "The warehouse is saved.", "Алматы, склад №2",
				"Алматы, Райымбек 100", "id=\"edit-warehouse\"");
		assertThat(page(get(ws() + "/warehouses"))).contains("data-warehouse-code=\"ALA-2\"", "Алматы, склад №2");

		String edit = page(get(ws() + "/warehouses/" + id + "/edit"));
		assertThat(edit).contains("Edit warehouse", "value=\"ALA-2\"", "Алматы, Райымбек 100")
			.doesNotContain("name=\"formKey\"");
		MvcResult changed = this.mvc
			.perform(post(ws() + "/warehouses/" + id + "/edit").session(this.session)
				.with(csrf())
				.param("code", "ala-3")
				.param("name", "Склад Медеу")
				.param("address", ""))
			.andReturn();

		assertThat(changed.getResponse().getStatus()).isEqualTo(302);
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo(ws() + "/warehouses/" + id);
		assertThat(page(get(ws() + "/warehouses/" + id).flashAttrs(changed.getFlashMap())))
			.contains("The warehouse is saved.", "Склад Медеу", "ala-3")
			.doesNotContain("Райымбек", "id=\"warehouse-address\"");
		Api.Response api = this.api.get("/api/workspaces/" + this.org.workspaceId() + "/warehouses/" + id,
				this.owner.token());
		assertThat(api.json().path("code").asText()).isEqualTo("ala-3");
		assertThat(api.json().hasNonNull("address")).isFalse();
	}

	@Test
	void createsOnceWhenTheSameFormIsSentTwiceButAgainWhenItWasChanged() throws Exception {
		String key = UUID.randomUUID().toString();

		String first = create(key, "AST", "Astana hub").getResponse().getRedirectedUrl();
		String second = create(key, "AST", "Astana hub").getResponse().getRedirectedUrl();
		String changed = create(key, "AST-2", "Astana hub 2").getResponse().getRedirectedUrl();

		assertThat(second).isEqualTo(first);
		assertThat(changed).startsWith(ws() + "/warehouses/").isNotEqualTo(first);
		assertThat(codes()).containsExactly("AST", "AST-2");
	}

	@Test
	void showsATakenCodeBesideTheCodeFieldInThePagesLanguage() throws Exception {
		warehouse("ALA", "Almaty");
		UUID other = warehouse("AST", "Astana");

		MvcResult duplicate = this.mvc
			.perform(post(ws() + "/warehouses").session(this.session)
				.with(csrf())
				.header("Accept-Language", "ru")
				.param("code", "ala")
				.param("name", "Копия"))
			.andReturn();

		assertThat(duplicate.getResponse().getStatus()).isEqualTo(422);
		assertThat(fieldError(duplicate, "code")).isEqualTo("Склад с таким кодом уже есть.");
		assertThat(duplicate.getResponse().getContentAsString()).contains("value=\"Копия\"");
		MvcResult renamed = this.mvc
			.perform(post(ws() + "/warehouses/" + other + "/edit").session(this.session)
				.with(csrf())
				.header("Accept-Language", "kk")
				.param("code", "ALA")
				.param("name", "Astana"))
			.andReturn();
		assertThat(renamed.getResponse().getStatus()).isEqualTo(422);
		assertThat(fieldError(renamed, "code")).isEqualTo("Мұндай коды бар қойма бұрыннан бар.");
		assertThat(codes()).containsExactly("ALA", "AST");
	}

	/**
	 * Two people save the same code at once: the second insert waits on the unique index
	 * until the first commits, and its refusal is the code field's error, not a 500.
	 */
	@Test
	void showsACodeTakenByAConcurrentSaveBesideTheCodeField() throws Exception {
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = pool.submit(() -> new TransactionTemplate(this.transactions).executeWithoutResult(s -> {
				Instant now = Instant.now();
				this.jdbc.update(
						"insert into inv_warehouse (id, workspace_id, code, name, created_at, updated_at) "
								+ "values (?, ?, 'RACE', 'First', ?, ?)",
						UUID.randomUUID(), this.org.workspaceId(), Timestamp.from(now), Timestamp.from(now));
				inserted.countDown();
				try {
					commit.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<MvcResult> second = pool.submit(
					() -> this.mvc
						.perform(post(ws() + "/warehouses").session(this.session)
							.with(csrf())
							.param("code", "race")
							.param("name", "Second"))
						.andReturn());
			waitUntilAnInsertWaitsForALock();
			commit.countDown();
			first.get(30, TimeUnit.SECONDS);
			MvcResult refused = second.get(30, TimeUnit.SECONDS);

			assertThat(refused.getResponse().getStatus()).isEqualTo(422);
			assertThat(fieldError(refused, "code")).isEqualTo("Another warehouse already has this code.");
			assertThat(codes()).containsExactly("RACE");
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	@ParameterizedTest(name = "{0}={1} -> {2}")
	@CsvSource(delimiter = '|', value = { "code|'   '|Fill this in.",
			"code|-ALA|Letters, digits and . _ / - only, starting with a letter or digit.",
			"code|ALA 1|Letters, digits and . _ / - only, starting with a letter or digit.",
			"code|Алматы|Letters, digits and . _ / - only, starting with a letter or digit.",
			"code|{51}|At most 50 characters.", "name|'   '|Fill this in.", "name|{256}|At most 255 characters.",
			"name|{nul}|Contains a character that cannot be stored.", "address|{1001}|At most 1,000 characters." })
	void refusesBadInputBesideTheFieldAndCreatesNothing(String field, String value, String message) throws Exception {
		Map<String, String> params = new HashMap<>(Map.of("code", "OK-1", "name", "Fine", "address", ""));
		params.put(field, typed(value));
		MockHttpServletRequestBuilder request = post(ws() + "/warehouses").session(this.session).with(csrf());
		params.forEach(request::param);

		MvcResult refused = this.mvc.perform(request).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(fieldError(refused, field)).isEqualTo(message);
		assertThat(refused.getResponse().getContentAsString()).contains("Please correct the marked fields.");
		assertThat(codes()).isEmpty();
	}

	@Test
	void refusesBadInputWhenEditingAndKeepsTheWarehouse() throws Exception {
		UUID id = warehouse("ALA", "Almaty");

		MvcResult refused = this.mvc
			.perform(post(ws() + "/warehouses/" + id + "/edit").session(this.session)
				.with(csrf())
				.header("Accept-Language", "ru")
				.param("code", "ALA")
				.param("name", " ")
				.param("address", "x".repeat(1001)))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(fieldError(refused, "name")).isEqualTo("Заполните это поле.");
		assertThat(fieldError(refused, "address")).isEqualTo("Не более 1 000 символов.");
		assertThat(this.api.get("/api/workspaces/" + this.org.workspaceId() + "/warehouses/" + id, this.owner.token())
			.json()
			.path("name")
			.asText()).isEqualTo("Almaty");
	}

	@Test
	void answersNotFoundForAnotherWorkspacesWarehouseAndLeavesItAsItWas() throws Exception {
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Stranger Storage");
		Api.Response secret = this.api.post("/api/workspaces/" + other.workspaceId() + "/warehouses", stranger.token(),
				Map.of("code", "SEC", "name", "Secret store"));
		String secretId = secret.json().path("id").asText();

		for (String path : List.of(ws() + "/warehouses/" + secretId + "/edit",
				ws() + "/warehouses/" + UUID.randomUUID() + "/edit",
				"/app/" + other.workspaceId() + "/warehouses/" + secretId + "/edit",
				"/app/" + other.workspaceId() + "/warehouses/new", "/app/" + other.workspaceId() + "/warehouses")) {
			MvcResult shown = this.mvc.perform(get(path).session(this.session)).andReturn();
			assertThat(shown.getResponse().getStatus()).as(path).isEqualTo(404);
			assertThat(shown.getResponse().getContentAsString()).as(path).doesNotContain("Secret", "SEC");
		}
		for (String path : List.of(ws() + "/warehouses/" + secretId + "/edit",
				"/app/" + other.workspaceId() + "/warehouses/" + secretId + "/edit",
				"/app/" + other.workspaceId() + "/warehouses")) {
			MvcResult sent = this.mvc
				.perform(post(path).session(this.session).with(csrf()).param("code", "MINE").param("name", "Mine"))
				.andReturn();
			assertThat(sent.getResponse().getStatus()).as(path).isEqualTo(404);
		}
		MvcResult malformed = this.mvc.perform(get(ws() + "/warehouses/not-an-id/edit").session(this.session))
			.andReturn();
		assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
		Api.Response after = this.api.get("/api/workspaces/" + other.workspaceId() + "/warehouses/" + secretId,
				stranger.token());
		assertThat(after.json().path("code").asText()).isEqualTo("SEC");
		assertThat(after.json().path("name").asText()).isEqualTo("Secret store");
		assertThat(codes()).isEmpty();
	}

	@Test
	void showsMembersNoButtonsAndRefusesThemTheForms() throws Exception {
		UUID id = warehouse("ALA", "Almaty");
		TestData.User member = this.data.user("Member");
		this.data.join(this.owner, this.org.workspaceId(), member, "MEMBER");
		MockHttpSession memberSession = login(member);

		String list = this.mvc.perform(get(ws() + "/warehouses").session(memberSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String warehouse = this.mvc.perform(get(ws() + "/warehouses/" + id).session(memberSession))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(list).contains("Almaty").doesNotContain("new-warehouse", "new-receipt");
		assertThat(warehouse).contains("Almaty").doesNotContain("edit-warehouse", "receive-here");
		for (String path : List.of(ws() + "/warehouses/new", ws() + "/warehouses/" + id + "/edit")) {
			assertThat(this.mvc.perform(get(path).session(memberSession)).andReturn().getResponse().getStatus())
				.as(path)
				.isEqualTo(403);
		}
		for (String path : List.of(ws() + "/warehouses", ws() + "/warehouses/" + id + "/edit")) {
			MvcResult sent = this.mvc
				.perform(post(path).session(memberSession).with(csrf()).param("code", "MEM").param("name", "Member's"))
				.andReturn();
			assertThat(sent.getResponse().getStatus()).as(path).isEqualTo(403);
		}
		assertThat(codes()).containsExactly("ALA");
	}

	@Test
	void refusesAFormSentWithoutTheCsrfToken() throws Exception {
		UUID id = warehouse("ALA", "Almaty");

		MvcResult created = this.mvc
			.perform(post(ws() + "/warehouses").session(this.session).param("code", "CSRF").param("name", "Forged"))
			.andReturn();
		MvcResult changed = this.mvc
			.perform(post(ws() + "/warehouses/" + id + "/edit").session(this.session)
				.param("code", "ALA")
				.param("name", "Forged"))
			.andReturn();

		assertThat(created.getResponse().getStatus()).isEqualTo(403);
		assertThat(changed.getResponse().getStatus()).isEqualTo(403);
		assertThat(codes()).containsExactly("ALA");
		assertThat(page(get(ws() + "/warehouses/" + id))).doesNotContain("Forged");
	}

	@Test
	void findsWarehousesByCodeNameOrAddressInAnyCaseCyrillicIncluded() throws Exception {
		warehouse("ALA-1", "Алматы, центральный склад");
		warehouse("ALA-2", "Медеу");
		this.api.patch("/api/workspaces/" + this.org.workspaceId() + "/warehouses/" + warehouse("SHY", "Шымкент"),
				this.owner.token(), Map.of("address", "мкр. Алматы-3"));
		warehouse("AST", "Астана ӘҒҚ");

		assertThat(listedCodes("АЛМАТЫ")).containsExactly("ALA-1", "SHY");
		assertThat(listedCodes("алматы")).containsExactly("ALA-1", "SHY");
		assertThat(listedCodes("ala")).containsExactly("ALA-1", "ALA-2");
		assertThat(listedCodes("әғқ")).containsExactly("AST");
		assertThat(listedCodes("100%")).isEmpty();
		String none = page(get(ws() + "/warehouses").param("q", "Караганда"));
		assertThat(none).contains("No warehouse matches &quot;Караганда&quot;. Change the search.")
			.doesNotContain("No warehouses yet.", "id=\"warehouse-list\"");
		Api.Response api = this.api.get(
				"/api/workspaces/" + this.org.workspaceId() + "/warehouses?q=%D0%90%D0%9B%D0%9C%D0%90%D0%A2%D0%AB",
				this.owner.token());
		assertThat(api.itemValues("code")).containsExactly("ALA-1", "SHY");
		assertThat(api.json().path("total").asInt()).isEqualTo(2);
	}

	@Test
	void keepsTheSearchInTheSortAndPagingLinks() throws Exception {
		for (int i = 1; i <= 3; i++) {
			warehouse("ALA-" + i, "Алматы " + i);
		}
		warehouse("AST", "Астана");

		String first = page(
				get(ws() + "/warehouses").param("q", "алматы").param("sort", "name,desc").param("size", "2"));

		assertThat(rowCodes(first)).containsExactly("ALA-3", "ALA-2");
		assertThat(first).contains("value=\"алматы\"", "1–2 of 3");
		String encoded = "q=%D0%B0%D0%BB%D0%BC%D0%B0%D1%82%D1%8B";
		assertThat(first)
			.contains("href=\"" + ws() + "/warehouses?" + encoded + "&amp;sort=name,desc&amp;page=2&amp;size=2\"");
		assertThat(first).contains("href=\"" + ws() + "/warehouses?" + encoded + "&amp;sort=code,asc\"");
		String second = page(get(ws() + "/warehouses").param("q", "алматы")
			.param("sort", "name,desc")
			.param("page", "2")
			.param("size", "2"));
		assertThat(rowCodes(second)).containsExactly("ALA-1");
		String fragment = page(get(ws() + "/warehouses").param("q", "астана").header("HX-Request", "true"));
		assertThat(fragment).startsWith("<div id=\"warehouse-results\"").doesNotContain("<html");
		assertThat(rowCodes(fragment)).containsExactly("AST");
		assertThat(rowCodes(page(get(ws() + "/warehouses").param("sort", "createdAt,desc")))).hasSize(4);
		Api.Response byDate = this.api.get(
				"/api/workspaces/" + this.org.workspaceId() + "/warehouses?q=ala&sort=createdAt,desc",
				this.owner.token());
		assertThat(byDate.status()).as(byDate.toString()).isEqualTo(200);
		assertThat(byDate.itemValues("code")).containsExactlyInAnyOrder("ALA-1", "ALA-2", "ALA-3");
		MvcResult badSort = this.mvc
			.perform(get(ws() + "/warehouses").param("q", "x").param("sort", "address").session(this.session))
			.andReturn();
		assertThat(badSort.getResponse().getStatus()).isBetween(400, 499);
	}

	private List<String> listedCodes(String search) throws Exception {
		return rowCodes(page(get(ws() + "/warehouses").param("q", search)));
	}

	private static List<String> rowCodes(String html) {
		return Pattern.compile("data-warehouse-code=\"([^\"]+)\"")
			.matcher(html)
			.results()
			.map(m -> m.group(1))
			.toList();
	}

	private MvcResult create(String formKey, String code, String name) throws Exception {
		MvcResult result = this.mvc
			.perform(post(ws() + "/warehouses").session(this.session)
				.with(csrf())
				.param("code", code)
				.param("name", name)
				.param("formKey", formKey))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result;
	}

	/** The page's HTML, which must answer 200. */
	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.session(this.session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	/** The text beside a field of the form (its invalid-feedback). */
	private static String fieldError(MvcResult result, String field) throws Exception {
		var matcher = Pattern.compile("id=\"" + field + "-error\">([^<]*)<")
			.matcher(result.getResponse().getContentAsString());
		assertThat(matcher.find()).as("error beside " + field).isTrue();
		// numbers are grouped as the language does it (1,000 or 1 000 with a no-break
		// space)
		return HtmlUtils.htmlUnescape(matcher.group(1)).replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private static String typed(String value) {
		return switch (value) {
			case "{51}" -> "A".repeat(51);
			case "{256}" -> "n".repeat(256);
			case "{1001}" -> "a".repeat(1001);
			case "{nul}" -> "Bad\u0000name";
			default -> value;
		};
	}

	private List<String> codes() {
		return this.jdbc.queryForList("select code from inv_warehouse where workspace_id = ? order by code",
				String.class, this.org.workspaceId());
	}

	private UUID warehouse(String code, String name) {
		Api.Response created = this.api.post("/api/workspaces/" + this.org.workspaceId() + "/warehouses",
				this.owner.token(), Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private void waitUntilAnInsertWaitsForALock() throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			Integer waiting = this.jdbc.queryForObject(
					"select count(*) from pg_stat_activity "
							+ "where wait_event_type = 'Lock' and query ilike 'insert into inv_warehouse%'",
					Integer.class);
			if (waiting != null && waiting > 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The second insert never waited for the first");
	}

	private MockHttpSession login(TestData.User user) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("email", user.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private String ws() {
		return "/app/" + this.org.workspaceId();
	}

}
