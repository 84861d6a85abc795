package kz.prometric.erp.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.DealFilter;
import kz.prometric.erp.crm.DealStage;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list search finds Russian and Kazakh names whatever case they are typed in, also
 * on the tests' database, which is created with the C locale (where SQL {@code lower()}
 * folds ASCII only).
 */
@ErpIntegrationTest
class CyrillicSearchTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DealManagement deals;

	@Autowired
	InvoiceManagement invoices;

	TestData.User owner;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Asel");
		this.org = this.data.organization(this.owner, "Іздеу Сынағы ТОО");
	}

	@Test
	void runsOnADatabaseWhoseLowerFoldsAsciiOnly() {
		// the premise of this class (application-test.yml: initdb --locale=C)
		assertThat(this.jdbc.queryForObject("select lower('ALMATY АЛМАТЫ')", String.class)).isEqualTo("almaty АЛМАТЫ");
	}

	@Test
	void findsCustomersInAnyCase() {
		UUID almaty = this.data.customer(this.owner, this.org.workspaceId(), "Алматы Ритейл ТОО");
		UUID kazakh = this.data.customer(this.owner, this.org.workspaceId(), "Әсем Ғарыш Қоңыр Өнім");
		this.data.customer(this.owner, this.org.workspaceId(), "Astana Plain LLP");

		for (String q : List.of("алматы", "АЛМАТЫ", "аЛмАтЫ рИтЕйЛ тоо", "Алматы Ритейл ТОО")) {
			assertThat(ids(ws() + "/customers", q)).as(q).containsExactly(almaty.toString());
		}
		for (String q : List.of("әсем ғарыш", "ӘСЕМ ҒАРЫШ ҚОҢЫР ӨНІМ", "қОңЫр ӨнІм")) {
			assertThat(ids(ws() + "/customers", q)).as(q).containsExactly(kazakh.toString());
		}
	}

	@Test
	void findsProductsByNameAndCodeInAnyCase() {
		String id = created(this.api.post(ws() + "/products", this.owner.token(),
				Map.of("code", "QUM-01", "name", "Өнім Ұн Үлгі Іріктелген", "unit", "pcs", "price", "100")));

		for (String q : List.of("өнім ұн", "ӨНІМ ҰН ҮЛГІ", "үЛгІ іРіКтЕлГеН", "qum-01", "Qum-0")) {
			assertThat(ids(ws() + "/products", q)).as(q).containsExactly(id);
		}
	}

	@Test
	void findsDealsAndTheirStageTotalsInAnyCase() {
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "Алматы Ритейл ТОО");
		String id = this.data.deal(this.owner, this.org.workspaceId(), customer, "Іңкәр келісімі Ғимарат", Map.of())
			.path("id")
			.asText();
		this.data.deal(this.owner, this.org.workspaceId(), customer, "Plain deal", Map.of());

		for (String q : List.of("іңкәр", "ІҢКӘР КЕЛІСІМІ", "іҢкӘр кЕлІсІмІ ғИмАрАт")) {
			assertThat(ids(ws() + "/deals", q)).as(q).containsExactly(id);
			long counted = this.deals
				.stageTotals(this.org.workspaceId(), this.owner.id(), new DealFilter(null, null, null, q))
				.stream()
				.mapToLong(DealManagement.StageTotal::count)
				.sum();
			assertThat(counted).as(q).isEqualTo(1);
		}
		assertThat(this.deals
			.stageTotals(this.org.workspaceId(), this.owner.id(), new DealFilter(null, null, null, "ІҢКӘР"))
			.stream()
			.filter(t -> t.count() > 0)
			.map(DealManagement.StageTotal::stage)).containsExactly(DealStage.NEW);
	}

	@Test
	void findsEmployeesInAnyCase() {
		String id = created(this.api.post("/api/organizations/" + this.org.id() + "/employees", this.owner.token(),
				Map.of("name", "Ғалымжан Құрманғалиев", "email",
						"galymzhan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz", "position",
						"Инженер")));

		for (String q : List.of("ғалымжан", "ҚҰРМАНҒАЛИЕВ", "ғАлЫмЖаН қҰрМаНғАлИеВ")) {
			assertThat(ids("/api/organizations/" + this.org.id() + "/employees", q)).as(q).containsExactly(id);
		}
	}

	@Test
	void findsSuppliersInAnyCase() {
		String id = created(this.api.post(ws() + "/suppliers", this.owner.token(),
				Map.of("name", "Үлкен Өзен Жабдықтаушы", "bin", TestData.nextBin())));

		for (String q : List.of("үлкен өзен", "ЖАБДЫҚТАУШЫ", "үЛкЕн ӨзЕн")) {
			assertThat(ids(ws() + "/suppliers", q)).as(q).containsExactly(id);
		}
	}

	@Test
	void findsOrdersAndInvoicesByTheCustomersNameInAnyCase() {
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "Алматы Ритейл ТОО");
		this.data.customer(this.owner, this.org.workspaceId(), "Other Buyer LLP");
		String orderId = created(this.api.post(ws() + "/orders", this.owner.token(), Map.of("customerId", customer,
				"lines", List.of(Map.of("productName", "Қызмет көрсету", "quantity", "1", "unitPrice", "100.00")))));
		InvoiceView invoice = this.invoices.issueInvoice(OrderInvoices.requestFor(this.api, this.owner.token(),
				this.org.workspaceId(), UUID.fromString(orderId), LocalDate.now()));

		for (String q : List.of("алматы", "АЛМАТЫ РИТЕЙЛ", "аЛмАтЫ рИтЕйЛ тОо")) {
			assertThat(ids(ws() + "/orders", q)).as(q).containsExactly(orderId);
			assertThat(ids(ws() + "/invoices", q)).as(q).containsExactly(invoice.id().toString());
		}
	}

	private List<String> ids(String list, String q) {
		Api.Response found = this.api.get(list + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
				this.owner.token());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.itemValues("id");
	}

	private static String created(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
